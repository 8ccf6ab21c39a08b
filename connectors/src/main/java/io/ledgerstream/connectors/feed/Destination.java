package io.ledgerstream.connectors.feed;

/** A place abroad the simulated users travel to, with where they spend money there. */
record Destination(String currency, Merchant airline, Merchant hotel, Merchant cafe, Merchant restaurant,
                   Merchant transit) {
}
