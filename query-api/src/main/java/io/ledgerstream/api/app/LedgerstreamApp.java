package io.ledgerstream.api.app;

import io.javalin.Javalin;
import io.ledgerstream.api.auth.Authentication;
import io.ledgerstream.api.auth.ExternalTokens;
import io.ledgerstream.api.auth.FailedLogins;
import io.ledgerstream.api.auth.PasswordHasher;
import io.ledgerstream.api.auth.TokenService;
import io.ledgerstream.api.cache.ResponseCache;
import io.ledgerstream.api.limit.RateLimiter;
import io.ledgerstream.api.live.AlertTopicListener;
import io.ledgerstream.api.live.LiveAlerts;
import io.ledgerstream.api.http.ApiDependencies;
import io.ledgerstream.api.http.ApiServer;
import io.ledgerstream.api.publish.KafkaUserCommandPublisher;
import io.ledgerstream.api.publish.UserCommandPublisher;
import io.ledgerstream.api.query.InteractiveQueryReader;
import io.ledgerstream.api.query.KeyLocator;
import io.ledgerstream.api.query.StreamsKeyLocator;
import io.ledgerstream.api.redis.SharedRedis;
import io.ledgerstream.api.routing.ForwardingRouting;
import io.ledgerstream.api.routing.OwnerRouting;
import io.ledgerstream.config.ConfigException;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.topology.LedgerstreamTopology;
import io.ledgerstream.topology.StreamsSettings;
import io.ledgerstream.topology.TopologySettings;
import io.ledgerstream.topology.store.OpenStores;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Ledgerstream process: a Kafka Streams instance of the topology and, in the same JVM, the HTTP API
 * over its state stores, plus the producer of corrections and settings. Local state is kept across
 * restarts ({@code cleanUp()} is never called); a failed stream thread is replaced.
 */
public final class LedgerstreamApp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerstreamApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);
    /** Redis answers in well under a millisecond here; a request waits at most this for it. */
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(250);

    private final LedgerstreamConfig config;
    private final TopicCatalog catalog;
    private final CompletableFuture<KafkaStreams.State> stopped = new CompletableFuture<>();
    private KafkaStreams streams;
    private OpenStores openStores;
    private UserCommandPublisher publisher;
    private SharedRedis redis;
    private ResponseCache cache;
    private KafkaStreamsMetrics streamsMetrics;
    private AlertTopicListener alertListener;
    private RateLimiter limits;
    private OwnerRouting routing;
    private Javalin http;
    private boolean started;
    private boolean closed;

    /** With the topic catalog of the configuration, its serdes on the configured schema registry. */
    public LedgerstreamApp(LedgerstreamConfig config) {
        this(config, TopicCatalog.create(config.topicPrefix(), config.partitions(),
                new AvroSerdes(new HttpSchemaRegistryClient(config.schemaRegistryUrl()))));
    }

    public LedgerstreamApp(LedgerstreamConfig config, TopicCatalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    /**
     * Builds the topology (logging its description), starts the HTTP API on
     * {@code http.host:http.port} (port 0 picks a free one, see {@link #port()}) and then Streams.
     * Returns once Streams has started, which takes until its global tables (fx.rates) are restored:
     * the API already answers meanwhile ({@code /ready} with 503).
     *
     * @throws IllegalStateException if already started or closed
     */
    public LedgerstreamApp start() {
        KafkaStreams starting;
        synchronized (this) {
            if (started || closed) {
                throw new IllegalStateException(closed ? "closed" : "already started");
            }
            started = true;
            try {
                starting = startApi();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        // outside the lock: this blocks until the global tables are restored, and close() (Ctrl-C)
        // must be able to interrupt that
        try {
            starting.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    private KafkaStreams startApi() {
        if (config.redisUrl().isBlank()) {
            log.info("redis.url is empty: no shared response cache; rate limits and failed logins count per instance");
            redis = SharedRedis.none();
        } else {
            redis = SharedRedis.connect(config.redisUrl(), REDIS_TIMEOUT);
        }
        PrometheusMeterRegistry meters = meters();
        cache = new ResponseCache(redis, config.applicationId(), meters).hearChanges();
        // the cache learns of every committed change of month summaries from the topology itself
        openStores = new OpenStores();
        Topology topology = LedgerstreamTopology.build(catalog, TopologySettings.defaults(), cache, openStores);
        log.info("Ledgerstream topology:\n{}", topology.describe());
        streams = new KafkaStreams(topology, StreamsSettings.properties(config));
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(meters);
        streams.setUncaughtExceptionHandler(exception -> {
            log.error("a stream thread failed; replacing it", exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        StreamsKeyLocator locator = new StreamsKeyLocator(streams, config.applicationServer().isPresent());
        streams.setStateListener((newState, oldState) -> {
            log.info("Kafka Streams {} -> {}", oldState, newState);
            locator.metadataChanged();
            if (newState == KafkaStreams.State.REBALANCING) {
                cache.rebalancing();
            }
            if (newState == KafkaStreams.State.ERROR || newState == KafkaStreams.State.NOT_RUNNING) {
                stopped.complete(newState);
            }
        });
        publisher = new KafkaUserCommandPublisher(config, catalog);
        Authentication auth = authentication(config, redis);
        limits = new RateLimiter(redis, config.applicationId(), config.rateLimitPerMinute(),
                Duration.ofMinutes(1), Clock.systemUTC(), meters);
        LiveAlerts liveAlerts = new LiveAlerts();
        Gauge.builder("ledgerstream.api.live.listeners", liveAlerts, LiveAlerts::listeners)
                .description("Browsers listening for live alerts on this instance").register(meters);
        alertListener = new AlertTopicListener(config, catalog, liveAlerts).start();
        routing = routing(locator, auth.tokens().forwardingMark());
        http = ApiServer.create(new ApiDependencies(new InteractiveQueryReader(streams, locator, openStores), routing, publisher,
                streams::state, Clock.systemUTC(), auth, cache, limits, meters, liveAlerts));
        // the API first, so /health and /ready answer while Streams restores its state
        http.start(config.httpHost(), config.httpPort());
        log.info("Ledgerstream API on {} (application.server {}); starting Kafka Streams", apiUrl(),
                config.applicationServer().orElse("not set: answering every key locally"));
        return streams;
    }

    /** Prometheus' registry with the JVM's own meters; Streams' are bound once Streams exists. */
    private static PrometheusMeterRegistry meters() {
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        return meters;
    }

    /** Tokens signed with {@code auth.jwt.secret}, or with a random key of this process when none is set. */
    static Authentication authentication(LedgerstreamConfig config, SharedRedis redis) {
        String secret = config.jwtSecret().orElseGet(() -> {
            log.warn("auth.jwt.secret (LEDGERSTREAM_JWT_SECRET) is not set: tokens are signed with a random key"
                    + " of this process, so they hold neither on other instances nor after a restart");
            return TokenService.randomSecret();
        });
        return new Authentication(
                new TokenService(secret, Duration.ofSeconds(config.tokenTtlSeconds()), Clock.systemUTC(),
                        externalTokens(config)),
                new PasswordHasher(),
                new FailedLogins(redis, config.applicationId(), FailedLogins.DEFAULT_MAX, FailedLogins.DEFAULT_WINDOW,
                        Clock.systemUTC()),
                config.openRegistration());
    }

    /** An external identity provider's tokens, if {@code auth.jwks.url} names its JWKS. */
    private static ExternalTokens externalTokens(LedgerstreamConfig config) {
        String url = config.get(LedgerstreamConfig.Key.JWKS_URL).strip();
        if (url.isEmpty()) {
            return null;
        }
        String issuer = config.get(LedgerstreamConfig.Key.JWKS_ISSUER).strip();
        if (issuer.isEmpty()) {
            throw new ConfigException("auth.jwks.issuer (LEDGERSTREAM_JWKS_ISSUER) is required with auth.jwks.url");
        }
        String audience = config.get(LedgerstreamConfig.Key.JWKS_AUDIENCE).strip();
        try {
            log.info("accepting tokens of {} too, verified with the keys at {}", issuer, url);
            return new ExternalTokens(URI.create(url).toURL(), issuer, audience.isEmpty() ? null : audience);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ConfigException("auth.jwks.url (LEDGERSTREAM_JWKS_URL) is not a URL: " + url);
        }
    }

    private OwnerRouting routing(KeyLocator locator, String forwardingMark) {
        Optional<HostInfo> self = config.applicationServer().map(HostInfo::buildFromEndpoint);
        self.filter(host -> config.httpPort() != 0 && host.port() != config.httpPort()).ifPresent(host ->
                log.warn("application.server {}:{} names another port than http.port {}: other instances"
                        + " will forward to that port", host.host(), host.port(), config.httpPort()));
        return self.<OwnerRouting>map(host -> new ForwardingRouting(locator, host, FORWARD_TIMEOUT, forwardingMark))
                .orElse(OwnerRouting.localOnly());
    }

    /** The port the API listens on (the actual one when configured as 0). */
    public synchronized int port() {
        requireStarted();
        return http.port();
    }

    /** Base URL of the API, e.g. {@code http://127.0.0.1:8080}. */
    public String apiUrl() {
        return "http://" + config.httpHost() + ":" + port();
    }

    /** The stores the tasks of {@link #streams()} have open, for interactive queries. */
    public synchronized OpenStores openStores() {
        requireStarted();
        return openStores;
    }

    public synchronized KafkaStreams streams() {
        requireStarted();
        return streams;
    }

    /** Completes with ERROR or NOT_RUNNING once the Streams instance has stopped for good. */
    public CompletableFuture<KafkaStreams.State> stopped() {
        return stopped;
    }

    /**
     * Stops the API, then Streams (waiting up to 30 s; leaving the consumer group, so a restarted or
     * remaining instance takes the partitions over at once rather than after the session timeout),
     * then the producer. Safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (http != null) {
            http.stop();
        }
        if (routing != null) {
            routing.close();
        }
        if (alertListener != null) {
            alertListener.close();
        }
        if (streams != null && !streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))) {
            log.warn("Kafka Streams did not stop within {}", CLOSE_TIMEOUT);
        }
        if (publisher != null) {
            publisher.close();
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
        if (limits != null) {
            limits.close();
        }
        if (cache != null) {
            cache.close();
        }
        if (redis != null) {
            redis.close();
        }
        stopped.complete(streams == null ? KafkaStreams.State.NOT_RUNNING : streams.state());
    }

    private void requireStarted() {
        if (!started || http == null) {
            throw new IllegalStateException("not started");
        }
    }
}
