package io.ledgerstream.launcher;

import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.avro.UserSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A year of generated normal spending for a population, with anomalies of every kind injected into
 * some users and the alerts each should raise written down as it is made (the ground truth of
 * {@code bench alerts}). Normal behaviour: rent and salary monthly, a streaming subscription and an
 * energy bill, groceries every three to ten days, coffee, online shopping, a flight a month. Injected:
 * a grocery bill several times the usual (UNUSUAL_AMOUNT, and a SPENDING_SPIKE of its month), a large home-improvement purchase
 * (LARGE_TRANSACTION), a charge taken twice (DUPLICATE_CHARGE), a month of extra flights
 * (SPENDING_SPIKE), a subscription's price rise (PRICE_INCREASE) or its end (MISSED_PAYMENT). Every
 * recurring series is a NEW_SUBSCRIPTION on its third payment, and half the users have a groceries
 * budget whose crossings (BUDGET_THRESHOLD) are counted from the generated payments.
 */
final class AlertPopulation {

    static final LocalDate START = LocalDate.of(2025, 3, 1);
    static final int MONTHS = 12;
    static final BigDecimal GROCERY_BUDGET = new BigDecimal("400.0000");

    final List<RawTransaction> transactions = new ArrayList<>();
    final Map<String, UserSettings> settings = new TreeMap<>();
    final Map<AlertType, Set<String>> expected = new EnumMap<>(AlertType.class);

    private final Random random;
    private int sequence;

    private AlertPopulation(long seed) {
        this.random = new Random(seed);
        for (AlertType type : AlertType.values()) {
            expected.put(type, new HashSet<>());
        }
    }

    static AlertPopulation generate(long seed, int users) {
        AlertPopulation population = new AlertPopulation(seed);
        for (int u = 1; u <= users; u++) {
            population.user(String.format(Locale.ROOT, "user-%04d", u));
        }
        population.transactions.sort(Comparator.comparing(RawTransaction::getBookedAt));
        return population;
    }

    /** The key an alert is matched by, for its type. */
    static String key(AlertType type, String userId, String... parts) {
        return type + "|" + userId + "|" + String.join("|", parts);
    }

    private void user(String userId) {
        LocalDate end = START.plusMonths(MONTHS);
        boolean budget = random.nextBoolean();
        settings.put(userId, UserSettings.newBuilder().setUserId(userId).setUpdatedAt(Instant.EPOCH)
                .setBudgets(budget ? Map.of("FOOD_AND_DRINK", GROCERY_BUDGET) : Map.of()).build());
        List<RawTransaction> food = new ArrayList<>();

        // monthly: salary, rent, energy, streaming, a flight
        BigDecimal rent = amount(700, 1200);
        int rentDay = 1;
        int energyDay = 8 + random.nextInt(10);
        int streamDay = 3 + random.nextInt(20);
        boolean priceRise = random.nextInt(3) == 0;
        boolean stops = !priceRise && random.nextInt(3) == 0;
        int spikeMonth = random.nextInt(4) == 0 ? 6 + random.nextInt(MONTHS - 6) : -1;
        for (int m = 0; m < MONTHS; m++) {
            YearMonth month = YearMonth.from(START.plusMonths(m));
            add(userId, month.atDay(25), "3100.00", "ACME LTD SALARY", null, null);
            String rentId = add(userId, month.atDay(rentDay), rent.negate().toPlainString(), "STANDING ORDER RENT FLAT 2",
                    "Landlord", null);
            String energyId = add(userId, jitter(month.atDay(energyDay)), amount(65, 80).negate().toPlainString(),
                    "DD BRITISH GAS", "British Gas", null);
            if (m == 2) {
                expected.get(AlertType.NEW_SUBSCRIPTION).add(key(AlertType.NEW_SUBSCRIPTION, userId, rentId));
                expected.get(AlertType.NEW_SUBSCRIPTION).add(key(AlertType.NEW_SUBSCRIPTION, userId, energyId));
            }
            if (!stops || m <= 8) {
                String price = priceRise && m >= 6 ? "-17.99" : "-15.99";
                String streamId = add(userId, month.atDay(streamDay), price, "NETFLIX.COM", "Netflix", null);
                if (m == 2) {
                    expected.get(AlertType.NEW_SUBSCRIPTION).add(key(AlertType.NEW_SUBSCRIPTION, userId, streamId));
                }
                if (priceRise && m == 6) {
                    expected.get(AlertType.PRICE_INCREASE).add(key(AlertType.PRICE_INCREASE, userId, streamId));
                }
            } else if (m == 9) {
                expected.get(AlertType.MISSED_PAYMENT).add(key(AlertType.MISSED_PAYMENT, userId, "netflix",
                        month.atDay(streamDay).toString()));
            }
            // a flight most months; in the months before an injected spike always, so travel has a usual
            if (random.nextInt(5) < 3 || spikeMonth >= 0 && m >= spikeMonth - 6 && m < spikeMonth) {
                add(userId, month.atDay(1 + random.nextInt(28)), amount(60, 100).negate().toPlainString(), "RYANAIR", "Ryanair",
                        "4511");
            }
            if (m == spikeMonth) {
                for (int extra = 0; extra < 3; extra++) {
                    add(userId, month.atDay(1 + random.nextInt(28)), amount(150, 220).negate().toPlainString(), "RYANAIR",
                            "Ryanair", "4511");
                }
                expected.get(AlertType.SPENDING_SPIKE).add(key(AlertType.SPENDING_SPIKE, userId, month.toString(), "TRAVEL"));
            }
            for (int buy = random.nextInt(5); buy > 0; buy--) {
                add(userId, month.atDay(1 + random.nextInt(28)), amount(8, 120).negate().toPlainString(), "AMAZON EU", "Amazon",
                        null);
            }
        }
        // groceries every 3 to 10 days, coffee now and then
        for (LocalDate day = START.plusDays(random.nextInt(5)); day.isBefore(end); day = day.plusDays(3 + random.nextInt(8))) {
            food.add(raw(userId, day, amount(35, 75).negate().toPlainString(), "TESCO STORES", "Tesco", "5411"));
        }
        for (LocalDate day = START; day.isBefore(end); day = day.plusDays(1 + random.nextInt(4))) {
            food.add(raw(userId, day, amount(2, 6).negate().toPlainString(), "STARBUCKS", "Starbucks", "5814"));
        }
        // injected
        if (random.nextInt(3) == 0) {
            LocalDate day = START.plusMonths(6).plusDays(random.nextInt(150));
            RawTransaction unusual = raw(userId, day, amount(600, 900).negate().toPlainString(), "TESCO STORES", "Tesco", "5411");
            food.add(unusual);
            expected.get(AlertType.UNUSUAL_AMOUNT).add(key(AlertType.UNUSUAL_AMOUNT, userId, unusual.getTransactionId()));
            // one bill of 600 or more in a month of about 300 of food and drink makes the month a spike too
            expected.get(AlertType.SPENDING_SPIKE).add(key(AlertType.SPENDING_SPIKE, userId, YearMonth.from(day).toString(),
                    "FOOD_AND_DRINK"));
        }
        if (random.nextInt(4) == 0) {
            String large = add(userId, START.plusDays(20 + random.nextInt(300)), amount(1600, 3000).negate().toPlainString(),
                    "B&Q WAREHOUSE", "B&Q", "5211");
            expected.get(AlertType.LARGE_TRANSACTION).add(key(AlertType.LARGE_TRANSACTION, userId, large));
        }
        if (random.nextInt(4) == 0) {
            LocalDate day = START.plusDays(30 + random.nextInt(300));
            String charge = amount(25, 120).negate().toPlainString();
            add(userId, day, charge, "AMAZON EU", "Amazon", null);
            String twice = add(userId, day, charge, "AMAZON EU", "Amazon", null);
            expected.get(AlertType.DUPLICATE_CHARGE).add(key(AlertType.DUPLICATE_CHARGE, userId, twice));
        }
        transactions.addAll(food);
        if (budget) {
            budgetCrossings(userId, food);
        }
    }

    /**
     * The budget alerts the groceries should raise: per month, for each payment, the highest of 50%,
     * 80% and 100% it takes spending across, unless that or a higher one was crossed before.
     */
    private void budgetCrossings(String userId, List<RawTransaction> food) {
        Map<YearMonth, List<RawTransaction>> byMonth = new TreeMap<>();
        food.forEach(t -> byMonth.computeIfAbsent(YearMonth.from(LocalDate.parse(t.getBookedAt())), k -> new ArrayList<>()).add(t));
        byMonth.forEach((month, payments) -> {
            payments.sort(Comparator.comparing(RawTransaction::getBookedAt));
            BigDecimal spent = BigDecimal.ZERO;
            int told = 0;
            for (RawTransaction payment : payments) {
                BigDecimal before = spent;
                spent = spent.add(new BigDecimal(payment.getAmount()).negate());
                for (int threshold : new int[] {100, 80, 50}) {
                    BigDecimal limit = GROCERY_BUDGET.multiply(BigDecimal.valueOf(threshold)).movePointLeft(2);
                    if (before.compareTo(limit) < 0 && spent.compareTo(limit) >= 0) {
                        if (threshold > told) {
                            expected.get(AlertType.BUDGET_THRESHOLD).add(key(AlertType.BUDGET_THRESHOLD, userId,
                                    month.toString(), "FOOD_AND_DRINK", Integer.toString(threshold)));
                            told = threshold;
                        }
                        break;
                    }
                }
            }
        });
    }

    private LocalDate jitter(LocalDate day) {
        return day.plusDays(random.nextInt(3) - 1);
    }

    private BigDecimal amount(int min, int max) {
        return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100 + 1), 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    private String add(String userId, LocalDate day, String amount, String description, String merchant, String mcc) {
        RawTransaction transaction = raw(userId, day, amount, description, merchant, mcc);
        transactions.add(transaction);
        return transaction.getTransactionId();
    }

    private RawTransaction raw(String userId, LocalDate day, String amount, String description, String merchant, String mcc) {
        return RawTransaction.newBuilder()
                .setTransactionId("t-" + (++sequence))
                .setUserId(userId)
                .setAccountId("acc-1")
                .setBookedAt(day.toString())
                .setAmount(amount)
                .setCurrency("EUR")
                .setDescription(description)
                .setMerchant(merchant)
                .setMcc(mcc)
                .setRemoved(false)
                .setSource("bench")
                .build();
    }
}
