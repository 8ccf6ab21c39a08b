package io.ledgerstream.connectors.mt940;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A balance field ({@code :60F:}, {@code :60M:}, {@code :62F:}, {@code :62M:}, {@code :64:},
 * {@code :65:}): {@code 1!a6!n3!a15d}, mark, date, currency, amount. Never a transaction.
 *
 * @param amount signed: D (debit balance) is negative
 */
record Balance(LocalDate date, String currency, BigDecimal amount) {

    private static final Pattern BALANCE = Pattern.compile("^([CD])(\\d{6})([A-Z]{3})(\\d+,\\d*)$");

    static Optional<Balance> parse(String text) {
        Matcher matcher = BALANCE.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Optional<LocalDate> date = SwiftDates.yymmdd(matcher.group(2));
        if (date.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal magnitude = SwiftAmounts.parse(matcher.group(4));
        return Optional.of(new Balance(date.get(), matcher.group(3),
                matcher.group(1).equals("D") ? magnitude.negate() : magnitude));
    }
}
