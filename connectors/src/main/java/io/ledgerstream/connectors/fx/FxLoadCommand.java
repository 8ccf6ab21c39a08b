package io.ledgerstream.connectors.fx;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.connectors.kafka.KafkaPublishers;
import io.ledgerstream.connectors.kafka.PublishException;
import io.ledgerstream.connectors.kafka.Publishers;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.schemas.avro.FxRate;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fx [FILE] [--dry-run]}: loads reference rates in the ECB's XML format (the built-in sample
 * without FILE) into {@code fx.rates}. The rates that parse are published; any element that did not
 * is printed and makes the exit code 1, as does a file that cannot be read or holds no rates.
 */
@Command(name = "fx", mixinStandardHelpOptions = true,
        description = "Load ECB-format reference rates into fx.rates (the built-in sample when no FILE is given).")
public final class FxLoadCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "An ECB eurofxref XML file (daily, 90-day or historical).")
    private Path file;

    @Option(names = "--url", paramLabel = "URL",
            description = "Fetch an ECB eurofxref XML document instead of reading a file (e.g. the ECB's daily or 90-day feed).")
    private URI url;

    @Option(names = "--dry-run", description = "Parse and report, publish nothing.")
    private boolean dryRun;

    @Spec
    private CommandSpec spec;

    private final Publishers publishers;

    /** Publishes to the Kafka cluster and registry of {@code config}. */
    public FxLoadCommand(LedgerstreamConfig config) {
        this(new KafkaPublishers(config));
    }

    public FxLoadCommand(Publishers publishers) {
        this.publishers = publishers;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (file != null && url != null) {
            err.println("give a FILE or --url, not both");
            return 2;
        }
        String name = url != null ? url.toString()
                : file != null ? file.toString() : "the built-in sample (hand-made, not ECB data)";
        EcbParseResult result;
        try {
            result = url != null ? FxRates.load(url) : file != null ? FxRates.load(file) : FxRates.loadSample();
        } catch (IOException e) {
            err.println("cannot read " + name + ": " + e.getMessage());
            return 1;
        } catch (EcbFormatException e) {
            err.println(e.getMessage());
            return 1;
        }
        result.problems().forEach(problem -> err.println(problem));
        if (result.rates().isEmpty()) {
            err.println("no rates in " + name);
            return 1;
        }
        String summary = result.rates().size() + " rates of " + result.currencies().size() + " currencies on "
                + result.dates().size() + " dates (" + result.dates().first() + " to " + result.dates().last() + ")";
        if (dryRun) {
            out.println("read " + summary + " from " + name + "; dry run, nothing published");
        } else {
            try (RecordPublisher<String, FxRate> publisher = publishers.fxRates()) {
                long published = FxRates.publish(result.rates(), publisher);
                out.println("published " + published + " of " + summary + " from " + name + " to fx.rates");
            } catch (PublishException e) {
                err.println("publishing to " + publishers.describe() + " failed: " + e.getMessage());
                return 1;
            }
        }
        out.flush();
        return result.problems().isEmpty() ? 0 : 1;
    }
}
