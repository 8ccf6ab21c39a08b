package io.ledgerstream.connectors.importer;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a parser made of a file.
 *
 * @param rowsRead     rows (lines, entries) the parser looked at
 * @param parsed       rows that became transactions
 * @param transactions those transactions, in file order; empty when the parse only streamed them to a
 *                     {@link ParseListener} ({@link #streamedTo}), which a large import does so as not
 *                     to hold a whole file's transactions in memory
 * @param problems     rows refused, with where and why
 * @param skipped      rows left out on purpose (pending, balance lines), counted by reason
 */
public record ParseResult(int rowsRead, int parsed, List<RawTransaction> transactions, List<ImportProblem> problems,
                          Map<String, Integer> skipped) {

    public ParseResult {
        transactions = List.copyOf(transactions);
        problems = List.copyOf(problems);
        skipped = Map.copyOf(skipped);
    }

    /** A builder that keeps the transactions. */
    public static Builder builder() {
        return new Builder(ParseListener.NONE, true);
    }

    /** A builder that hands each transaction to {@code listener} as it is added and only counts it. */
    public static Builder streamedTo(ParseListener listener) {
        return new Builder(listener, false);
    }

    /** Collects a parse as it goes. */
    public static final class Builder {
        private final ParseListener listener;
        private final boolean keep;
        private int rowsRead;
        private int parsed;
        private final List<RawTransaction> transactions = new ArrayList<>();
        private final List<ImportProblem> problems = new ArrayList<>();
        private final Map<String, Integer> skipped = new LinkedHashMap<>();

        private Builder(ParseListener listener, boolean keep) {
            this.listener = listener;
            this.keep = keep;
        }

        public Builder rowRead() {
            rowsRead++;
            return this;
        }

        public Builder transaction(RawTransaction transaction) {
            parsed++;
            if (keep) {
                transactions.add(transaction);
            }
            listener.transaction(transaction, rowsRead);
            return this;
        }

        /** The file has about {@code rows} rows to read: for the progress of a long import. */
        public Builder rowsExpected(int rows) {
            listener.rowsExpected(rows);
            return this;
        }

        public Builder problem(ImportProblem problem) {
            problems.add(problem);
            return this;
        }

        public Builder problems(List<ImportProblem> more) {
            problems.addAll(more);
            return this;
        }

        public Builder skipped(String reason) {
            skipped.merge(reason, 1, Integer::sum);
            return this;
        }

        public ParseResult build() {
            return new ParseResult(rowsRead, parsed, transactions, problems, skipped);
        }
    }
}
