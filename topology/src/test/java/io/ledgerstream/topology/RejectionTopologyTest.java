package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.avro.RejectedRecord;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dead letters: each kind of bad record lands on transactions.rejected with its reason, and the stream goes on. */
class RejectionTopologyTest {

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    @Test
    void shouldDeadLetterUndeserializableBytesWithTheOriginalsAndGoOn() {
        byte[] garbage = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
        Instant sentAt = Instant.parse("2026-03-10T09:30:00Z");

        harness.rawBytes.pipeInput(new TestRecord<>("alice", garbage, sentAt));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-12.34"));

        RejectedRecord dead = harness.rejected.readValue();
        assertThat(dead.getReason()).isEqualTo("UNDESERIALIZABLE");
        assertThat(dead.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
        assertThat(dead.getKey()).isEqualTo(ByteBuffer.wrap("alice".getBytes(StandardCharsets.UTF_8)));
        assertThat(dead.getTopic()).isEqualTo("transactions.raw");
        assertThat(dead.getPartition()).isZero();
        assertThat(dead.getOffset()).isZero();
        assertThat(dead.getRejectedAt()).isEqualTo(sentAt);
        assertThat(harness.enriched.readValuesToList()).extracting(EnrichedTransaction::getTransactionId).containsExactly("t-1");
    }

    @Test
    void shouldSkipAPoisonRecordOnASideInputAndGoOn() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        harness.driver.createInputTopic(harness.catalog.userSettings().name(),
                Serdes.String().serializer(),
                Serdes.ByteArray().serializer()).pipeInput("alice", garbage);
        harness.driver.createInputTopic(harness.catalog.corrections().name(),
                Serdes.String().serializer(),
                Serdes.ByteArray().serializer()).pipeInput("alice", garbage);

        harness.send(transaction("alice", "t-1", "2026-03-04", "-12.34"));

        assertThat(harness.enriched.readValuesToList()).extracting(EnrichedTransaction::getTransactionId)
                .containsExactly("t-1");
    }

    @Test
    void shouldDeadLetterARecordWithoutValue() {
        harness.rawBytes.pipeInput("alice", null);

        assertThat(harness.rejected.readValue().getReason()).isEqualTo("UNDESERIALIZABLE");
    }

    @Test
    void shouldRejectRowWithUnparseableAmount() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "12,34"));

        RejectedRecord dead = harness.rejected.readValue();
        assertThat(dead.getReason()).isEqualTo("BAD_AMOUNT");
        assertThat(dead.getField()).isEqualTo("amount");
        assertThat(dead.getDetail()).contains("amount", "'12,34'");
        assertThat(harness.enriched.isEmpty()).isTrue();
        assertThat(harness.storeEntries(StoreNames.TRANSACTION_VERSIONS)).isEmpty();
    }

    @Test
    void shouldKeepTheOriginalBytesOfARejectedTransaction() {
        RawTransaction bad = transaction("alice", "t-1", "2026-03-04", "-1.5").setCurrency("EURO").build();
        byte[] sent = harness.catalog.raw().valueSerde().serializer().serialize(harness.catalog.raw().name(), bad);

        harness.rawBytes.pipeInput("alice", sent);

        assertThat(harness.rejected.readValue().getValue()).isEqualTo(ByteBuffer.wrap(sent));
    }

    static Stream<Arguments> badRows() {
        return Stream.of(
                bad("blank transactionId", "MISSING_FIELD", "transactionId", "' '", row -> row.setTransactionId(" ")),
                bad("userId containing the key separator", "BAD_USER_ID", "userId", "'al|ice'",
                        row -> row.setUserId("al|ice")),
                bad("impossible date", "BAD_DATE", "bookedAt", "'2026-02-30'", row -> row.setBookedAt("2026-02-30")),
                bad("non-ISO date", "BAD_DATE", "bookedAt", "'04.03.2026'", row -> row.setBookedAt("04.03.2026")),
                bad("amount in exponent notation", "BAD_AMOUNT", "amount", "'1E+3'", row -> row.setAmount("1E+3")),
                bad("amount with five decimals", "BAD_AMOUNT", "amount", "'-1.23456'", row -> row.setAmount("-1.23456")),
                bad("amount with seventeen integer digits", "BAD_AMOUNT", "amount", "'12345678901234567'",
                        row -> row.setAmount("12345678901234567")),
                bad("currency that is no ISO code", "UNKNOWN_CURRENCY", "currency", "'EURO'", row -> row.setCurrency("EURO")),
                bad("currency in lower case", "UNKNOWN_CURRENCY", "currency", "'eur'", row -> row.setCurrency("eur")),
                bad("three letters that are no currency", "UNKNOWN_CURRENCY", "currency", "'XYZ'", row -> row.setCurrency("XYZ")),
                bad("mcc of three digits", "BAD_MCC", "mcc", "'541'", row -> row.setMcc("541")));
    }

    private static Arguments bad(String what, String reason, String field, String shownValue,
                                 UnaryOperator<RawTransaction.Builder> breakIt) {
        return Arguments.of(what, reason, field, shownValue, breakIt);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("badRows")
    void shouldRejectEachKindOfBadRowWithItsReasonAndGoOn(String what, String reason, String field, String shownValue,
                                                         UnaryOperator<RawTransaction.Builder> breakIt) {
        RawTransaction bad = breakIt.apply(transaction("alice", "t-1", "2026-03-04", "-12.34")).build();

        harness.raw.pipeInput(bad.getUserId(), bad);
        harness.send(transaction("alice", "t-2", "2026-03-04", "-1.00"));

        RejectedRecord dead = harness.rejected.readValue();
        assertThat(dead.getReason()).isEqualTo(reason);
        assertThat(dead.getField()).isEqualTo(field);
        assertThat(dead.getDetail()).contains(field, shownValue);
        assertThat(harness.rejected.isEmpty()).isTrue();
        assertThat(harness.enriched.readValuesToList()).extracting(EnrichedTransaction::getTransactionId).containsExactly("t-2");
    }

    @Test
    void shouldRejectARecordWhoseKeyIsNotItsUserId() {
        harness.raw.pipeInput("bob", transaction("alice", "t-1", "2026-03-04", "-1.00").build());
        harness.raw.pipeInput((String) null, transaction("alice", "t-2", "2026-03-04", "-1.00").build());

        assertThat(harness.rejected.readValuesToList()).allSatisfy(dead -> {
            assertThat(dead.getReason()).isEqualTo("KEY_MISMATCH");
            assertThat(dead.getDetail()).contains("'alice'");
        }).hasSize(2);
        assertThat(harness.rejected.isEmpty()).isTrue();
    }

    @Test
    void shouldRejectAForeignAmountWithoutRateAndProcessItWhenResentAfterTheRateArrives() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-100.00").setCurrency("USD"));

        RejectedRecord dead = harness.rejected.readValue();
        assertThat(dead.getReason()).isEqualTo("NO_FX_RATE");
        assertThat(dead.getDetail()).contains("USD", "2026-03-04");
        assertThat(dead.getValue()).isNotNull();
        assertThat(harness.storeEntries(StoreNames.TRANSACTION_VERSIONS)).as("nothing stored").isEmpty();

        harness.publishRate("USD", "2026-03-04", "1.25");
        harness.send(transaction("alice", "t-1", "2026-03-04", "-100.00").setCurrency("USD"));

        assertThat(harness.enriched.readValue().getBaseAmount()).isEqualByComparingTo("-80.00");
    }

    @Test
    void shouldAcceptZeroAmountsAndAmountsWithTrailingZeros() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "0"));
        harness.send(transaction("alice", "t-2", "2026-03-04", "+5.120000"));

        assertThat(harness.rejected.isEmpty()).isTrue();
        assertThat(harness.enriched.readValuesToList()).extracting(EnrichedTransaction::getAmount)
                .containsExactly(new BigDecimal("0.0000"), new BigDecimal("5.1200"));
    }
}
