package io.ledgerstream.connectors.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.importer.CsvMapping;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The third-party CSV samples in tests: where they are, and what every parse of one must hold. */
final class CsvSamples {

    private CsvSamples() {
    }

    static Path sample(String name) throws URISyntaxException {
        return Path.of(CsvSamples.class.getResource("/bank-samples/csv/" + name).toURI());
    }

    /** Alice's account acc-1, with this {@code --currency} ({@code null} for none). */
    static ImportOptions in(String currency) {
        return new ImportOptions("alice", "acc-1", currency);
    }

    /** As {@link #in(String)}, with {@code --profile} ({@code null} for none) and {@code --csv} settings. */
    static ImportOptions in(String currency, String profile, Map<String, String> settings) {
        return in(currency).withCsv(new CsvMapping(profile, settings));
    }

    static BigDecimal sum(List<RawTransaction> transactions) {
        return transactions.stream().map(t -> new BigDecimal(t.getAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static void assertRow(RawTransaction t, String bookedAt, String amount, String currency, String description) {
        assertThat(t.getBookedAt()).isEqualTo(bookedAt);
        assertThat(t.getAmount()).isEqualTo(amount);
        assertThat(t.getCurrency()).isEqualTo(currency);
        assertThat(t.getDescription()).isEqualTo(description);
    }

    static void assertRow(RawTransaction t, String bookedAt, String amount, String currency, String description,
                          String merchant) {
        assertRow(t, bookedAt, amount, currency, description);
        assertThat(t.getMerchant()).isEqualTo(merchant);
    }

    /** Parses a sample, checking it has no problem rows and that every transaction is Alice's, from this file. */
    static ParseResult parse(String name, ImportOptions options) throws IOException, URISyntaxException {
        ParseResult result = new CsvStatementParser().parse(sample(name), options);
        assertThat(result.problems()).isEmpty();
        result.transactions().forEach(t -> {
            assertThat(t.getUserId()).isEqualTo("alice");
            assertThat(t.getAccountId()).isEqualTo("acc-1");
            assertThat(t.getSource()).isEqualTo("import:" + name);
            assertThat(t.getMcc()).isNull();
            assertThat(t.getRemoved()).isFalse();
        });
        return result;
    }

    /** As {@link #parse}, checking also that no row was left out. */
    static List<RawTransaction> parseClean(String name, ImportOptions options) throws IOException, URISyntaxException {
        ParseResult result = parse(name, options);
        assertThat(result.skipped()).isEmpty();
        return result.transactions();
    }
}
