package io.ledgerstream.api.testing;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Store values as the topology writes them: every amount at Avro scale 4. */
public final class Fixtures {

    private Fixtures() {
    }

    public static BigDecimal amount(String text) {
        return new BigDecimal(text).setScale(4);
    }

    public static MonthlySummary summary(String userId, String month, String currency, String income,
                                         String expenses, Map<String, String> byCategory) {
        Map<String, BigDecimal> categories = new LinkedHashMap<>();
        byCategory.forEach((category, value) -> categories.put(category, amount(value)));
        return MonthlySummary.newBuilder()
                .setUserId(userId)
                .setMonth(month)
                .setCurrency(currency)
                .setIncome(amount(income))
                .setExpenses(amount(expenses))
                .setTransactionCount(7)
                .setByCategory(categories)
                .setEssential(amount("800"))
                .setDiscretionary(amount("434.56"))
                .build();
    }

    public static EnrichedTransaction transaction(String userId, String transactionId, String bookedAt,
                                                  String amount, String currency, String baseAmount,
                                                  String baseCurrency) {
        return EnrichedTransaction.newBuilder()
                .setTransactionId(transactionId)
                .setUserId(userId)
                .setAccountId("acc-1")
                .setBookedAt(LocalDate.parse(bookedAt))
                .setAmount(amount(amount))
                .setCurrency(currency)
                .setBaseAmount(amount(baseAmount))
                .setBaseCurrency(baseCurrency)
                .setDescription("CARD ****3297 TESCO STORES")
                .setMerchant("Tesco")
                .setMcc("5411")
                .setCategory(Category.FOOD_AND_DRINK)
                .setSubcategory("GROCERIES")
                .setCategorySource(CategorySource.MCC)
                .setEssential(true)
                .build();
    }

    public static Alert alert(String userId, String alertId, Instant createdAt) {
        return Alert.newBuilder()
                .setAlertId(alertId)
                .setUserId(userId)
                .setType(AlertType.LARGE_TRANSACTION)
                .setSeverity(Severity.WARNING)
                .setTransactionId("t-" + alertId)
                .setBookedAt(LocalDate.of(2026, 3, 4))
                .setAmount(amount("-1250.5"))
                .setCurrency("EUR")
                .setMerchant("Apple Store")
                .setMessage("A large payment: -1250.50 EUR at Apple Store")
                .setCreatedAt(createdAt)
                .build();
    }
}
