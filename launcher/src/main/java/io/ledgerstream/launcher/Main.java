package io.ledgerstream.launcher;

import io.ledgerstream.api.app.RunCommand;
import io.ledgerstream.config.ConfigException;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.connectors.feed.FeedCommand;
import io.ledgerstream.connectors.fx.FxLoadCommand;
import io.ledgerstream.connectors.importer.ImportCommand;
import io.ledgerstream.connectors.kafka.PublishException;
import io.ledgerstream.connectors.notify.NotifyCommand;
import io.ledgerstream.schemas.registry.SchemaRegistryException;
import io.ledgerstream.stack.LocalStackException;
import org.apache.kafka.common.KafkaException;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of {@code ./ledgerstream}: reads the configuration once and hands it to the
 * chosen command. Commands never exit the JVM themselves; this is the one place that does.
 */
@Command(name = "ledgerstream", mixinStandardHelpOptions = true, version = "ledgerstream 0.1.0",
        description = "A real-time pipeline for personal-finance transaction feeds.")
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        LedgerstreamConfig config;
        try {
            config = LedgerstreamConfig.fromEnvironment();
        } catch (ConfigException e) {
            System.err.println("ledgerstream: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(commandLine(config).execute(args));
    }

    /** Every command, wired with the configuration. */
    public static CommandLine commandLine(LedgerstreamConfig config) {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler(Main::reportFailure)
                .addSubcommand(new DemoCommand(config))
                .addSubcommand(new RunCommand(config))
                .addSubcommand(new ImportCommand(config))
                .addSubcommand(new FeedCommand(config))
                .addSubcommand(new FxLoadCommand(config))
                .addSubcommand(new NotifyCommand(config))
                .addSubcommand(new TokenCommand(config))
                .addSubcommand(new CommandLine(new TrainCommand(config))
                        .addSubcommand(new AnomalyTrainCommand(config, Clock.systemUTC())))
                .addSubcommand(new CommandLine(new BenchCommand(config))
                        .addSubcommand(new ImportBenchCommand(config))
                        .addSubcommand(new CategorizerBenchCommand())
                        .addSubcommand(new AlertBenchCommand())
                        .addSubcommand(new ApiBenchCommand(config)));
    }

    /**
     * A failure with a message meant for people (a port in use, a broker not reachable, a bad
     * setting) is printed as one line; anything else with its stack trace, as a bug.
     */
    private static int reportFailure(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        boolean explained = failure instanceof LocalStackException || failure instanceof ConfigException
                || failure instanceof PublishException || failure instanceof SchemaRegistryException
                || failure instanceof KafkaException;
        if (explained) {
            command.getErr().println("ledgerstream " + command.getCommandName() + ": " + failure.getMessage());
        } else {
            failure.printStackTrace(command.getErr());
        }
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
