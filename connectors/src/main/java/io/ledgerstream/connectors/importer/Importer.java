package io.ledgerstream.connectors.importer;

import io.ledgerstream.connectors.kafka.TransactionalPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Imports one statement file: picks its format, parses it, drops rows the file repeats, and
 * publishes the transactions to {@code transactions.raw} keyed by userId in one transaction, unless
 * it is a dry run. A failure half-way aborts the transaction: the file is published whole or not at all.
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

    /** As {@link #importFile(Path, String, ImportOptions, boolean, Supplier, PublishProgress)}, showing no progress. */
    public ImportReport importFile(Path file, String format, ImportOptions options, boolean dryRun,
                                   Supplier<? extends TransactionalPublisher<String, RawTransaction>> publishers)
            throws IOException {
        return importFile(file, format, options, dryRun, publishers, PublishProgress.NONE);
    }

    /**
     * Parses {@code file} and, unless {@code dryRun}, publishes what parsed in one transaction. A
     * currency in {@code options} must agree with the one the file states, if it states one.
     *
     * @param format     a format name or {@code auto}
     * @param publishers opened only when there is something to publish; the importer commits and
     *                   closes what it opens, and closing uncommitted aborts
     * @param progress   told as transactions are handed to the publisher, which happens while the
     *                   parse goes on
     * @throws IOException                if the file cannot be read
     * @throws UnknownFormatException     if the format is unknown or cannot be told
     * @throws StatementRefusedException  if the file is not a statement, or states another currency
     * @throws io.ledgerstream.connectors.kafka.PublishException if publishing fails; nothing was committed
     */
    public ImportReport importFile(Path file, String format, ImportOptions options, boolean dryRun,
                                   Supplier<? extends TransactionalPublisher<String, RawTransaction>> publishers,
                                   PublishProgress progress)
            throws IOException {
        if (dryRun) {
            ImportReport parsed = parse(file, format, options);
            CurrencyAgreement currencies = new CurrencyAgreement(options.currency());
            parsed.result().transactions().forEach(currencies::check);
            currencies.confirm();
            return new ImportReport(parsed.file(), parsed.format(), parsed.result(), parsed.toPublish(),
                    parsed.duplicatesInFile(), true, 0);
        }
        StatementFormat statementFormat = formats.resolve(format, file);
        // each transaction is published as it is parsed, into one Kafka transaction committed at the end
        try (PublishAsParsed publish = new PublishAsParsed(publishers, options.currency(), progress)) {
            ParseResult.Builder parse = ParseResult.streamedTo(publish);
            statementFormat.parser().parse(file, options, parse);
            ParseResult result = parse.build();
            PublishAsParsed.Outcome published = publish.finish(result.rowsRead());
            return new ImportReport(file.getFileName().toString(), statementFormat.name(), result, List.of(),
                    published.repeats(), false, published.committed());
        }
    }

    /**
     * Picks the format, parses {@code file} and drops the rows it repeats, publishing nothing: for a
     * caller that publishes {@link ImportReport#toPublish()} itself (the Kafka Connect source task).
     * Unlike {@link #importFile}, a currency in {@code options} is only the default for files that
     * name none, never checked against the file's: a watched directory holds statements of many accounts.
     * The report says nothing was published until {@link ImportReport#withPublished(long)}.
     *
     * @throws IOException            if the file cannot be read
     * @throws UnknownFormatException if the format is unknown or cannot be told
     * @throws StatementRefusedException if the file as a whole is not a statement the parser imports
     */
    public ImportReport parse(Path file, String format, ImportOptions options) throws IOException {
        StatementFormat statementFormat = formats.resolve(format, file);
        ParseResult result = statementFormat.parser().parse(file, options);
        List<RawTransaction> toPublish = WithinFileDuplicates.drop(result.transactions());
        return new ImportReport(file.getFileName().toString(), statementFormat.name(), result, toPublish,
                result.parsed() - toPublish.size(), false, 0);
    }
}
