package io.ledgerstream.api.http.dto;

import io.ledgerstream.api.http.error.BadRequestException;
import io.ledgerstream.schemas.avro.UserSettings;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Body of {@code PUT /api/v1/users/{userId}/settings} (and answer of its GET), replacing the user's settings: base currency
 * (ISO 4217) and time zone (an IANA zone id) are required; the large-transaction threshold (null for
 * the default) and the monthly budgets per category are decimal strings in the base currency;
 * {@code notifications} says where and when alerts are sent ({@link NotificationsRequest}).
 */
public record SettingsRequest(String baseCurrency, String timeZone, String largeTransactionThreshold,
                              Map<String, String> budgets, NotificationsRequest notifications) {

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    /**
     * The answer of {@code GET …/settings}: the settings in the shape a PUT sets them, so a client can
     * read, change and write them back.
     */
    public static SettingsRequest of(UserSettings settings) {
        String currency = settings.getBaseCurrency();
        Map<String, String> budgets = new TreeMap<>();
        settings.getBudgets().forEach((category, amount) -> budgets.put(category, Money.format(amount, currency)));
        return new SettingsRequest(currency, settings.getTimeZone(),
                Money.format(settings.getLargeTransactionThreshold(), currency), budgets,
                NotificationsRequest.of(settings.getNotifications()));
    }

    /** @throws BadRequestException naming the first invalid field */
    public UserSettings toSettings(String userId, Instant updatedAt) {
        int digits = currencyDigits();
        BigDecimal threshold = largeTransactionThreshold == null ? null
                : Decimals.parseNonNegative(largeTransactionThreshold, "largeTransactionThreshold", digits);
        if (threshold != null && threshold.signum() == 0) {
            throw new BadRequestException("largeTransactionThreshold must be positive");
        }
        Map<String, BigDecimal> budgetsByCategory = new TreeMap<>();
        if (budgets != null) {
            budgets.forEach((category, amount) -> budgetsByCategory.put(
                    Categories.parse(category, "budgets").name(),
                    Decimals.parseNonNegative(amount, "budgets." + category, digits)));
        }
        return UserSettings.newBuilder()
                .setUserId(userId)
                .setBaseCurrency(baseCurrency)
                .setTimeZone(zoneId())
                .setLargeTransactionThreshold(threshold)
                .setBudgets(budgetsByCategory)
                .setNotifications(notifications == null ? null : notifications.toSettings())
                .setUpdatedAt(updatedAt)
                .build();
    }

    private int currencyDigits() {
        if (baseCurrency == null || !CURRENCY_CODE.matcher(baseCurrency).matches()) {
            throw new BadRequestException("baseCurrency must be an ISO 4217 code such as \"EUR\", got "
                    + (baseCurrency == null ? "nothing" : "'" + baseCurrency + "'"));
        }
        int digits;
        try {
            digits = Currency.getInstance(baseCurrency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("baseCurrency: unknown ISO 4217 code '" + baseCurrency + "'");
        }
        if (digits < 0 || digits > Decimals.AVRO_SCALE) {
            throw new BadRequestException("baseCurrency: '" + baseCurrency + "' is not a currency with a minor unit");
        }
        return digits;
    }

    private String zoneId() {
        if (timeZone == null || timeZone.isBlank()) {
            throw new BadRequestException("timeZone is required, an IANA zone id such as \"Europe/Berlin\"");
        }
        try {
            return ZoneId.of(timeZone).getId();
        } catch (DateTimeException e) {
            throw new BadRequestException("timeZone: unknown zone id '" + timeZone + "'");
        }
    }
}
