package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream train anomalies}: grows the anomaly detector's isolation forest offline on a
 * generated population of normal behaviour, scores it and the forest in use on another population
 * with anomalies injected, and releases it to anomaly.models unless its F1 is lower
 * ({@link AnomalyTraining}). Every running instance takes a release over without a restart.
 */
@Command(name = "anomalies", mixinStandardHelpOptions = true,
        description = "Grow the anomaly detector's isolation forest on generated normal behaviour; release it if not worse.")
final class AnomalyTrainCommand implements Callable<Integer> {

    @Option(names = "--users", defaultValue = "300",
            description = "Users of the generated populations, a year each (default: ${DEFAULT-VALUE}).")
    private int users;

    @Option(names = "--alerts-per-thousand", defaultValue = AnomalyTraining.DEFAULT_ALERTS_PER_MILLE,
            description = "Normal payments per 1,000 the forest may flag; sets its threshold (default: ${DEFAULT-VALUE}).")
    private double alertsPerMille;

    @Option(names = "--dry-run", description = "Train and score, but release nothing.")
    private boolean dryRun;

    @Spec
    private CommandSpec spec;

    private final LedgerstreamConfig config;
    private final Clock clock;

    AnomalyTrainCommand(LedgerstreamConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (users < 10 || !(alertsPerMille > 0 && alertsPerMille < 1000)) {
            throw new ParameterException(spec.commandLine(),
                    "--users must be at least 10 and --alerts-per-thousand between 0 and 1,000");
        }
        PrintWriter out = spec.commandLine().getOut();
        AnomalyTraining.round(config, Pipeline.provision(config).catalog(), clock, users, alertsPerMille, dryRun, out);
        return 0;
    }
}
