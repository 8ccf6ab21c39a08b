package io.ledgerstream.connectors.feed;

/**
 * A merchant as the simulated cards see it.
 *
 * @param name       the clean name a bank's enrichment would report ("Tesco")
 * @param descriptor what the card statement prints ("TESCO STORES")
 * @param mcc        ISO 18245 merchant category code
 */
record Merchant(String name, String descriptor, String mcc) {
}
