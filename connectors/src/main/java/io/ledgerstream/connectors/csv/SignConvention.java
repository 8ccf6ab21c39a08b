package io.ledgerstream.connectors.csv;

/** How a layout says which way money moved. Everywhere else in Ledgerstream, negative is money out. */
public enum SignConvention {
    /** One amount column, negative is money out. */
    AS_WRITTEN,
    /** One amount column, positive is money out (credit-card exports whose flag column proves it). */
    INVERTED,
    /**
     * One amount column where only money in carries a sign ({@code + £1,100.00}) and every unsigned
     * amount is money out: card statements listing purchases plain and payments with a plus.
     */
    UNSIGNED_IS_OUT,
    /** One unsigned amount column; the direction flag column decides. */
    FLAG,
    /** Separate money-out and money-in columns. */
    DEBIT_CREDIT_COLUMNS
}
