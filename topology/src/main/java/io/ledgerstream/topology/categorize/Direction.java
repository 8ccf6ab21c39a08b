package io.ledgerstream.topology.categorize;

import java.math.BigDecimal;

/** Which way money moves: a positive amount is money in, anything else money out. */
public enum Direction {
    MONEY_IN,
    MONEY_OUT;

    /** The direction of a signed amount. */
    public static Direction of(BigDecimal amount) {
        return amount.signum() > 0 ? MONEY_IN : MONEY_OUT;
    }
}
