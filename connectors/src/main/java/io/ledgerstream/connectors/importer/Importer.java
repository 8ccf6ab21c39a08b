package io.ledgerstream.connectors.importer;

import io.ledgerstream.connectors.kafka.TransactionalPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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
     * @param progress   told after each transaction handed to the publisher
     * @throws IOException                if the file cannot be read
     * @throws UnknownFormatException     if the format is unknown or cannot be told
     * @throws StatementRefusedException  if the file is not a statement, or states another currency
     * @throws io.ledgerstream.connectors.kafka.PublishException if publishing fails; nothing was committed
     */
    public ImportReport importFile(Path file, String format, ImportOptions options, boolean dryRun,
                                   Supplier<? extends TransactionalPublisher<String, RawTransaction>> publishers,
                                   PublishProgress progress)
            throws IOException {
        ImportReport parsed = parse(file, format, options);
        confirmCurrency(options.currency(), parsed.result().transactions());
        if (dryRun) {
            return new ImportReport(parsed.file(), parsed.format(), parsed.result(), parsed.toPublish(), true, 0);
        }
        return parsed.toPublish().isEmpty() ? parsed
                : parsed.withPublished(publishAll(parsed.toPublish(), publishers, progress));
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
        return new ImportReport(file.getFileName().toString(), statementFormat.name(), result,
                WithinFileDuplicates.drop(result.transactions()), false, 0);
    }

    /**
     * A {@code --currency} the user gave must agree with the currency the statement itself states:
     * a disagreement means the wrong file or the wrong flag, and guessing which would misstate money.
     *
     * @throws StatementRefusedException naming the currencies the file states and how often
     */
    private static void confirmCurrency(String given, List<RawTransaction> transactions) {
        if (given == null) {
            return;
        }
        Map<String, Long> stated = transactions.stream().filter(t -> !given.equals(t.getCurrency()))
                .collect(Collectors.groupingBy(RawTransaction::getCurrency, TreeMap::new, Collectors.counting()));
        if (!stated.isEmpty()) {
            throw new StatementRefusedException("the statement states " + stated.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " transaction)" : " transactions)"))
                    .collect(Collectors.joining(", ")) + " but --currency says " + given
                    + "; leave --currency out to take the file's currencies, or check that this is the right file");
        }
    }

    private static long publishAll(List<RawTransaction> transactions,
                                   Supplier<? extends TransactionalPublisher<String, RawTransaction>> publishers,
                                   PublishProgress progress) {
        try (TransactionalPublisher<String, RawTransaction> publisher = publishers.get()) {
            long handed = 0;
            for (RawTransaction transaction : transactions) {
                publisher.publish(transaction.getUserId(), transaction);
                progress.published(++handed, transactions.size());
            }
            return publisher.commit();
        } finally {
            progress.done();
        }
    }
}
