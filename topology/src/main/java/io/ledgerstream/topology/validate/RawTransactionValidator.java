package io.ledgerstream.topology.validate;

import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.reject.Rejection;
import io.ledgerstream.topology.reject.RejectionReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a raw transaction must meet before anything is computed from it, checked in order;
 * the first broken one is reported with its own reason and a detail naming the field and the value.
 * A blank mcc counts as none.
 */
public final class RawTransactionValidator {

    /** Integer digits an amount may have: the wire's decimal(20, 4) leaves 16. */
    public static final int MAX_INTEGER_DIGITS = 16;
    /** Fraction digits an amount may have (trailing zeros aside). */
    public static final int MAX_FRACTION_DIGITS = 4;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern MCC = Pattern.compile("\\d{4}");
    private static final int SHOWN_VALUE_LENGTH = 60;

    private RawTransactionValidator() {
    }

    /** The first rule {@code raw}, read under record key {@code key}, breaks; empty when valid. */
    public static Optional<Rejection> validate(String key, RawTransaction raw) {
        if (isBlank(raw.getTransactionId())) {
            return reject(RejectionReason.MISSING_FIELD, "transactionId", "transactionId is missing: " + shown(raw.getTransactionId()));
        }
        if (isBlank(raw.getUserId())) {
            return reject(RejectionReason.MISSING_FIELD, "userId", "userId is missing: " + shown(raw.getUserId()));
        }
        if (!raw.getUserId().equals(key)) {
            return reject(RejectionReason.KEY_MISMATCH, "userId", "record key " + shown(key)
                    + " is not the userId " + shown(raw.getUserId()));
        }
        if (raw.getUserId().contains(StoreNames.SEPARATOR)) {
            return reject(RejectionReason.BAD_USER_ID, "userId", "userId " + shown(raw.getUserId())
                    + " contains '" + StoreNames.SEPARATOR + "'");
        }
        if (!isIsoDate(raw.getBookedAt())) {
            return reject(RejectionReason.BAD_DATE, "bookedAt", "bookedAt " + shown(raw.getBookedAt())
                    + " is not an ISO date (YYYY-MM-DD)");
        }
        Optional<String> amountProblem = amountProblem(raw.getAmount());
        if (amountProblem.isPresent()) {
            return reject(RejectionReason.BAD_AMOUNT, "amount", "amount " + shown(raw.getAmount()) + " " + amountProblem.get());
        }
        if (!isCurrencyCode(raw.getCurrency())) {
            return reject(RejectionReason.UNKNOWN_CURRENCY, "currency", "currency " + shown(raw.getCurrency())
                    + " is not an ISO 4217 code");
        }
        if (!isBlank(raw.getMcc()) && !MCC.matcher(raw.getMcc()).matches()) {
            return reject(RejectionReason.BAD_MCC, "mcc", "mcc " + shown(raw.getMcc()) + " is not four digits");
        }
        return Optional.empty();
    }

    private static boolean isIsoDate(String value) {
        if (value == null || !ISO_DATE.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Optional<String> amountProblem(String value) {
        if (value == null || !PLAIN_DECIMAL.matcher(value).matches()) {
            return Optional.of("is not a plain decimal (digits, an optional sign and decimal point)");
        }
        BigDecimal amount = new BigDecimal(value).stripTrailingZeros();
        if (amount.scale() > MAX_FRACTION_DIGITS) {
            return Optional.of("has more than " + MAX_FRACTION_DIGITS + " decimals");
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            return Optional.of("has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        return Optional.empty();
    }

    private static boolean isCurrencyCode(String value) {
        if (value == null || !CURRENCY_CODE.matcher(value).matches()) {
            return false;
        }
        try {
            Currency.getInstance(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String shown(String value) {
        if (value == null) {
            return "(null)";
        }
        String cut = value.length() > SHOWN_VALUE_LENGTH ? value.substring(0, SHOWN_VALUE_LENGTH) + "…" : value;
        return "'" + cut + "'";
    }

    private static Optional<Rejection> reject(RejectionReason reason, String field, String detail) {
        return Optional.of(new Rejection(reason, field, detail));
    }
}
