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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
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
 * and on the other, each cached (the owner's memory of its answers; the other's memory of the Redis
 * cache) and uncached ({@code Cache-Control: no-cache}: the owner reads its store; the other asks
 * Redis for the versions, forwards to the owner and fills the cache); a page of {@code /transactions}
 * on the owner and through the other (forwarded). Prints requests/s and the p50/p99 latency wrk
 * measured, and each rate against hello's.
 * <p>
 * Everything runs on the same cores as wrk, so one measurement drifts with whatever else the machine
 * does: the endpoints are measured in turn, {@code --rounds} times, and each endpoint's rate is set
 * against hello's of the same round; the medians and the spreads are printed. At saturation a
 * closed-loop client's latency is mostly queueing (Little's law: 50 connections at 10,000 requests/s
 * wait 5 ms on average), so hello and the summary are also measured paced: each connection waits
 * between its requests (wrk's {@code delay()}), so that all of them together offer
 * {@code --paced-rate} requests/s; wrk's latency counts from a request's write to its response.
 * Beside each figure it prints the p99 of the stalls every thread of this process saw meanwhile
 * ({@link Hiccups}): a p99 latency near it is the machine's or the collector's, not the server's work.
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

    @Option(names = "--duration", defaultValue = "PT10S", description = "Measured time per endpoint and round (default: 10 s).")
    private Duration duration;

    @Option(names = "--warm-up", defaultValue = "PT8S", description = "Unmeasured load on each endpoint before the first round (default: 8 s).")
    private Duration warmUp;

    @Option(names = "--rounds", defaultValue = "3", description = "Times every endpoint is measured, in turn (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--paced-rate", defaultValue = "2000",
            description = "Requests/s all connections offer together in the paced runs (default: ${DEFAULT-VALUE}).")
    private int pacedRate;

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

    private static final String HELLO = "hello (GET /health)";
    private static final String SUMMARY_OWNER = "summary, owner, cached";
    private static final String SUMMARY_OWNER_UNCACHED = "summary, owner, uncached";

    /** What wrk asks for: a URL, with the user's token or none, and a {@code Cache-Control} or none. */
    private record Endpoint(String url, String token, String cacheControl) {
    }

    /** wrk's figures, and the p99 of the stalls every thread of this process saw meanwhile ({@link Hiccups}). */
    private record Figures(double rps, double p50Millis, double p99Millis, long non2xx, long socketErrors,
                           double hiccupP99Millis) {
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
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
                 Hiccups hiccups = Hiccups.start()) {
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
                                + " wrk %d threads, %d connections, %d s each, after %d s of warm-up of each; every request counted against"
                                + " the rate limit (synced to Redis every 100 ms; limit not reached)%n", records, users, user, month,
                        threads, connections, duration.toSeconds(), warmUp.toSeconds());
                out.flush();
                Map<String, Endpoint> endpoints = new LinkedHashMap<>();
                endpoints.put(HELLO, new Endpoint(owner.apiUrl() + "/health", null, null));
                endpoints.put(SUMMARY_OWNER, new Endpoint(owner.apiUrl() + summary, token, null));
                endpoints.put(SUMMARY_OWNER_UNCACHED, new Endpoint(owner.apiUrl() + summary, token, "no-cache"));
                endpoints.put("summary, other, cached", new Endpoint(other.apiUrl() + summary, token, null));
                endpoints.put("summary, other, uncached", new Endpoint(other.apiUrl() + summary, token, "no-cache"));
                endpoints.put("transactions, owner", new Endpoint(owner.apiUrl() + page, token, null));
                endpoints.put("transactions, other (forwarded)", new Endpoint(other.apiUrl() + page, token, null));
                for (Endpoint endpoint : endpoints.values()) {
                    wrk(endpoint, script, warmUp);
                }
                Map<String, List<Figures>> measured = new LinkedHashMap<>();
                for (int round = 0; round < rounds; round++) {
                    for (Map.Entry<String, Endpoint> endpoint : endpoints.entrySet()) {
                        measured.computeIfAbsent(endpoint.getKey(), name -> new ArrayList<>())
                                .add(measure(endpoint.getValue(), script, hiccups));
                    }
                }
                List<Figures> hello = measured.get(HELLO);
                out.printf("%nsaturated (medians of %d rounds; the spread of the rates in brackets):%n", rounds);
                measured.forEach((name, figures) -> {
                    List<Double> ratios = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        ratios.add(figures.get(round).rps() / hello.get(round).rps());
                    }
                    out.printf("%-32s %,9.0f req/s [%,.0f-%,.0f]  p50 %6.2f ms  p99 %6.2f ms  %5.2f x hello [%.2f-%.2f]"
                                    + "  stalls p99 %5.2f ms%s%n",
                            name, median(figures, Figures::rps), min(figures, Figures::rps), max(figures, Figures::rps),
                            median(figures, Figures::p50Millis), median(figures, Figures::p99Millis),
                            median(ratios), Collections.min(ratios), Collections.max(ratios),
                            median(figures, Figures::hiccupP99Millis), errors(figures));
                });

                long delayMillis = Math.max(1, Math.round(connections * 1000.0 / pacedRate));
                Path paced = data.resolve("paced.lua");
                Files.writeString(paced, WRK_SCRIPT + "delay = function()\n  return " + delayMillis + "\nend\n");
                out.printf("%npaced: each of the %d connections waits %d ms before each request (about %,d req/s offered"
                        + " in all); latency from a request's write to its response:%n", connections, delayMillis, pacedRate);
                for (String name : List.of(HELLO, SUMMARY_OWNER, SUMMARY_OWNER_UNCACHED)) {
                    Figures figures = measure(endpoints.get(name), paced, hiccups);
                    out.printf("%-32s %,9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  stalls p99 %5.2f ms%s%n", name,
                            figures.rps(), figures.p50Millis(), figures.p99Millis(), figures.hiccupP99Millis(),
                            errors(List.of(figures)));
                }
                out.printf("%nstalls: how late a thread of this process (the two instances' JVM) woke from 1 ms sleeps"
                        + " while wrk ran, as jHiccup measures: the collector's pauses and the cores taken by other"
                        + " processes (wrk, the broker, Redis); no answer comes sooner than these.%n");
            }
        }
        return 0;
    }

    private static String errors(List<Figures> figures) {
        long non2xx = figures.stream().mapToLong(Figures::non2xx).sum();
        long socketErrors = figures.stream().mapToLong(Figures::socketErrors).sum();
        return non2xx + socketErrors > 0 ? "  (" + non2xx + " non-2xx, " + socketErrors + " socket errors)" : "";
    }

    private static double median(List<Figures> figures, ToDoubleFunction<Figures> figure) {
        return median(figures.stream().map(figure::applyAsDouble).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static double min(List<Figures> figures, ToDoubleFunction<Figures> figure) {
        return figures.stream().mapToDouble(figure).min().orElseThrow();
    }

    private static double max(List<Figures> figures, ToDoubleFunction<Figures> figure) {
        return figures.stream().mapToDouble(figure).max().orElseThrow();
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

    private Figures measure(Endpoint endpoint, Path script, Hiccups hiccups) throws IOException, InterruptedException {
        hiccups.restart();
        Matcher figures = WRK_FIGURES.matcher(wrk(endpoint, script, duration));
        double hiccupP99Millis = hiccups.sinceRestart().getValueAtPercentile(99) / 1e6;
        if (!figures.find()) {
            throw new IllegalStateException("wrk printed no figures for " + endpoint.url());
        }
        double seconds = Long.parseLong(figures.group(2)) / 1e6;
        return new Figures(Long.parseLong(figures.group(1)) / seconds, Long.parseLong(figures.group(3)) / 1e3,
                Long.parseLong(figures.group(4)) / 1e3, Long.parseLong(figures.group(5)), Long.parseLong(figures.group(6)),
                hiccupP99Millis);
    }

    private String wrk(Endpoint endpoint, Path script, Duration time) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
                "-d" + Math.max(1, time.toSeconds()) + "s", "--timeout", "5s", "-s", script.toString()));
        if (endpoint.token() != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + endpoint.token()));
        }
        if (endpoint.cacheControl() != null) {
            command.addAll(List.of("-H", "Cache-Control: " + endpoint.cacheControl()));
        }
        String url = endpoint.url();
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
