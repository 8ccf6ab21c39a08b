package io.ledgerstream.connectors.mt940;

/**
 * A {@code :61:} entry read together with what its statement and {@code :86:} say about it.
 *
 * @param line         the parsed statement line
 * @param account      the statement's {@code :25:} account, else the import's account option; may be null
 * @param currency     the statement's currency
 * @param counterparty name and text from {@code :86:}
 */
record ParsedEntry(EntryLine line, String account, String currency, Counterparty counterparty) {
}
