package io.ledgerstream.connectors.csv;

import static io.ledgerstream.connectors.csv.CsvSamples.in;
import static io.ledgerstream.connectors.csv.CsvSamples.parse;
import static io.ledgerstream.connectors.csv.CsvSamples.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.connectors.importer.CsvMapping;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped bank profiles, profile files, {@code --csv} settings, and how each is refused when it does not fit. */
class CsvProfilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldShipEveryListedProfileAndListEveryShippedOne() throws IOException, URISyntaxException {
        Path directory = Path.of(CsvProfiles.class.getResource("profiles").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            List<String> shipped = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".properties"))
                    .map(f -> f.substring(0, f.length() - ".properties".length())).sorted().toList();
            assertThat(CsvProfiles.names()).hasSizeGreaterThanOrEqualTo(30).isEqualTo(shipped);
        }
        for (String name : CsvProfiles.names()) {
            CsvProfile profile = CsvProfiles.load(name);
            assertThat(profile.bank()).as(name + " says which bank").isNotBlank();
            assertThat(profile.columns()).as(name + " names the date column")
                    .containsKey(ColumnRole.BOOKING_DATE);
        }
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource({
        "lloyds, ofxstatement-lloyds__sample-statement.csv, , 12, -3881.99",
        "chase, reckon__chase.csv, , 9, 6922.11",
        "nationwide, reckon__nationwide.csv, , 4, 360.23",
        "nordea-dk, reckon__danish_kroner_nordea_example.csv, , 6, -4732.00",
        "easybank, reckon__austrian_example.csv, , 13, -149.57",
        "ing-nl, reckon__ing.csv, , 3, -18.63",
        "commerzbank, bank2ynab__Umsaetze_KtoNr538917600_EUR_02-03-2018_1503.CSV, , 1, -17.22",
        "first-direct, bank2ynab__20180226_12345678.csv, , 1, -5.00",
        "john-lewis, bank2ynab__MS_JANE_SMITH_01-12-2019_14-12-2019.csv, , 10, -285.80",
        "paypal, reckon__bom_utf8_file.csv, , 0, 0",
        "suntrust, reckon__suntrust.csv, , 7, 700.00",
        "mint, reckon__intuit_mint_example.csv, CAD, 7, -688.96",
    })
    @DisplayName("a profile written for a sample reads it as detection does")
    void shouldReadTheSampleItWasWrittenFrom(String profile, String file, String currency, int count, String total)
            throws Exception {
        List<RawTransaction> t = parse(file, in(currency, profile, Map.of())).transactions();
        assertThat(t).hasSize(count);
        assertThat(sum(t)).isEqualByComparingTo(total);
    }

    @Test
    @DisplayName("a profile whose header column is missing is refused, naming the column and the header")
    void shouldRefuseAProfileThatDoesNotFitTheFile() {
        assertThatThrownBy(() -> parse("bank2ynab__20180226-1000594757-umsatz.CSV", in(null, "n26", Map.of())))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("profile 'n26' (date = Datum) expects a column 'Datum'")
                .hasMessageContaining("header row (line 1) has none")
                .hasMessageContaining("Buchungstag");
        assertThatThrownBy(() -> parse("reckon__chase.csv", in("USD", "n26", Map.of())))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("no row among the first 25 holds any of them");
        assertThatThrownBy(() -> parse("reckon__chase.csv", in("USD", null, Map.of("amount", "9"))))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("--csv amount=9 names column 9, but the rows have only 4 columns");
    }

    @Test
    void shouldListTheKnownProfilesForAnUnknownName() {
        assertThatThrownBy(() -> CsvProfiles.check(new CsvMapping("no-such-bank", Map.of())))
                .isInstanceOf(CsvMappingException.class)
                .hasMessageContaining("unknown profile 'no-such-bank'")
                .hasMessageContaining("known profiles: anz, banco-do-brasil, bank-of-america");
    }

    @Test
    void shouldRefuseUnknownKeysAndValuesSayingWhatIsAllowed() {
        assertThatThrownBy(() -> CsvProfiles.check(new CsvMapping(null, Map.of("amout", "3"))))
                .isInstanceOf(CsvMappingException.class)
                .hasMessageContaining("--csv: unknown key 'amout'; the keys are bank, encoding, delimiter");
        assertThatThrownBy(() -> CsvProfiles.check(new CsvMapping(null, Map.of("sign", "backwards"))))
                .hasMessageContaining("sign 'backwards' is none of as-written, inverted, unsigned-is-out, flag");
        assertThatThrownBy(() -> CsvProfiles.check(new CsvMapping(null, Map.of("date-order", "year-first"))))
                .hasMessageContaining("neither day-first nor month-first");
        assertThatThrownBy(() -> CsvProfiles.check(new CsvMapping(null, Map.of("currency", "EURO"))))
                .hasMessageContaining("currency 'EURO' is not an ISO 4217 code");
        assertThatThrownBy(() -> CsvProfiles.check(new CsvMapping(null, Map.of("date", "0"))))
                .hasMessageContaining("column numbers start at 1");
    }

    @Test
    @DisplayName("a profile file by path, in the same keys; --csv overrides it")
    void shouldReadAProfileFileAndLetCsvSettingsOverrideIt() throws Exception {
        Path profile = Files.writeString(dir.resolve("my-bank.properties"), """
                # my bank's export, as I see it
                bank = My bank
                date = Date
                amount = Amount
                description = Description
                date-order = day-first
                currency = GBP
                """);
        ImportOptions options = in(null, profile.toString(), Map.of());
        List<RawTransaction> t = parse("bank2ynab__20180226_12345678.csv", options).transactions();
        assertThat(t).extracting(RawTransaction::getBookedAt, RawTransaction::getAmount, RawTransaction::getCurrency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2018-02-10", "-5.00", "GBP"));

        List<RawTransaction> overridden = parse("bank2ynab__20180226_12345678.csv",
                in(null, profile.toString(), Map.of("date-order", "month-first", "currency", "EUR"))).transactions();
        assertThat(overridden).extracting(RawTransaction::getBookedAt, RawTransaction::getCurrency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2018-10-02", "EUR"));
    }

    @Test
    @DisplayName("a date format states how dates are written; a cell that does not fit it is a problem row")
    void shouldReadDatesByAStatedFormat() throws Exception {
        Path csv = Files.writeString(dir.resolve("statement.csv"), "When;What;Amount\n"
                + "03-04-24;Coffee;-3,50\n13-04-24;Tea;-2,00\nyesterday;Cake;-1,00\n");
        var result = new CsvStatementParser().parse(csv, in("EUR", null,
                Map.of("date", "When", "date-format", "dd-MM-yy", "description", "What")));
        assertThat(result.transactions()).extracting(RawTransaction::getBookedAt, RawTransaction::getAmount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2024-04-03", "-3.50"),
                        org.assertj.core.groups.Tuple.tuple("2024-04-13", "-2.00"));
        assertThat(result.problems()).singleElement()
                .satisfies(p -> assertThat(p.toString()).isEqualTo("statement.csv:4: column 1 ('When'): invalid date:"
                        + " 'yesterday'"));
    }
}
