package io.ledgerstream.connectors.importer;

import java.util.Locale;

/**
 * What the user told the importer about a file.
 *
 * @param userId    the owner of every transaction in the file; overrides a missing userId and must
 *                  match a present one; {@code null} when each row names its user
 * @param accountId the account of rows that name none; may be {@code null}
 * @param currency  ISO 4217 code for formats whose files name none (QIF) or to confirm it; may be
 *                  {@code null}, and a parser that needs one and has none refuses the file
 * @param csv       a bank profile and explicit layout settings for CSV files; {@link CsvMapping#NONE}
 *                  to detect the layout
 */
public record ImportOptions(String userId, String accountId, String currency, CsvMapping csv) {

    public ImportOptions {
        userId = blankToNull(userId);
        accountId = blankToNull(accountId);
        currency = currency == null || currency.isBlank() ? null : currency.strip().toUpperCase(Locale.ROOT);
        csv = csv == null ? CsvMapping.NONE : csv;
    }

    public ImportOptions(String userId, String accountId, String currency) {
        this(userId, accountId, currency, CsvMapping.NONE);
    }

    public ImportOptions(String userId, String accountId) {
        this(userId, accountId, null);
    }

    public static ImportOptions forUser(String userId) {
        return new ImportOptions(userId, null, null);
    }

    public ImportOptions withAccount(String account) {
        return new ImportOptions(userId, account, currency, csv);
    }

    public ImportOptions withCurrency(String code) {
        return new ImportOptions(userId, accountId, code, csv);
    }

    public ImportOptions withCsv(CsvMapping mapping) {
        return new ImportOptions(userId, accountId, currency, mapping);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
