package io.ledgerstream.connectors.importer;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** ISO 4217 currency codes as the Java runtime knows them. */
public final class CurrencyCodes {

    private static final Set<String> KNOWN = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    private CurrencyCodes() {
    }

    /** The upper-case code, or empty when {@code text} is no ISO 4217 code. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        return KNOWN.contains(code) ? Optional.of(code) : Optional.empty();
    }
}
