package io.ledgerstream.connectors.feed;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated user's seeded chances and amounts. Amounts are whole cents; scaled ones follow the
 * household's spending level (70 % to 180 % of a typical one). Integers only, so the same seed gives
 * the same records on every JVM.
 */
final class Dice {

    private final SplittableRandom random;
    private final int scalePercent;

    Dice(SplittableRandom random) {
        this.random = random;
        this.scalePercent = 70 + random.nextInt(111);
    }

    /** True {@code times} times out of {@code outOf}. */
    boolean chance(int times, int outOf) {
        return random.nextInt(outOf) < times;
    }

    /** Cents between the bounds, inclusive. */
    long between(long minCents, long maxCents) {
        return random.nextLong(minCents, maxCents + 1);
    }

    /** Cents between the bounds, scaled to this household's spending. */
    long scaled(long minCents, long maxCents) {
        return between(minCents, maxCents) * scalePercent / 100;
    }

    /** A whole number in {@code [0, bound)}. */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** The generator itself, for identifiers drawn once per user. */
    SplittableRandom random() {
        return random;
    }
}
