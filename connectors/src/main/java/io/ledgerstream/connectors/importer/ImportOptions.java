package io.ledgerstream.connectors.importer;

/**
 * What the user told the importer about a file.
 *
 * @param userId    the owner of every transaction in the file; overrides a missing userId and must
 *                  match a present one; {@code null} when each row names its user
 * @param accountId the account of rows that name none; may be {@code null}
 */
public record ImportOptions(String userId, String accountId) {

    public ImportOptions {
        userId = blankToNull(userId);
        accountId = blankToNull(accountId);
    }

    public static ImportOptions forUser(String userId) {
        return new ImportOptions(userId, null);
    }

    public ImportOptions withAccount(String account) {
        return new ImportOptions(userId, account);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
