package io.ledgerstream.connectors.importer;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.connectors.csv.CsvMappingException;
import io.ledgerstream.connectors.csv.CsvProfiles;
import io.ledgerstream.connectors.kafka.CommitOutcomeUnknownException;
import io.ledgerstream.connectors.kafka.KafkaPublishers;
import io.ledgerstream.connectors.kafka.PublishException;
import io.ledgerstream.connectors.kafka.Publishers;
import io.ledgerstream.connectors.kafka.TransactionalPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE --user U [--format auto] [--account A] [--currency C] [--profile P] [--csv K=V]...
 * [--dry-run]}: parses a statement and publishes it to {@code transactions.raw} in one Kafka
 * transaction, then prints the report on standard output. With {@code --dry-run} nothing is
 * published: the parsed transactions go to standard output as canonical JSON Lines and the report
 * to standard error. For CSV files, {@code --profile} and {@code --csv} state the layout where
 * detection is unsure (docs/csv-import.md). Exit code 0 when something was imported (or the
 * statement was empty), 1 when the file could not be read, its format is unknown, it was refused,
 * nothing in it parsed, or publishing failed; 2 for options that cannot be used.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Parse a statement file and publish its transactions to transactions.raw.",
            "CSV layouts are detected; where a file is ambiguous it is refused with the --csv setting that"
                    + " resolves it. See docs/csv-import.md."})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The statement file.")
    private Path file;

    @Option(names = "--user", required = true, paramLabel = "U", description = "The user the statement belongs to.")
    private String user;

    @Option(names = "--format", defaultValue = StatementFormats.AUTO, paramLabel = "FORMAT",
            description = "auto (by extension, then content) or a format name: jsonl. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Option(names = "--account", paramLabel = "A", description = "Account id for rows that name none.")
    private String account;

    @Option(names = "--currency", paramLabel = "CUR",
            description = "ISO 4217 currency for files that name none (QIF, most CSV exports); a file that names"
                    + " its own must agree, else it is refused.")
    private String currency;

    @Option(names = "--profile", paramLabel = "NAME|FILE",
            description = "CSV: a shipped bank profile (an unknown name lists them) or a profile file stating the"
                    + " layout (encoding, delimiter, header, columns, date format, sign, currency).")
    private String profile;

    @Option(names = "--csv", paramLabel = "KEY=VALUE",
            description = "CSV: one layout setting, the keys of a profile file, over the profile; repeatable."
                    + " For example --csv date-order=day-first --csv amount=Betrag --csv sign=inverted.")
    private Map<String, String> csv;

    @Option(names = "--dry-run", description = "Parse and publish nothing: the transactions as JSON Lines on"
            + " standard output, the report on standard error.")
    private boolean dryRun;

    @Spec
    private CommandSpec spec;

    private final Publishers publishers;
    private final Importer importer;

    /** Publishes to the Kafka cluster and registry of {@code config}. */
    public ImportCommand(LedgerstreamConfig config) {
        this(new KafkaPublishers(config), Importer.withBuiltInFormats());
    }

    public ImportCommand(Publishers publishers, Importer importer) {
        this.publishers = publishers;
        this.importer = importer;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CsvMapping mapping = new CsvMapping(profile, csv);
        try {
            CsvProfiles.check(mapping);
        } catch (CsvMappingException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            ImportOptions options = new ImportOptions(user, account, currency, mapping);
            ImportReport report = dryRun
                    ? importer.importFile(file, format, options, true, () -> {
                        throw new IllegalStateException("a dry run publishes nothing");
                    })
                    : importer.importFile(file, format, options, false, publishersFor(file), ProgressLine.forTerminal(err));
            if (dryRun) {
                for (RawTransaction transaction : report.toPublish()) {
                    out.println(CanonicalJsonLines.line(transaction));
                }
                out.flush();
                err.print(report.render());
                err.flush();
            } else {
                out.print(report.render());
                out.flush();
            }
            if (report.nothingParsed()) {
                err.println("nothing in " + file + " could be imported");
                return 1;
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("cannot read " + file + ": no such file");
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
        } catch (UnknownFormatException e) {
            err.println(e.getMessage());
        } catch (StatementRefusedException e) {
            err.println(file.getFileName() + " refused: " + e.getMessage());
        } catch (CommitOutcomeUnknownException e) {
            err.println("publishing to " + publishers.describe() + " failed: " + e.getMessage());
            err.println(file.getFileName() + " may or may not have been published; importing it again is safe"
                    + " (the same transaction ids replace, never duplicate)");
        } catch (PublishException e) {
            err.println("publishing to " + publishers.describe() + " failed: " + e.getMessage());
            err.println("nothing from " + file.getFileName() + " was published (transaction aborted);"
                    + " importing it again is safe");
        }
        return 1;
    }

    /**
     * One transactional publisher per import, its id stable per user and file content (see
     * {@link ImportTransactionalIds}), computed before parsing so an unreadable file fails first.
     */
    private Supplier<TransactionalPublisher<String, RawTransaction>> publishersFor(Path statement) throws IOException {
        String transactionalId = ImportTransactionalIds.of(user, statement);
        return () -> publishers.rawTransactionsInOneTransaction(transactionalId);
    }
}
