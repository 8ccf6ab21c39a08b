package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bank statements as people download them: each account's history in two files whose dates
 * overlap by two weeks, CSV without bank ids and OFX with FITIDs, with genuinely identical
 * bookings (two coffees of the same price on one day, the same coffee on two accounts) inside and
 * outside the overlap. Imported, then imported again, through the real pipeline: every booking is
 * there exactly once, and no two identical bookings were merged.
 */
class OverlappingStatementsTest {

    private static final String USER = "overlap-user";
    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2026, 3, 31);
    private static final LocalDate SECOND_STATEMENT_FROM = LocalDate.of(2026, 2, 1);
    private static final LocalDate FIRST_STATEMENT_TO = LocalDate.of(2026, 2, 15);
    private static final String[] SHOPS = {"GREEN GROCER", "CITY BAKERY", "BOOK NOOK", "CORNER PHARMACY", "TRAIN TICKETS"};

    /** One booking as the bank holds it; what the API must list, once each. */
    record Booking(String account, LocalDate day, BigDecimal amount, String description) {
    }

    @TempDir
    Path dir;

    @Test
    @DisplayName("overlapping CSV and OFX statements, imported twice: every booking exactly once, identical ones never merged")
    void shouldKeepEveryBookingOnceAcrossOverlapsAndReimports() throws Exception {
        LedgerstreamConfig config = TestStack.config("overlap", dir.resolve("state"));
        Pipeline pipeline = Pipeline.provision(config);
        List<Booking> bank = bankHistory(new Random(11));
        List<Path> statements = writeStatements(bank);

        try (LedgerstreamApp app = new LedgerstreamApp(config, pipeline.catalog()).start()) {
            ApiClient api = new ApiClient(app.apiUrl());

            // When: both statements of every account are imported
            importAll(config, statements);

            // Then: the API lists the bank's history, nothing twice, nothing merged
            await().alias("the API lists every booking exactly once")
                    .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertApiListsExactly(api, bank));

            // When: everything is imported again
            awaitNoLag(config, pipeline.catalog());
            Map<TopicPartition, Long> enrichedBefore = enrichedEndOffsets(config, pipeline.catalog());
            importAll(config, statements);
            awaitNoLag(config, pipeline.catalog());

            // Then: nothing changed
            assertApiListsExactly(api, bank);
            assertThat(enrichedEndOffsets(config, pipeline.catalog()))
                    .as("no enriched output for re-imported bookings").isEqualTo(enrichedBefore);
        }
    }

    /**
     * Three accounts from January to March: one or two purchases a day, and every fifth day two
     * identical coffees, bought on the current and the savings account alike.
     */
    private static List<Booking> bankHistory(Random random) {
        List<Booking> bookings = new ArrayList<>();
        for (String account : List.of("current", "savings", "card")) {
            for (LocalDate day = FIRST; !day.isAfter(LAST); day = day.plusDays(1)) {
                int purchases = 1 + random.nextInt(2);
                for (int i = 0; i < purchases; i++) {
                    BigDecimal amount = BigDecimal.valueOf(-(100 + random.nextInt(9_900)), 2);
                    bookings.add(new Booking(account, day, amount, SHOPS[random.nextInt(SHOPS.length)]));
                }
                if (day.getDayOfYear() % 5 == 0 && !account.equals("card")) {
                    bookings.add(new Booking(account, day, new BigDecimal("-3.50"), "COFFEE HOUSE"));
                    bookings.add(new Booking(account, day, new BigDecimal("-3.50"), "COFFEE HOUSE"));
                }
            }
            if (!account.equals("card")) {
                bookings.add(new Booking(account, LocalDate.of(2026, 1, 28), new BigDecimal("2500.00"), "SALARY ACME LTD"));
                bookings.add(new Booking(account, LocalDate.of(2026, 2, 10), new BigDecimal("2500.00"), "SALARY ACME LTD"));
            }
        }
        return bookings;
    }

    /** For each account, statement 1 (up to mid-February) and statement 2 (from February on). */
    private List<Path> writeStatements(List<Booking> bank) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String account : List.of("current", "savings")) {
            files.add(writeCsv(account, bank, FIRST, FIRST_STATEMENT_TO));
            files.add(writeCsv(account, bank, SECOND_STATEMENT_FROM, LAST));
        }
        files.add(writeOfx(bank, FIRST, FIRST_STATEMENT_TO));
        files.add(writeOfx(bank, SECOND_STATEMENT_FROM, LAST));
        return files;
    }

    private Path writeCsv(String account, List<Booking> bank, LocalDate from, LocalDate to) throws IOException {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        StringBuilder csv = new StringBuilder("Date,Description,Amount\n");
        for (Booking booking : between(bank, account, from, to)) {
            csv.append(booking.day().format(format)).append(',').append(booking.description()).append(',')
                    .append(booking.amount().toPlainString()).append('\n');
        }
        Path file = dir.resolve(account + "-" + from + "-" + to + ".csv");
        Files.writeString(file, csv);
        return file;
    }

    /** The card's statement in OFX 2, each booking with the FITID the bank gave it. */
    private Path writeOfx(List<Booking> bank, LocalDate from, LocalDate to) throws IOException {
        DateTimeFormatter format = DateTimeFormatter.BASIC_ISO_DATE;
        List<Booking> card = bank.stream().filter(b -> b.account().equals("card")).toList();
        StringBuilder rows = new StringBuilder();
        for (int fitId = 0; fitId < card.size(); fitId++) {
            Booking booking = card.get(fitId);
            if (booking.day().isBefore(from) || booking.day().isAfter(to)) {
                continue;
            }
            rows.append("""
                              <STMTTRN>
                                <TRNTYPE>DEBIT</TRNTYPE>
                                <DTPOSTED>%s</DTPOSTED>
                                <TRNAMT>%s</TRNAMT>
                                <FITID>%d</FITID>
                                <NAME>%s</NAME>
                              </STMTTRN>
                    """.formatted(booking.day().format(format), booking.amount().toPlainString(),
                    900_000 + fitId, booking.description()));
        }
        String ofx = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
                <OFX>
                  <SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
                    <DTSERVER>20260401</DTSERVER><LANGUAGE>ENG</LANGUAGE></SONRS></SIGNONMSGSRSV1>
                  <CREDITCARDMSGSRSV1>
                    <CCSTMTTRNRS>
                      <TRNUID>1</TRNUID>
                      <STATUS><CODE>0</CODE><SEVERITY>INFO</SEVERITY></STATUS>
                      <CCSTMTRS>
                        <CURDEF>EUR</CURDEF>
                        <CCACCTFROM><ACCTID>card</ACCTID></CCACCTFROM>
                        <BANKTRANLIST>
                          <DTSTART>%s</DTSTART>
                          <DTEND>%s</DTEND>
                %s        </BANKTRANLIST>
                        <LEDGERBAL><BALAMT>0.00</BALAMT><DTASOF>%s</DTASOF></LEDGERBAL>
                      </CCSTMTRS>
                    </CCSTMTTRNRS>
                  </CREDITCARDMSGSRSV1>
                </OFX>
                """.formatted(from.format(format), to.format(format), rows, to.format(format));
        Path file = dir.resolve("card-" + from + "-" + to + ".ofx");
        Files.writeString(file, ofx);
        return file;
    }

    private static List<Booking> between(List<Booking> bank, String account, LocalDate from, LocalDate to) {
        return bank.stream()
                .filter(b -> b.account().equals(account) && !b.day().isBefore(from) && !b.day().isAfter(to))
                .toList();
    }

    private static void importAll(LedgerstreamConfig config, List<Path> statements) {
        for (Path statement : statements) {
            String name = statement.getFileName().toString();
            List<String> args = new ArrayList<>(List.of("import", statement.toString(), "--user", USER, "--currency", "EUR"));
            if (name.endsWith(".csv")) {
                args.addAll(List.of("--account", name.substring(0, name.indexOf('-'))));
            }
            Scenarios.CliResult result = Scenarios.cli(config, args.toArray(String[]::new));
            assertThat(result.exitCode()).as("import %s: %s %s", name, result.out(), result.err()).isZero();
        }
    }

    /** Month by month, the API's transactions equal the bank's bookings as a multiset, and so do the totals. */
    private static void assertApiListsExactly(ApiClient api, List<Booking> bank) {
        for (YearMonth month = YearMonth.from(FIRST); !month.isAfter(YearMonth.from(LAST)); month = month.plusMonths(1)) {
            YearMonth current = month;
            List<Booking> expected = bank.stream().filter(b -> YearMonth.from(b.day()).equals(current)).toList();
            ApiClient.Reply reply = api.get("/api/v1/users/" + USER + "/transactions?from=" + month.atDay(1)
                    + "&to=" + month.atEndOfMonth() + "&limit=500");
            assertThat(reply.status()).as("transactions of %s: %s", month, reply.body()).isEqualTo(200);
            List<Booking> listed = new ArrayList<>();
            for (JsonNode transaction : reply.body().path("transactions")) {
                listed.add(new Booking(transaction.path("accountId").asText(),
                        LocalDate.parse(transaction.path("bookedAt").asText()),
                        new BigDecimal(transaction.path("amount").asText()).setScale(2),
                        transaction.path("description").asText()));
            }
            assertThat(surplus(counts(expected), counts(listed))).as("bookings of %s missing (merged)", month).isEmpty();
            assertThat(surplus(counts(listed), counts(expected))).as("bookings of %s listed too often (duplicated)", month)
                    .isEmpty();

            ApiClient.Reply summary = api.get("/api/v1/users/" + USER + "/summary?month=" + month);
            assertThat(summary.body().path("transactionCount").asLong()).as("count of %s", month).isEqualTo(expected.size());
            assertThat(new BigDecimal(summary.body().path("net").asText())).as("net of %s", month)
                    .isEqualByComparingTo(expected.stream().map(Booking::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    private static Map<Booking, Long> counts(List<Booking> bookings) {
        return bookings.stream().collect(Collectors.groupingBy(Function.identity(), HashMap::new, Collectors.counting()));
    }

    /** How many more times each booking occurs in {@code these} than in {@code those}, where it does. */
    private static Map<Booking, Long> surplus(Map<Booking, Long> these, Map<Booking, Long> those) {
        Map<Booking, Long> surplus = new HashMap<>();
        these.forEach((booking, count) -> {
            long more = count - those.getOrDefault(booking, 0L);
            if (more > 0) {
                surplus.put(booking, more);
            }
        });
        return surplus;
    }

    private static void awaitNoLag(LedgerstreamConfig config, TopicCatalog catalog) {
        try (Admin admin = admin(config)) {
            await().alias("the app has consumed everything").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ConsumerLag.of(admin, config.applicationId(), catalog.raw().name()) == 0);
        }
    }

    private static Map<TopicPartition, Long> enrichedEndOffsets(LedgerstreamConfig config, TopicCatalog catalog) throws Exception {
        try (Admin admin = admin(config)) {
            return ConsumerLag.endOffsets(admin, catalog.enriched().name());
        }
    }

    private static Admin admin(LedgerstreamConfig config) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()));
    }
}
