package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Wording shared by the detectors' messages. */
public final class AlertFormat {

    private AlertFormat() {
    }

    /** {@code 2,300.00 EUR}: grouped, with the currency's minor unit, exact (no floating point). */
    static String money(BigDecimal amount, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return String.format(Locale.ROOT, "%,." + digits + "f", amount) + " " + currency;
    }

    /** Who was paid: the merchant, else the description. */
    public static String payee(EnrichedTransaction transaction) {
        return transaction.getMerchant() != null ? transaction.getMerchant() : transaction.getDescription();
    }

    /** {@code FOOD_AND_DRINK} as people write it: {@code food and drink}. */
    static String category(Category category) {
        return category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
