package io.ledgerstream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The configuration of every Ledgerstream command, immutable once built.
 *
 * <p>Order of precedence, lowest first: built-in defaults, the properties file named by
 * {@code LEDGERSTREAM_CONFIG}, environment variables, then explicit overrides (command-line flags).
 * Ledgerstream's own keys are listed in {@link Key}. Any Kafka client or Streams property passes
 * through: in the file as {@code kafka.<property>}, in the environment as
 * {@code LEDGERSTREAM_KAFKA_<PROPERTY>} ({@code LEDGERSTREAM_KAFKA_COMMIT_INTERVAL_MS=100} sets
 * {@code commit.interval.ms}). A pass-through that would set something Ledgerstream manages through
 * its own key (bootstrap servers, application id, application server) is refused, as is an unknown
 * key in the file, so a typo never goes unnoticed.
 */
public final class LedgerstreamConfig {

    /** Ledgerstream's own settings: property name, environment variable, default. */
    public enum Key {
        BOOTSTRAP_SERVERS("bootstrap.servers", "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
        SCHEMA_REGISTRY_URL("schema.registry.url", "SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7"),
        /** The Redis the API instances share (cache, limits) and the notifier dedupes in; empty: the API goes without. */
        REDIS_URL("redis.url", "REDIS_URL", "redis://127.0.0.1:6379"),
        TOPIC_PREFIX("topic.prefix", "LEDGERSTREAM_TOPIC_PREFIX", ""),
        PARTITIONS("topic.partitions", "LEDGERSTREAM_PARTITIONS", "4"),
        APPLICATION_ID("application.id", "LEDGERSTREAM_APPLICATION_ID", "ledgerstream"),
        STATE_DIR("state.dir", "LEDGERSTREAM_STATE_DIR", System.getProperty("java.io.tmpdir") + "/ledgerstream-state"),
        HTTP_HOST("http.host", "LEDGERSTREAM_HTTP_HOST", "127.0.0.1"),
        HTTP_PORT("http.port", "LEDGERSTREAM_HTTP_PORT", "8080"),
        /** host:port other instances use to reach this one's API; empty for a single instance. */
        APPLICATION_SERVER("application.server", "LEDGERSTREAM_APPLICATION_SERVER", ""),
        STREAM_THREADS("stream.threads", "LEDGERSTREAM_STREAM_THREADS", "1"),
        /**
         * Copies of each task's state kept warm on other instances, which take over at once when an
         * instance dies, and answer reads that allow stale ones meanwhile. Only with application.server
         * (several instances); a single instance keeps none.
         */
        STANDBY_REPLICAS("standby.replicas", "LEDGERSTREAM_STANDBY_REPLICAS", "1"),
        /**
         * The native memory all RocksDB stores of a process share for their block cache and memtables,
         * in MiB; without it each store instance would take its own (50 MiB of cache, up to 48 MiB of
         * memtables).
         */
        ROCKSDB_MEMORY_MB("state.rocksdb.memory.mb", "LEDGERSTREAM_ROCKSDB_MEMORY_MB", "256"),
        /** The key webhooks are signed with (HMAC-SHA256); never logged. Empty: webhooks are not sent. */
        WEBHOOK_SECRET("notify.webhook.secret", "LEDGERSTREAM_WEBHOOK_SECRET", "", true),
        /** {@code smtp://[user:password@]host[:port]} (or {@code smtps://}) of the mail server; empty: no e-mail. */
        SMTP_URL("notify.smtp.url", "LEDGERSTREAM_SMTP_URL", ""),
        SMTP_FROM("notify.smtp.from", "LEDGERSTREAM_SMTP_FROM", "ledgerstream@localhost"),
        /**
         * The key API tokens are signed with (HMAC-SHA256, at least 32 bytes), the same on every instance;
         * never logged. Empty: each process makes a random one, so its tokens hold only there.
         */
        JWT_SECRET("auth.jwt.secret", "LEDGERSTREAM_JWT_SECRET", "", true),
        /** How long a token from {@code /api/v1/auth/login} holds, in seconds. */
        TOKEN_TTL_SECONDS("auth.token.ttl.seconds", "LEDGERSTREAM_TOKEN_TTL_SECONDS", "900"),
        /** Who may register accounts: {@code admin} (a token with the admin scope) or {@code open} (anyone). */
        REGISTRATION("auth.registration", "LEDGERSTREAM_REGISTRATION", "admin"),
        /** The JWKS of an external identity provider whose tokens are accepted too; empty: none. */
        JWKS_URL("auth.jwks.url", "LEDGERSTREAM_JWKS_URL", ""),
        /** The issuer ({@code iss}) the external provider's tokens must name; required with a JWKS URL. */
        JWKS_ISSUER("auth.jwks.issuer", "LEDGERSTREAM_JWKS_ISSUER", ""),
        /** The audience ({@code aud}) they must name; empty: any. */
        JWKS_AUDIENCE("auth.jwks.audience", "LEDGERSTREAM_JWKS_AUDIENCE", ""),
        /** Requests one token may make per minute, across all instances; 0 for no limit. */
        RATE_LIMIT_PER_MINUTE("api.rate.limit.per.minute", "LEDGERSTREAM_RATE_LIMIT_PER_MINUTE", "600");

        final String property;
        final String env;
        final String defaultValue;
        final boolean secret;

        Key(String property, String env, String defaultValue) {
            this(property, env, defaultValue, false);
        }

        Key(String property, String env, String defaultValue, boolean secret) {
            this.property = property;
            this.env = env;
            this.defaultValue = defaultValue;
            this.secret = secret;
        }

        public String property() {
            return property;
        }

        public String env() {
            return env;
        }
    }

    private static final Pattern CREDENTIALS_IN_URL = Pattern.compile("//[^/@\\s]*@");
    static final String KAFKA_FILE_PREFIX = "kafka.";
    static final String KAFKA_ENV_PREFIX = "LEDGERSTREAM_KAFKA_";
    private static final Set<String> MANAGED_KAFKA_PROPERTIES =
            Set.of("bootstrap.servers", "application.id", "application.server", "state.dir");

    private final Map<Key, String> values;
    private final Map<String, String> kafka;

    private LedgerstreamConfig(Map<Key, String> values, Map<String, String> kafka) {
        this.values = Collections.unmodifiableMap(values);
        this.kafka = Collections.unmodifiableMap(kafka);
    }

    /** Defaults, then the file named by {@code LEDGERSTREAM_CONFIG}, then the process environment. */
    public static LedgerstreamConfig fromEnvironment() {
        return load(System.getenv());
    }

    /** As {@link #fromEnvironment()}, with the environment given (tests). */
    public static LedgerstreamConfig load(Map<String, String> env) {
        Map<Key, String> values = new LinkedHashMap<>();
        for (Key key : Key.values()) {
            values.put(key, key.defaultValue);
        }
        Map<String, String> kafka = new LinkedHashMap<>();
        String file = env.get("LEDGERSTREAM_CONFIG");
        if (file != null && !file.isBlank()) {
            readFile(Path.of(file), values, kafka);
        }
        for (Key key : Key.values()) {
            String fromEnv = env.get(key.env);
            if (fromEnv != null) {
                values.put(key, fromEnv);
            }
        }
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_ENV_PREFIX)) {
                putKafka(kafka, name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'),
                        value, "environment variable " + name);
            }
        });
        return new LedgerstreamConfig(values, kafka);
    }

    private static void readFile(Path path, Map<Key, String> values, Map<String, String> kafka) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + path + ": " + e.getMessage());
        }
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name).trim();
            if (name.startsWith(KAFKA_FILE_PREFIX)) {
                putKafka(kafka, name.substring(KAFKA_FILE_PREFIX.length()), value, path + ": " + name);
            } else {
                values.put(keyOf(name).orElseThrow(() -> new ConfigException(path + ": unknown key '" + name
                        + "' (Ledgerstream keys: " + knownProperties() + "; Kafka properties take the prefix kafka.)")), value);
            }
        }
    }

    private static void putKafka(Map<String, String> kafka, String property, String value, String where) {
        if (MANAGED_KAFKA_PROPERTIES.contains(property)) {
            throw new ConfigException(where + " sets " + property + ", which Ledgerstream manages: use its own key "
                    + keyOf(property).map(k -> k.env).orElse(property) + " instead");
        }
        kafka.put(property, value);
    }

    private static Optional<Key> keyOf(String property) {
        for (Key key : Key.values()) {
            if (key.property.equals(property)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static String knownProperties() {
        StringBuilder names = new StringBuilder();
        for (Key key : Key.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(key.property);
        }
        return names.toString();
    }

    /** A copy with one setting overridden (command-line flags, tests). */
    public LedgerstreamConfig with(Key key, String value) {
        Map<Key, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new LedgerstreamConfig(copy, kafka);
    }

    /** A copy with one Kafka client or Streams property set. */
    public LedgerstreamConfig withKafka(String property, String value) {
        Map<String, String> copy = new LinkedHashMap<>(kafka);
        putKafka(copy, property, value, "override");
        return new LedgerstreamConfig(values, copy);
    }

    public String get(Key key) {
        return values.get(key);
    }

    public String bootstrapServers() {
        return get(Key.BOOTSTRAP_SERVERS);
    }

    public String schemaRegistryUrl() {
        return get(Key.SCHEMA_REGISTRY_URL);
    }

    public String redisUrl() {
        return get(Key.REDIS_URL);
    }

    public String topicPrefix() {
        return get(Key.TOPIC_PREFIX);
    }

    public int partitions() {
        return intValue(Key.PARTITIONS);
    }

    public String applicationId() {
        return get(Key.APPLICATION_ID);
    }

    public String stateDir() {
        return get(Key.STATE_DIR);
    }

    public String httpHost() {
        return get(Key.HTTP_HOST);
    }

    public int httpPort() {
        return intValue(Key.HTTP_PORT);
    }

    public Optional<String> applicationServer() {
        String server = get(Key.APPLICATION_SERVER);
        return server == null || server.isBlank() ? Optional.empty() : Optional.of(server);
    }

    /** The webhook signing key, if one is set. */
    public Optional<String> webhookSecret() {
        String secret = get(Key.WEBHOOK_SECRET);
        return secret == null || secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    /** The mail server's URL, if one is set. */
    public Optional<String> smtpUrl() {
        String url = get(Key.SMTP_URL);
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
    }

    /** The token signing key, if one is set. */
    public Optional<String> jwtSecret() {
        String secret = get(Key.JWT_SECRET);
        return secret == null || secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    public int tokenTtlSeconds() {
        return intValue(Key.TOKEN_TTL_SECONDS);
    }

    /** Requests one token may make per minute ({@code api.rate.limit.per.minute}); 0: unlimited. */
    public int rateLimitPerMinute() {
        int limit = intValue(Key.RATE_LIMIT_PER_MINUTE);
        if (limit < 0) {
            throw new ConfigException(Key.RATE_LIMIT_PER_MINUTE.property + " (" + Key.RATE_LIMIT_PER_MINUTE.env
                    + ") must be 0 (no limit) or more, got " + limit);
        }
        return limit;
    }

    /** Whether anyone may register an account ({@code auth.registration=open}) rather than only an admin. */
    public boolean openRegistration() {
        String value = get(Key.REGISTRATION).strip();
        return switch (value) {
            case "open" -> true;
            case "admin" -> false;
            default -> throw new ConfigException(Key.REGISTRATION.property + " (" + Key.REGISTRATION.env
                    + ") must be open or admin, got '" + value + "'");
        };
    }

    public String smtpFrom() {
        return get(Key.SMTP_FROM);
    }

    public int streamThreads() {
        return intValue(Key.STREAM_THREADS);
    }

    /** Standby replicas of each task ({@code standby.replicas}). */
    public int standbyReplicas() {
        int replicas = intValue(Key.STANDBY_REPLICAS);
        if (replicas < 0) {
            throw new ConfigException(Key.STANDBY_REPLICAS.property + " (" + Key.STANDBY_REPLICAS.env
                    + ") must be 0 or more, got " + replicas);
        }
        return replicas;
    }

    /** The native memory the RocksDB stores of a process share ({@code state.rocksdb.memory.mb}), in bytes. */
    public long rocksDbMemoryBytes() {
        int megabytes = intValue(Key.ROCKSDB_MEMORY_MB);
        if (megabytes < 16) {
            throw new ConfigException(Key.ROCKSDB_MEMORY_MB.property + " (" + Key.ROCKSDB_MEMORY_MB.env
                    + ") must be at least 16, got " + megabytes);
        }
        return megabytes * 1024L * 1024L;
    }

    /** The pass-through Kafka client and Streams properties. */
    public Map<String, String> kafkaProperties() {
        return kafka;
    }

    /**
     * The settings of an admin client: the pass-through properties an admin client knows (plain, or
     * prefixed {@code admin.} as Streams spells them), and the bootstrap servers.
     */
    public Map<String, Object> adminProperties() {
        Set<String> known = AdminClientConfig.configNames();
        Map<String, Object> properties = new HashMap<>();
        kafka.forEach((name, value) -> {
            String plain = name.startsWith("admin.") ? name.substring("admin.".length()) : name;
            if (known.contains(plain)) {
                properties.put(plain, value);
            }
        });
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    private int intValue(Key key) {
        String value = get(key);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key.property + " (" + key.env + ") must be a whole number, got '" + value + "'");
        }
    }

    /**
     * For logs: Kafka pass-throughs by name only (sasl.jaas.config holds secrets), any
     * {@code user:password@} in a URL (Redis, the registry, SMTP) masked, and secrets as {@code ***}.
     */
    @Override
    public String toString() {
        Map<Key, String> shown = new LinkedHashMap<>();
        values.forEach((key, value) -> shown.put(key, key.secret && !value.isEmpty() ? "***"
                : CREDENTIALS_IN_URL.matcher(value).replaceAll("//***@")));
        return "LedgerstreamConfig" + shown + " + kafka properties " + kafka.keySet();
    }
}
