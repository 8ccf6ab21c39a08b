package io.ledgerstream.connectors.csv;

/** What a column of a CSV statement holds. */
public enum ColumnRole {
    /** The booking date (preferred). */
    BOOKING_DATE,
    /** The value date, used only when there is no booking date. */
    VALUE_DATE,
    /** Free text about the transaction: description, details, memo, narrative. */
    DESCRIPTION,
    /** The other party: payee, name, counterparty; becomes the merchant. */
    PAYEE,
    /** One amount column, signed or with a {@link #DIRECTION} flag. */
    AMOUNT,
    /** Money out, in its own column (paid out, Af, Soll, Debit). */
    DEBIT,
    /** Money in, in its own column (paid in, Bij, Haben, Credit). */
    CREDIT,
    /** A debit/credit flag (C/D, DEBIT/CREDIT, Af/Bij, D/K, S/H). */
    DIRECTION,
    /** An ISO 4217 code per row. */
    CURRENCY,
    /** The running balance: never a transaction, never an amount. */
    BALANCE,
    /** The bank's own transaction id or reference. */
    TRANSACTION_ID,
    /** A booking status (booked, pending). */
    STATUS
}
