package io.ledgerstream.topology.version;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.RawTransaction;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    private static RawTransaction.Builder raw() {
        return RawTransaction.newBuilder().setTransactionId("t-1").setUserId("alice").setAccountId("acc")
                .setBookedAt("2026-03-04").setAmount("-12.30").setCurrency("EUR").setDescription("CARD")
                .setMerchant(null).setMcc(null).setRemoved(false).setSource("file-a.csv");
    }

    @Test
    void shouldIgnoreTheSourceAndTrailingZerosOfTheAmount() {
        assertThat(ContentHash.of(raw().build()))
                .isEqualTo(ContentHash.of(raw().setSource("mock feed").setAmount("-12.3").build()))
                .hasSize(64);
    }

    @Test
    void shouldChangeWithEveryContentField() {
        String original = ContentHash.of(raw().build());

        assertThat(ContentHash.of(raw().setAmount("-12.31").build())).isNotEqualTo(original);
        assertThat(ContentHash.of(raw().setRemoved(true).build())).isNotEqualTo(original);
        assertThat(ContentHash.of(raw().setMerchant("").build())).as("empty is not null").isNotEqualTo(original);
        assertThat(ContentHash.of(raw().setDescription("CAR").setMerchant("D").build()))
                .as("fields do not run into each other")
                .isNotEqualTo(ContentHash.of(raw().setDescription("CARD").setMerchant("").build()));
        assertThat(ContentHash.of(raw().setAccountId(null).build())).isNotEqualTo(original);
        assertThat(ContentHash.of(raw().setMcc("5411").build())).isNotEqualTo(original);
    }
}
