package io.ledgerstream.topology.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.AlertType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AlertIdsTest {

    @Test
    void shouldBeTheFirstSixteenHexDigitsOfTheSha256OfTypeUserAndTransactions() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest("DUPLICATE_CHARGE|alice|t-1|t-2".getBytes(StandardCharsets.UTF_8));

        assertThat(AlertIds.of(AlertType.DUPLICATE_CHARGE, "alice", "t-1", "t-2"))
                .isEqualTo(HexFormat.of().formatHex(hash).substring(0, 16));
    }

    @Test
    void shouldFormatMoneyExactlyWithGroupingAndTheMinorUnit() {
        assertThat(AlertFormat.money(new BigDecimal("2300.0000"), "EUR")).isEqualTo("2,300.00 EUR");
        assertThat(AlertFormat.money(new BigDecimal("1234567.8950"), "USD")).isEqualTo("1,234,567.90 USD");
        assertThat(AlertFormat.money(new BigDecimal("161230.0000"), "JPY")).isEqualTo("161,230 JPY");
    }
}
