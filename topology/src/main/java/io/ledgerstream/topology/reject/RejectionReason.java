package io.ledgerstream.topology.reject;

/** Why a record went to the dead letters; written as {@code RejectedRecord.reason}. */
public enum RejectionReason {
    /** The value is not a {@code RawTransaction} in the Confluent wire format. */
    UNDESERIALIZABLE,
    /** The record key is missing or is not the record's userId. */
    KEY_MISMATCH,
    /** transactionId or userId is missing or blank. */
    MISSING_FIELD,
    /** The userId contains the store key separator '|'. */
    BAD_USER_ID,
    /** bookedAt is not an ISO date (YYYY-MM-DD). */
    BAD_DATE,
    /** The amount is not a plain decimal of at most 16 integer and 4 fraction digits. */
    BAD_AMOUNT,
    /** The currency is not an ISO 4217 code. */
    UNKNOWN_CURRENCY,
    /** The MCC is present but not four digits. */
    BAD_MCC,
    /** No reference rate on or before the booking date for a currency the conversion needs. */
    NO_FX_RATE
}
