package io.ledgerstream.connectors.mt940;

import io.ledgerstream.connectors.importer.CurrencyCodes;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.StatementRefusedException;

/**
 * A statement's currency: the third part of its opening balance ({@code :60F:}/{@code :60M:}
 * 'C200101EUR444,29'), else {@code --currency}; with neither the file is refused, never guessed.
 * The file's own currency wins over {@code --currency}.
 */
final class StatementCurrency {

    private StatementCurrency() {
    }

    static String of(Mt940Statement statement, ImportOptions options, String fileName) {
        if (statement.opening() != null) {
            return CurrencyCodes.normalize(statement.opening().currency()).orElseThrow(() ->
                    new StatementRefusedException(fileName + ": opening balance currency '"
                            + statement.opening().currency() + "' is not an ISO 4217 code"));
        }
        if (statement.entries().isEmpty()) {
            return null;
        }
        if (options.currency() != null) {
            return CurrencyCodes.normalize(options.currency()).orElseThrow(() ->
                    new StatementRefusedException("--currency '" + options.currency() + "' is not an ISO 4217 code"));
        }
        throw new StatementRefusedException(fileName + " has a statement without opening balance (:60F:/:60M:), "
                + "so its currency is unknown: pass --currency");
    }
}
