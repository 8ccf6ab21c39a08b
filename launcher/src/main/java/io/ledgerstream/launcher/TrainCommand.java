package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.connectors.feed.DurationConverter;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ledgerstream train}: retrains the categorizer's model on the project's data plus what users
 * agreed on in their corrections, scores it and the model in use on the same held-apart evaluation
 * set, and releases it to categorizer.models only if it is not worse. Every running instance takes a
 * release over without a restart. With {@code --every}, a round runs at that interval until stopped.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Retrain the categorizer on its data and users' agreed corrections; release it if not worse.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--per-merchant", defaultValue = "20",
            description = "Training transactions made from each merchant (default: ${DEFAULT-VALUE}).")
    private int perMerchant;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the generated data; keep it to keep the evaluation set (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--min-users", defaultValue = "3",
            description = "Users who must agree on a merchant's category before the model learns it (default: ${DEFAULT-VALUE}).")
    private int minUsers;

    @Option(names = "--dry-run", description = "Train and score, but release nothing.")
    private boolean dryRun;

    @Option(names = "--every", converter = DurationConverter.class,
            description = "Run a round at this interval (90s, 10m, 6h, PT6H) until stopped.")
    private Duration every;

    @Spec
    private CommandSpec spec;

    private final LedgerstreamConfig config;
    private final Clock clock;

    TrainCommand(LedgerstreamConfig config) {
        this(config, Clock.systemUTC());
    }

    TrainCommand(LedgerstreamConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (perMerchant < 1 || minUsers < 1) {
            throw new ParameterException(spec.commandLine(), "--per-merchant and --min-users must be at least 1");
        }
        CategorizerTraining training = new CategorizerTraining(config, Pipeline.provision(config).catalog(), clock);
        PrintWriter out = spec.commandLine().getOut();
        while (true) {
            if (every == null) {
                training.round(perMerchant, seed, minUsers, dryRun, out);
                return 0;
            }
            try {
                training.round(perMerchant, seed, minUsers, dryRun, out);
            } catch (RuntimeException e) {
                // on a schedule, one failed round (Kafka away for a while) must not end the rounds to come
                spec.commandLine().getErr().println("ledgerstream train: this round failed: " + e.getMessage());
                spec.commandLine().getErr().flush();
            }
            out.printf("next round in %s%n", every);
            out.flush();
            TimeUnit.MILLISECONDS.sleep(every.toMillis());
        }
    }
}
