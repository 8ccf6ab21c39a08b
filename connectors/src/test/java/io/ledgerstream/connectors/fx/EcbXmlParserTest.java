package io.ledgerstream.connectors.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.schemas.avro.FxRate;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EcbXmlParserTest {

    private static final String TWO_DAYS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
              <gesmes:subject>Reference rates</gesmes:subject>
              <gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
              <Cube>
                <Cube time='2026-03-05'>
                  <Cube currency='USD' rate='1.0823'/>
                  <Cube currency='JPY' rate='161.2'/>
                </Cube>
                <Cube time='2026-03-04'>
                  <Cube currency='USD' rate='1.0791'/>
                </Cube>
              </Cube>
            </gesmes:Envelope>
            """;

    private static EcbParseResult parse(String xml) {
        return new EcbXmlParser().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml", "ECB");
    }

    private static FxRate rate(String currency, String date, String rate) {
        return FxRate.newBuilder().setCurrency(currency).setDate(LocalDate.parse(date))
                .setRate(new BigDecimal(rate).setScale(10)).setSource("ECB").build();
    }

    @Test
    void shouldReadEveryRateOfEveryDateExactly() {
        EcbParseResult result = parse(TWO_DAYS);

        assertThat(result.problems()).isEmpty();
        assertThat(result.rates()).containsExactly(
                rate("USD", "2026-03-05", "1.0823"),
                rate("JPY", "2026-03-05", "161.2"),
                rate("USD", "2026-03-04", "1.0791"));
        assertThat(result.rates()).extracting(FxRates::key)
                .containsExactly("USD:2026-03-05", "JPY:2026-03-05", "USD:2026-03-04");
        assertThat(result.rates().get(0).getRate()).hasToString("1.0823000000");
    }

    @Test
    void shouldReportAMalformedRateWithItsElementAndKeepTheOthers() {
        EcbParseResult result = parse(TWO_DAYS.replace("rate='1.0791'", "rate='1,0791'"));

        assertThat(result.rates()).hasSize(2);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.element()).isEqualTo("<Cube currency=\"USD\" rate=\"1,0791\">");
            assertThat(problem.message()).contains("not a plain decimal");
            assertThat(problem.line()).isEqualTo(11);
            assertThat(problem.toString()).startsWith("test.xml:11: <Cube currency=\"USD\" rate=\"1,0791\">");
        });
    }

    @Test
    void shouldReportABadDateAndTheRatesItHolds() {
        EcbParseResult result = parse(TWO_DAYS.replace("time='2026-03-04'", "time='2026-02-30'"));

        assertThat(result.rates()).extracting(FxRates::key).containsExactly("USD:2026-03-05", "JPY:2026-03-05");
        assertThat(result.problems()).singleElement().satisfies(problem ->
                assertThat(problem.element()).isEqualTo("<Cube time=\"2026-02-30\">"));
    }

    @Test
    void shouldRefuseADocumentThatIsNotAnEcbEnvelope() {
        assertThatThrownBy(() -> parse("<html><body>rates</body></html>"))
                .isInstanceOf(EcbFormatException.class).hasMessageContaining("not an ECB reference-rate document");
        assertThatThrownBy(() -> parse("<gesmes:Envelope xmlns:gesmes='x'><Cube>"))
                .isInstanceOf(EcbFormatException.class).hasMessageContaining("not well-formed XML");
    }

    @Test
    void shouldParseTheShippedSampleWithoutProblems() {
        EcbParseResult sample = FxRates.loadSample();

        assertThat(sample.problems()).isEmpty();
        assertThat(sample.currencies()).containsExactlyInAnyOrder(
                "USD", "GBP", "CHF", "JPY", "SEK", "PLN", "CZK", "DKK", "NOK", "HUF", "AUD", "CAD", "SGD");
        assertThat(sample.rates()).hasSize(sample.dates().size() * 13)
                .allSatisfy(rate -> assertThat(rate.getSource()).isEqualTo(FxRates.SAMPLE_SOURCE));
        Set<YearMonth> months = sample.dates().stream().map(YearMonth::from).collect(Collectors.toSet());
        assertThat(months).contains(YearMonth.of(2026, 1), YearMonth.of(2026, 2), YearMonth.of(2026, 6),
                YearMonth.of(2026, 7), YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10),
                YearMonth.of(2026, 11));
        assertThat(sample.dates()).allMatch(date -> date.getDayOfWeek().getValue() <= 5);
        List<FxRate> usd = sample.rates().stream().filter(r -> r.getCurrency().equals("USD")).toList();
        assertThat(usd).allSatisfy(r -> assertThat(r.getRate()).isBetween(new BigDecimal("0.9"), new BigDecimal("1.4")));
    }
}
