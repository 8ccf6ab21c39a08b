package io.ledgerstream.launcher;

import io.ledgerstream.connectors.feed.DurationConverter;
import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.AnomalyModelRelease;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.topology.detect.anomaly.AnomalyModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream bench alerts}: runs a generated population with injected anomalies
 * ({@link AlertPopulation}) through the topology, in process ({@link TopologyTestDriver}: the same
 * topology and processors as a running instance, without a broker), and prints, per alert type,
 * precision, recall and F1 against the ground truth written down while generating, and the false
 * alerts per 1,000 transactions. Then, on a real broker, the raw-to-alert latency at a steady rate
 * next to an exactly-once pass-through's ({@link AlertLatency}).
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Score the detectors on a generated population with injected anomalies.")
final class AlertBenchCommand implements Callable<Integer> {

    @Option(names = "--users", defaultValue = "300", description = "Users to generate (default: ${DEFAULT-VALUE}).")
    private int users;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the population (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--show-false", defaultValue = "0",
            description = "Print up to this many false alerts of each type (default: ${DEFAULT-VALUE}).")
    private int showFalse;

    @Option(names = "--alerts-per-thousand", defaultValue = AnomalyTraining.DEFAULT_ALERTS_PER_MILLE,
            description = "Normal payments per 1,000 the isolation forest may flag; sets its threshold (default: ${DEFAULT-VALUE}).")
    private double alertsPerMille;

    @Option(names = "--rate", defaultValue = "5000",
            description = "Transactions per second of the latency runs (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--warm-up", defaultValue = "3s", converter = DurationConverter.class,
            description = "Start of each latency run left out of its figures (default: ${DEFAULT-VALUE}).")
    private Duration warmUp;

    @Option(names = "--warm-up-load", defaultValue = "20s", converter = DurationConverter.class,
            description = "Traffic sent at the rate before each latency run (the same transactions under other user ids)"
                    + " and drained before it is measured, so the JIT has compiled what runs (default: ${DEFAULT-VALUE}).")
    private Duration warmUpLoad;

    @Option(names = "--no-latency", description = "Score only; skip the latency runs on a local broker.")
    private boolean noLatency;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (users < 1 || rate < 1) {
            throw new ParameterException(spec.commandLine(), "--users and --rate must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        AlertPopulation population = AlertPopulation.generate(seed, users);
        out.printf("population: %,d users, %,d transactions over %d months from %s%n", users,
                population.transactions.size(), AlertPopulation.MONTHS, AlertPopulation.START);
        out.flush();
        AnomalyModel forest = AnomalyTraining.grow("if-bench", users, AnomalyTraining.TRAINING_SEED, alertsPerMille, out);
        AnomalyModelRelease release = AnomalyTraining.release(forest,
                new AnomalyTraining.Evaluation(0, 0, 0, 0), Instant.EPOCH);
        long start = System.nanoTime();
        List<Alert> alerts = PopulationRun.of(population, Optional.of(release)).alerts();
        out.printf("through the topology in %.1f s: %,d alerts%n", (System.nanoTime() - start) / 1e9, alerts.size());

        Map<AlertType, Set<String>> raised = new EnumMap<>(AlertType.class);
        Map<AlertType, List<String>> falseOnes = new EnumMap<>(AlertType.class);
        for (Alert alert : alerts) {
            raised.computeIfAbsent(alert.getType(), t -> new HashSet<>()).add(key(alert));
            List<String> shown = falseOnes.computeIfAbsent(alert.getType(), t -> new ArrayList<>());
            if (!population.expected.get(alert.getType()).contains(key(alert)) && shown.size() < showFalse) {
                shown.add(alert.getUserId() + ": " + alert.getMessage());
            }
        }
        int falseAlerts = 0;
        out.printf("%-18s %8s %8s %8s %9s %7s %7s%n", "type", "expected", "raised", "matched", "precision", "recall", "F1");
        for (AlertType type : AlertType.values()) {
            Set<String> expected = population.expected.get(type);
            Set<String> got = raised.getOrDefault(type, Set.of());
            if (expected.isEmpty() && got.isEmpty()) {
                continue;
            }
            Set<String> matched = new HashSet<>(got);
            matched.retainAll(expected);
            falseAlerts += got.size() - matched.size();
            double precision = got.isEmpty() ? 0 : (double) matched.size() / got.size();
            double recall = expected.isEmpty() ? 0 : (double) matched.size() / expected.size();
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.printf(Locale.ROOT, "%-18s %8d %8d %8d %9.3f %7.3f %7.3f%n", type, expected.size(), got.size(),
                    matched.size(), precision, recall, f1);
        }
        out.printf(Locale.ROOT, "false alerts: %d, %.2f per 1,000 transactions%n", falseAlerts,
                falseAlerts * 1000.0 / population.transactions.size());
        falseOnes.forEach((type, shown) -> shown.forEach(message -> out.println("  false " + type + ": " + message)));
        out.flush();
        if (!noLatency) {
            AlertLatency.measure(population, release, rate, warmUp, warmUpLoad,
                    Files.createTempDirectory("ledgerstream-bench-latency"), out);
        }
        return 0;
    }

    /** What an alert is matched by: as {@link AlertPopulation#key} writes the ground truth. */
    private static String key(Alert alert) {
        String user = alert.getUserId();
        return switch (alert.getType()) {
            case MISSED_PAYMENT -> AlertPopulation.key(alert.getType(), user, alert.getMerchant().toLowerCase(Locale.ROOT),
                    alert.getBookedAt().toString());
            case SPENDING_SPIKE -> AlertPopulation.key(alert.getType(), user, alert.getMonth(), alert.getCategory().name());
            case BUDGET_THRESHOLD -> AlertPopulation.key(alert.getType(), user, alert.getMonth(), alert.getCategory().name(),
                    alert.getSeverity() == Severity.CRITICAL ? "100" : alert.getSeverity() == Severity.WARNING ? "80" : "50");
            default -> AlertPopulation.key(alert.getType(), user, alert.getTransactionId());
        };
    }
}
