package io.ledgerstream.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic statement in the canonical JSON Lines format, with duplicates, replacements,
 * removals, foreign currency, identical id-less rows and bad lines, plus the facts the test needs to
 * compute ground truth independently of the code under test: every transaction's final version.
 */
final class StatementScenario {

    /** One intended transaction version, as written to the file. */
    record Line(String userId, String transactionId, LocalDate bookedAt, BigDecimal amount, String currency,
                String description, String merchant, String mcc, boolean removed) {
    }

    /** What the test expects a transaction to be categorized as, from its MCC or description. */
    record Expectation(String category, boolean moneyInCategory, boolean essential) {
    }

    /** MCCs used by the scenario whose category is unambiguous in Plaid's taxonomy. */
    static final Map<String, Expectation> BY_MCC = Map.of(
            "5411", new Expectation("FOOD_AND_DRINK", false, true),          // groceries
            "5812", new Expectation("FOOD_AND_DRINK", false, false),         // restaurants
            "4111", new Expectation("TRANSPORTATION", false, true),          // commuter transport
            "7832", new Expectation("ENTERTAINMENT", false, false),          // cinemas
            "5311", new Expectation("GENERAL_MERCHANDISE", false, false));   // department stores
    static final Expectation SALARY = new Expectation("INCOME", true, false);

    private static final String[] MCCS = {"5411", "5812", "4111", "7832", "5311"};
    private static final Map<String, String> MERCHANT_BY_MCC = Map.of(
            "5411", "Tesco", "5812", "Luigi Trattoria", "4111", "Metro Transit", "7832", "Odeon Cinema",
            "5311", "Galeries Store");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The statement file of each user, line by line. */
    final Map<String, List<String>> fileLinesByUser = new LinkedHashMap<>();
    /** Final version of every transaction with an id, by userId|transactionId, in file order. */
    final Map<String, Line> finalVersions = new LinkedHashMap<>();
    /** Id-less rows: each occurrence is its own transaction. */
    final List<Line> idLessRows = new ArrayList<>();
    /** Lines of the first user's file that the importer must refuse, 1-based. */
    final List<Integer> badLineNumbers = new ArrayList<>();
    final List<String> users;
    final Line largePurchase;
    private final YearMonth firstMonth;

    StatementScenario(long seed, int users, int transactionsPerUser, YearMonth firstMonth, int months) {
        Random random = new Random(seed);
        this.firstMonth = firstMonth;
        this.users = new ArrayList<>();
        List<Line> written = new ArrayList<>();
        for (int u = 1; u <= users; u++) {
            String userId = "e2e-user-" + u;
            this.users.add(userId);
            fileLinesByUser.put(userId, new ArrayList<>());
            for (int m = 0; m < months; m++) {
                YearMonth month = firstMonth.plusMonths(m);
                written.add(new Line(userId, userId + "-salary-" + month, month.atDay(25),
                        cents(random, 250_000, 400_000), "EUR", "SALARY ACME GMBH " + month, null, null, false));
            }
            for (int i = 0; i < transactionsPerUser; i++) {
                String mcc = MCCS[random.nextInt(MCCS.length)];
                LocalDate day = firstMonth.atDay(1).plusDays(random.nextInt(months * 28));
                String currency = switch (random.nextInt(20)) {
                    case 0 -> "USD";
                    case 1 -> "GBP";
                    default -> "EUR";
                };
                boolean refund = mcc.equals("5311") && random.nextInt(10) == 0;
                BigDecimal amount = cents(random, 100, 20_000);
                written.add(new Line(userId, userId + "-" + i, day, refund ? amount : amount.negate(), currency,
                        "CARD 4929123456781234 " + MERCHANT_BY_MCC.get(mcc).toUpperCase(java.util.Locale.ROOT) + " " + (1000 + i),
                        random.nextBoolean() ? MERCHANT_BY_MCC.get(mcc) : null, mcc, false));
            }
        }
        String firstUser = this.users.get(0);
        largePurchase = new Line(firstUser, firstUser + "-large", firstMonth.atDay(10), new BigDecimal("-2600.00"),
                "EUR", "CARD 4929123456781234 GALERIES STORE 9", "Galeries Store", "5311", false);
        written.add(largePurchase);

        for (Line line : written) {
            append(line);
            int roll = random.nextInt(100);
            if (roll < 5) {
                append(line); // identical resend
            } else if (roll < 8) {
                // pending -> posted with another amount, sometimes moved to the next month
                LocalDate date = roll == 7 ? line.bookedAt().plusDays(20) : line.bookedAt();
                append(new Line(line.userId(), line.transactionId(), date,
                        line.amount().add(new BigDecimal("-1.11")), line.currency(), line.description(),
                        line.merchant(), line.mcc(), false));
            } else if (roll < 10 && line != largePurchase) {
                append(new Line(line.userId(), line.transactionId(), line.bookedAt(), line.amount(), line.currency(),
                        line.description(), line.merchant(), line.mcc(), true));
            }
        }
        for (String userId : this.users) {
            // two identical coffees on one day, without a bank id: two transactions
            Line coffee = new Line(userId, null, firstMonth.atDay(3), new BigDecimal("-3.50"), "EUR",
                    "LUIGI TRATTORIA COFFEE", "Luigi Trattoria", "5812", false);
            append(coffee);
            append(coffee);
        }
        badLine("{not json at all");
        badLine("{\"userId\":\"" + firstUser + "\",\"transactionId\":\"bad-1\",\"bookedAt\":\"2026-01-05\","
                + "\"amount\":\"12,3x\",\"currency\":\"EUR\",\"description\":\"bad amount\"}");
        badLine("{\"userId\":\"" + firstUser + "\",\"transactionId\":\"bad-2\",\"bookedAt\":\"2026-13-45\","
                + "\"amount\":\"-1.00\",\"currency\":\"EUR\",\"description\":\"bad date\"}");
        badLine("{\"userId\":\"" + firstUser + "\",\"transactionId\":\"bad-3\",\"bookedAt\":\"2026-01-05\","
                + "\"amount\":\"-1.00\",\"description\":\"no currency\"}");
    }

    private static BigDecimal cents(Random random, int minCents, int maxCents) {
        return BigDecimal.valueOf(minCents + random.nextInt(maxCents - minCents), 2);
    }

    private void append(Line line) {
        ObjectNode json = JSON.createObjectNode();
        if (line.transactionId() != null) {
            json.put("transactionId", line.transactionId());
        }
        json.put("userId", line.userId());
        json.put("accountId", "acc-" + line.userId());
        json.put("bookedAt", line.bookedAt().toString());
        json.put("amount", line.amount().toPlainString());
        json.put("currency", line.currency());
        json.put("description", line.description());
        if (line.merchant() != null) {
            json.put("merchant", line.merchant());
        }
        if (line.mcc() != null) {
            json.put("mcc", line.mcc());
        }
        if (line.removed()) {
            json.put("removed", true);
        }
        fileLinesByUser.get(line.userId()).add(json.toString());
        if (line.transactionId() == null) {
            idLessRows.add(line);
        } else {
            finalVersions.put(line.userId() + "|" + line.transactionId(), line);
        }
    }

    /**
     * Adds {@code perUser} cinema tickets per user, early in the first month, as a second statement
     * of each user's, which the ground truth then includes: user → the lines of that statement.
     */
    Map<String, List<String>> addLaterStatements(int perUser) {
        Map<String, List<String>> later = new LinkedHashMap<>();
        for (String userId : users) {
            List<String> lines = fileLinesByUser.get(userId);
            int from = lines.size();
            for (int i = 0; i < perUser; i++) {
                append(new Line(userId, userId + "-later-" + i, firstMonth.atDay(2 + i % 20),
                        new BigDecimal("-" + (12 + i) + ".40"), "EUR", "CARD 4929123456781234 ODEON CINEMA 77",
                        "Odeon Cinema", "7832", false));
            }
            later.put(userId, List.copyOf(lines.subList(from, lines.size())));
        }
        return later;
    }

    private void badLine(String text) {
        List<String> lines = fileLinesByUser.get(users.get(0));
        lines.add(text);
        badLineNumbers.add(lines.size());
    }

    /** Every live transaction at the end of the file. */
    List<Line> liveTransactions() {
        List<Line> live = new ArrayList<>();
        finalVersions.values().stream().filter(l -> !l.removed()).forEach(live::add);
        live.addAll(idLessRows);
        return live;
    }

    static Expectation expectationOf(Line line) {
        return line.mcc() == null ? SALARY : BY_MCC.get(line.mcc());
    }

    /** EUR amount at the given rate (1 EUR buys {@code rate} units), rounded half-even to cents. */
    static BigDecimal toEur(BigDecimal amount, BigDecimal rate) {
        return amount.divide(rate, 2, RoundingMode.HALF_EVEN);
    }
}
