package io.ledgerstream.connectors.mt940;

/**
 * What a {@code :86:} text says about a transaction once its bank's structure is recognized.
 *
 * @param name        the counterparty's name, or null
 * @param description the meaningful text, single-spaced (never null)
 */
record Counterparty(String name, String description) {
}
