package io.ledgerstream.launcher;

import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.topology.detect.anomaly.PaymentContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
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
    private final boolean anomalies;
    /** Injected payments out of the user's pattern, by transaction id. */
    private final Set<String> outOfPattern = new HashSet<>();
    private int sequence;

    private AlertPopulation(long seed, boolean anomalies) {
        this.random = new Random(seed);
        this.anomalies = anomalies;
        for (AlertType type : AlertType.values()) {
            expected.put(type, new HashSet<>());
        }
    }

    /** A population with anomalies injected. */
    static AlertPopulation generate(long seed, int users) {
        return generate(seed, users, true);
    }

    /** @param anomalies whether to inject anomalies; without, only normal behaviour (the isolation forest's training data) */
    static AlertPopulation generate(long seed, int users, boolean anomalies) {
        AlertPopulation population = new AlertPopulation(seed, anomalies);
        for (int u = 1; u <= users; u++) {
            population.user(String.format(Locale.ROOT, "user-%04d", u));
        }
        population.transactions.sort(Comparator.comparing(RawTransaction::getBookedAt));
        population.expectOutOfPattern();
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
        int spikeMonth = random.nextInt(4) == 0 && anomalies ? 6 + random.nextInt(MONTHS - 6) : -1;
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
                // more of the same, each flight at an ordinary fare: the month is the anomaly, no one payment is
                for (int extra = 0; extra < 4; extra++) {
                    add(userId, month.atDay(1 + random.nextInt(28)), amount(60, 100).negate().toPlainString(), "RYANAIR",
                            "Ryanair", "4511");
                }
                expected.get(AlertType.SPENDING_SPIKE).add(key(AlertType.SPENDING_SPIKE, userId, month.toString(), "TRAVEL"));
            }
            for (int buy = random.nextInt(5); buy > 0; buy--) {
                add(userId, month.atDay(1 + random.nextInt(28)), amount(8, 120).negate().toPlainString(), "AMAZON EU", "Amazon",
                        null);
            }
            novelties(userId, month, food);
        }
        // groceries every 3 to 10 days, coffee now and then
        for (LocalDate day = START.plusDays(random.nextInt(5)); day.isBefore(end); day = day.plusDays(3 + random.nextInt(8))) {
            food.add(raw(userId, day, amount(35, 75).negate().toPlainString(), "TESCO STORES", "Tesco", "5411"));
        }
        for (LocalDate day = START; day.isBefore(end); day = day.plusDays(1 + random.nextInt(4))) {
            food.add(raw(userId, day, amount(2, 6).negate().toPlainString(), "STARBUCKS", "Starbucks", "5814"));
        }
        transactions.addAll(food);
        if (anomalies) {
            inject(userId, food);
        }
        if (budget) {
            budgetCrossings(userId, food);
        }
    }

    /**
     * What keeps life from being a timetable: dinners at restaurants never visited before, the
     * cinema, a taxi or the pharmacy some months, all at ordinary prices.
     */
    private void novelties(String userId, YearMonth month, List<RawTransaction> food) {
        for (int dinner = 1 + random.nextInt(3); dinner > 0; dinner--) {
            int place = 1000 + random.nextInt(9000);
            food.add(raw(userId, month.atDay(1 + random.nextInt(28)), amount(12, 55).negate().toPlainString(),
                    "BISTRO " + place, "Bistro " + place, "5812"));
        }
        if (random.nextInt(4) == 0) {
            add(userId, month.atDay(1 + random.nextInt(28)), amount(8, 20).negate().toPlainString(), "ODEON CINEMAS",
                    "Odeon", "7832");
        }
        if (random.nextInt(3) == 0) {
            String firm = random.nextBoolean() ? "City Cabs" : "Uber";
            add(userId, month.atDay(1 + random.nextInt(28)), amount(8, 35).negate().toPlainString(),
                    firm.toUpperCase(Locale.ROOT), firm, "4121");
        }
        if (random.nextInt(4) == 0) {
            add(userId, month.atDay(1 + random.nextInt(28)), amount(4, 25).negate().toPlainString(), "BOOTS PHARMACY",
                    "Boots", "5912");
        }
    }

    /** Anomalies of every kind; out-of-pattern single payments also go to {@code outOfPattern}. */
    private void inject(String userId, List<RawTransaction> food) {
        if (random.nextInt(3) == 0) {
            LocalDate day = START.plusMonths(6).plusDays(random.nextInt(150));
            RawTransaction unusual = raw(userId, day, amount(600, 900).negate().toPlainString(), "TESCO STORES", "Tesco", "5411");
            transactions.add(unusual);
            food.add(unusual);
            outOfPattern.add(unusual.getTransactionId());
            expected.get(AlertType.UNUSUAL_AMOUNT).add(key(AlertType.UNUSUAL_AMOUNT, userId, unusual.getTransactionId()));
            // one bill of 600 or more in a month of about 300 of food and drink makes the month a spike too
            expected.get(AlertType.SPENDING_SPIKE).add(key(AlertType.SPENDING_SPIKE, userId, YearMonth.from(day).toString(),
                    "FOOD_AND_DRINK"));
        }
        if (random.nextInt(4) == 0) {
            RawTransaction large = raw(userId, START.plusDays(20 + random.nextInt(300)),
                    amount(1600, 3000).negate().toPlainString(), "B&Q WAREHOUSE", "B&Q", "5211");
            transactions.add(large);
            outOfPattern.add(large.getTransactionId());
            expected.get(AlertType.LARGE_TRANSACTION).add(key(AlertType.LARGE_TRANSACTION, userId, large.getTransactionId()));
        }
        if (random.nextInt(4) == 0) {
            // a card in the wrong hands: a few hundred somewhere the user never went, for what they never pay for
            String[][] shops = {{"ATM WITHDRAWAL LAGOS", "Cash Lagos", "6011"}, {"LUXE DAY SPA", "Luxe Day Spa", "7298"}};
            String[] shop = shops[random.nextInt(shops.length)];
            RawTransaction misuse = raw(userId, START.plusDays(90 + random.nextInt(270)),
                    amount(250, 700).negate().toPlainString(), shop[0], shop[1], shop[2]);
            transactions.add(misuse);
            outOfPattern.add(misuse.getTransactionId());
        }
        if (random.nextInt(4) == 0) {
            LocalDate day = START.plusDays(30 + random.nextInt(300));
            String charge = amount(25, 120).negate().toPlainString();
            add(userId, day, charge, "AMAZON EU", "Amazon", null);
            String twice = add(userId, day, charge, "AMAZON EU", "Amazon", null);
            expected.get(AlertType.DUPLICATE_CHARGE).add(key(AlertType.DUPLICATE_CHARGE, userId, twice));
        }
    }

    /**
     * The injected out-of-pattern payments are what the isolation forest should find, those the user
     * makes after the payments it needs as history, counted in the order the population is replayed.
     */
    private void expectOutOfPattern() {
        Map<String, Integer> payments = new HashMap<>();
        for (RawTransaction transaction : transactions) {
            if (!transaction.getAmount().startsWith("-")) {
                continue;
            }
            int before = payments.merge(transaction.getUserId(), 1, Integer::sum) - 1;
            if (outOfPattern.contains(transaction.getTransactionId()) && before >= PaymentContext.MIN_HISTORY) {
                expected.get(AlertType.ANOMALOUS_TRANSACTION).add(key(AlertType.ANOMALOUS_TRANSACTION,
                        transaction.getUserId(), transaction.getTransactionId()));
            }
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
