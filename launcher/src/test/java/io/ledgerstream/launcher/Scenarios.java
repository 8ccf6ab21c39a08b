package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerstream.config.LedgerstreamConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import picocli.CommandLine;

/** What the end-to-end tests share: the test's FX rates, running CLI commands, comparing the API with ground truth. */
final class Scenarios {

    /** Rates the tests publish: 1 EUR buys this many units, from the given day on. */
    static final Map<String, NavigableMap<LocalDate, BigDecimal>> RATES = Map.of(
            "USD", new TreeMap<>(Map.of(
                    LocalDate.of(2025, 12, 31), new BigDecimal("1.0400"),
                    LocalDate.of(2026, 2, 2), new BigDecimal("1.0800"),
                    LocalDate.of(2026, 3, 16), new BigDecimal("1.1213"))),
            "GBP", new TreeMap<>(Map.of(
                    LocalDate.of(2025, 12, 31), new BigDecimal("0.83015"),
                    LocalDate.of(2026, 2, 16), new BigDecimal("0.8500"))));

    record CliResult(int exitCode, String out, String err) {
    }

    private Scenarios() {
    }

    /** The rates above in the ECB's XML format, as the ECB publishes its daily files. */
    static Path writeEcbFile(Path dir) throws IOException {
        NavigableMap<LocalDate, StringBuilder> days = new TreeMap<>();
        RATES.forEach((currency, byDay) -> byDay.forEach((day, rate) -> days.computeIfAbsent(day, d -> new StringBuilder())
                .append("      <Cube currency='").append(currency).append("' rate='").append(rate.toPlainString()).append("'/>\n")));
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                  <gesmes:subject>Reference rates</gesmes:subject>
                  <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
                  <Cube>
                """);
        days.descendingMap().forEach((day, cubes) -> xml.append("    <Cube time='").append(day).append("'>\n")
                .append(cubes).append("    </Cube>\n"));
        xml.append("  </Cube>\n</gesmes:Envelope>\n");
        Path file = dir.resolve("eurofxref-test.xml");
        Files.writeString(file, xml);
        return file;
    }

    /** Runs a command of {@code ./ledgerstream} in this JVM, capturing what it prints. */
    static CliResult cli(LedgerstreamConfig config, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(config);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new CliResult(exit, out.toString(), err.toString());
    }

    /** Writes each user's statement file and imports it with {@code import FILE --user U}. */
    static List<CliResult> importAll(LedgerstreamConfig config, StatementScenario scenario, Path dir) throws IOException {
        return importStatements(config, scenario.fileLinesByUser, dir, "");
    }

    /**
     * Writes each user's lines as {@code <user><suffix>.jsonl} and imports it with
     * {@code import FILE --user U}.
     */
    static List<CliResult> importStatements(LedgerstreamConfig config, Map<String, List<String>> linesByUser, Path dir,
                                            String suffix) throws IOException {
        List<CliResult> results = new ArrayList<>();
        for (var entry : linesByUser.entrySet()) {
            Path file = dir.resolve(entry.getKey() + suffix + ".jsonl");
            Files.write(file, entry.getValue());
            results.add(cli(config, "import", file.toString(), "--user", entry.getKey()));
        }
        return results;
    }

    /**
     * Asserts that the API's months and summaries of every user equal the ground truth, to the cent.
     *
     * @throws Unavailable at the first 503 with Retry-After, the answer of an instance that holds no
     *                     up-to-date copy now (rebalancing): not a wrong answer, but no answer
     */
    static void assertApiEquals(ApiClient api, Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> expected) {
        expected.forEach((user, months) -> {
            ApiClient.Reply listed = unlessUnavailable(api.get("/api/v1/users/" + user + "/months"));
            assertThat(listed.status()).as("GET months of %s: %s", user, listed.body()).isEqualTo(200);
            List<String> monthNames = new ArrayList<>();
            listed.body().path("months").forEach(m -> monthNames.add(m.path("month").asText()));
            assertThat(monthNames).as("months of %s", user)
                    .isEqualTo(months.keySet().stream().map(YearMonth::toString).toList());
            months.forEach((month, truth) -> {
                ApiClient.Reply reply = unlessUnavailable(api.get("/api/v1/users/" + user + "/summary?month=" + month));
                assertThat(reply.status()).as("GET summary %s %s: %s", user, month, reply.body()).isEqualTo(200);
                assertThat(reply.body().path("currency").asText()).isEqualTo("EUR");
                assertThat(summaryOf(reply.body())).as("summary of %s in %s", user, month).isEqualTo(truth);
            });
        });
    }

    /** An answer of 503 with Retry-After: the instance holds no up-to-date copy of the user's state now. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private static ApiClient.Reply unlessUnavailable(ApiClient.Reply reply) {
        if (reply.status() == 503 && reply.header("Retry-After") != null) {
            throw new Unavailable("503, retry after " + reply.header("Retry-After") + " s: " + reply.body());
        }
        return reply;
    }

    /** The figures of a /summary answer, to compare with {@link GroundTruth}. */
    static GroundTruth.Summary summaryOf(JsonNode body) {
        return new GroundTruth.Summary(body.path("income").asText(), body.path("expenses").asText(),
                body.path("net").asText(), body.path("transactionCount").asLong(),
                categories(body.path("byCategory")), body.path("essential").asText(),
                body.path("discretionary").asText());
    }

    private static Map<String, String> categories(JsonNode byCategory) {
        Map<String, String> categories = new TreeMap<>();
        byCategory.properties().forEach(e -> categories.put(e.getKey(), e.getValue().asText()));
        return categories;
    }
}
