package io.ledgerstream.launcher;

import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.api.auth.TokenService;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.config.LedgerstreamConfig.Key;
import io.ledgerstream.connectors.feed.MockBankFeed;
import io.ledgerstream.connectors.kafka.KafkaPublishers;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.stack.LocalStack;
import io.ledgerstream.topology.StoreNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream bench api}: the HTTP API under load from wrk (Debian's {@code wrk}), in one
 * run on a throw-away local stack and the shared Redis, with two app instances: {@code /health} as
 * the bare hello endpoint of the same server; {@code /summary} on the instance that owns the user
 * (read from its store) and on the other (answered from the Redis cache); a page of
 * {@code /transactions} on the owner and through the other (forwarded). Prints requests/s and the
 * p50/p99 latency wrk measured, and each rate against hello's.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Measure the HTTP API with wrk: hello, /summary cached and uncached, a transactions page.")
final class ApiBenchCommand implements Callable<Integer> {

    /** Prints wrk's figures on one line the command reads: requests, µs, p50 µs, p99 µs, errors. */
    private static final String WRK_SCRIPT = """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("LEDGERSTREAM %d %d %d %d %d %d\\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
            end
            """;
    private static final Pattern WRK_FIGURES = Pattern.compile("LEDGERSTREAM (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)");

    @Option(names = "--connections", defaultValue = "50", description = "Open connections (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--threads", defaultValue = "2", description = "wrk threads (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--duration", defaultValue = "PT15S", description = "Measured time per endpoint (default: 15 s).")
    private Duration duration;

    @Option(names = "--warm-up", defaultValue = "PT8S", description = "Unmeasured load before each (default: 8 s).")
    private Duration warmUp;

    @Option(names = "--records", defaultValue = "20000", description = "Mock-feed transactions (default: ${DEFAULT-VALUE}).")
    private int records;

    @Option(names = "--users", defaultValue = "50", description = "Simulated users (default: ${DEFAULT-VALUE}).")
    private int users;

    @Spec
    private CommandSpec spec;

    private final LedgerstreamConfig config;

    ApiBenchCommand(LedgerstreamConfig config) {
        this.config = config;
    }

    private record Figures(String name, double rps, double p50Millis, double p99Millis, long non2xx, long socketErrors) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!wrkInstalled()) {
            err.println("bench api: wrk is not installed; on Debian or Ubuntu: apt-get install wrk");
            return 1;
        }
        Path data = Files.createTempDirectory("ledgerstream-api-bench");
        Path script = data.resolve("figures.lua");
        Files.writeString(script, WRK_SCRIPT);
        String secret = TokenService.randomSecret();
        String runId = "api-bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (LocalStack stack = LocalStack.builder(data).ephemeralPorts().start()) {
            LedgerstreamConfig base = config
                    .with(Key.BOOTSTRAP_SERVERS, stack.bootstrapServers())
                    .with(Key.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl())
                    .with(Key.APPLICATION_ID, runId)
                    .with(Key.JWT_SECRET, secret)
                    // every request counted, as in production, but the limit never reached
                    .with(Key.RATE_LIMIT_PER_MINUTE, Integer.toString(Integer.MAX_VALUE));
            Pipeline pipeline = Pipeline.provision(base);
            pipeline.publishSampleRates();
            Clock clock = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
            List<RawTransaction> input = new MockBankFeed(42, users, clock).generate(records);
            try (RecordPublisher<String, RawTransaction> publisher =
                         new KafkaPublishers(base, pipeline.catalog()).rawTransactions()) {
                input.forEach(record -> publisher.publish(record.getUserId(), record));
                publisher.flush();
            }
            try (LedgerstreamApp first = new LedgerstreamApp(instance(base, data, "a"), pipeline.catalog()).start();
                 LedgerstreamApp second = new LedgerstreamApp(instance(base, data, "b"), pipeline.catalog()).start();
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
                while (first.streams().state() != KafkaStreams.State.RUNNING
                        || second.streams().state() != KafkaStreams.State.RUNNING
                        || ConsumerLag.of(admin, runId, pipeline.catalog().raw().name()) > 0) {
                    Thread.sleep(100);
                }
                String user = input.getFirst().getUserId();
                HostInfo ownerHost = first.streams().queryMetadataForKey(StoreNames.MONTHLY_SUMMARIES, user,
                        Serdes.String().serializer()).activeHost();
                LedgerstreamApp owner = ownerHost.port() == first.port() ? first : second;
                LedgerstreamApp other = owner == first ? second : first;
                String token = new TokenService(secret, Duration.ofHours(1), Clock.systemUTC()).issue(user, Set.of()).token();
                String month = input.getFirst().getBookedAt().substring(0, 7);
                String summary = "/api/v1/users/" + user + "/summary?month=" + month;
                String page = "/api/v1/users/" + user + "/transactions?limit=50";
                requireCacheHeader(other.apiUrl() + summary, token, "hit");
                out.printf("api bench: %,d mock-feed transactions of %d users; user %s, month %s; two instances;"
                                + " wrk %d threads, %d connections, %d s each after %d s of warm-up; every request counted against"
                                + " the rate limit (synced to Redis every 100 ms; limit not reached)%n", records, users, user, month,
                        threads, connections, duration.toSeconds(), warmUp.toSeconds());
                out.flush();
                List<Figures> figures = new ArrayList<>();
                figures.add(measure("hello (GET /health)", owner.apiUrl() + "/health", null, script));
                figures.add(measure("summary, owner (store)", owner.apiUrl() + summary, token, script));
                figures.add(measure("summary, other (Redis cache)", other.apiUrl() + summary, token, script));
                figures.add(measure("transactions, owner", owner.apiUrl() + page, token, script));
                figures.add(measure("transactions, other (forwarded)", other.apiUrl() + page, token, script));
                double hello = figures.getFirst().rps();
                for (Figures f : figures) {
                    out.printf("%-32s %,9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  %5.2f x hello%s%n", f.name(), f.rps(),
                            f.p50Millis(), f.p99Millis(), f.rps() / hello,
                            f.non2xx() + f.socketErrors() > 0
                                    ? "  (" + f.non2xx() + " non-2xx, " + f.socketErrors() + " socket errors)" : "");
                }
            }
        }
        return 0;
    }

    private static LedgerstreamConfig instance(LedgerstreamConfig base, Path data, String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return base.with(Key.STATE_DIR, data.resolve(name).toString())
                .with(Key.HTTP_PORT, Integer.toString(port))
                .with(Key.APPLICATION_SERVER, "127.0.0.1:" + port);
    }

    private Figures measure(String name, String url, String token, Path script) throws IOException, InterruptedException {
        wrk(url, token, script, warmUp);
        Matcher figures = WRK_FIGURES.matcher(wrk(url, token, script, duration));
        if (!figures.find()) {
            throw new IllegalStateException("wrk printed no figures for " + url);
        }
        double seconds = Long.parseLong(figures.group(2)) / 1e6;
        return new Figures(name, Long.parseLong(figures.group(1)) / seconds, Long.parseLong(figures.group(3)) / 1e3,
                Long.parseLong(figures.group(4)) / 1e3, Long.parseLong(figures.group(5)), Long.parseLong(figures.group(6)));
    }

    private String wrk(String url, String token, Path script, Duration time) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + Math.max(1, time.toSeconds()) + "s", "--timeout", "5s", "-s", script.toString()));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
        }
        return output;
    }

    /** The cached run must really be answered from the cache. */
    private static void requireCacheHeader(String url, String token, String expected) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
            HttpResponse<String> response = null;
            for (int i = 0; i < 2; i++) {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            }
            String cache = response.headers().firstValue("X-Cache").orElse("none");
            if (response.statusCode() != 200 || !cache.equals(expected)) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + " with X-Cache " + cache
                        + ", expected 200 and " + expected + " (is Redis running at the configured redis.url?): "
                        + response.body());
            }
        }
    }

    private static boolean wrkInstalled() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
