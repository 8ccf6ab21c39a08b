package io.ledgerstream.connectors.feed;

import java.util.List;

/**
 * Where a simulated user lives: the account's currency, the local merchants and the payers and
 * payees of transfers. Subscriptions are listed as merchants with a monthly price in cents.
 */
record Region(String currency, String ibanCountry, String transferIn, String standingOrder,
              List<String> employers, List<String> landlords, List<Merchant> supermarkets, List<Merchant> cafes,
              List<Merchant> restaurants, List<Merchant> transit, List<Merchant> fuel, List<Merchant> shops,
              List<Merchant> bigTicket, Merchant energy, Merchant phone, Merchant internet,
              List<Subscription> subscriptions, List<Destination> destinations) {

    /** A monthly charge at a fixed price; {@code chancePercent} of users have it. */
    record Subscription(Merchant merchant, long cents, int chancePercent) {
    }
}
