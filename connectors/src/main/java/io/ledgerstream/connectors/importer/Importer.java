package io.ledgerstream.connectors.importer;

import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Imports one statement file: picks its format, parses it, and publishes the transactions to
 * {@code transactions.raw} keyed by userId, unless it is a dry run.
 */
public final class Importer {

    private final StatementFormats formats;

    public Importer(StatementFormats formats) {
        this.formats = formats;
    }

    /** An importer that knows every format this build ships. */
    public static Importer withBuiltInFormats() {
        return new Importer(StatementFormats.builtIn());
    }

    /**
     * Parses {@code file} and, unless {@code dryRun}, publishes what parsed.
     *
     * @param format     a format name or {@code auto}
     * @param publishers opened only when there is something to publish; the importer closes what it opens
     * @throws IOException                if the file cannot be read
     * @throws UnknownFormatException     if the format is unknown or cannot be told
     * @throws io.ledgerstream.connectors.kafka.PublishException if publishing fails
     */
    public ImportReport importFile(Path file, String format, ImportOptions options, boolean dryRun,
                                   Supplier<? extends RecordPublisher<String, RawTransaction>> publishers)
            throws IOException {
        StatementFormat statementFormat = formats.resolve(format, file);
        ParseResult result = statementFormat.parser().parse(file, options);
        long published = 0;
        if (!dryRun && !result.transactions().isEmpty()) {
            try (RecordPublisher<String, RawTransaction> publisher = publishers.get()) {
                for (RawTransaction transaction : result.transactions()) {
                    publisher.publish(transaction.getUserId(), transaction);
                }
                published = publisher.flush();
            }
        }
        return new ImportReport(file.getFileName().toString(), statementFormat.name(), result, dryRun, published);
    }
}
