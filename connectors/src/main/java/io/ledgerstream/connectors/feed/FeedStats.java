package io.ledgerstream.connectors.feed;

import java.time.Duration;

/**
 * What one run of the feed did.
 *
 * @param sent         records handed to the publisher
 * @param acknowledged records the broker acknowledged
 */
public record FeedStats(long sent, long acknowledged, Duration elapsed) {
}
