package io.ledgerstream.topology;

import static io.ledgerstream.topology.TopologyHarness.transaction;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertType;
import io.ledgerstream.schemas.avro.UserSettings;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Large-payment and duplicate-charge alerts on the alerts topic and in the alerts-by-user store. */
class AlertTopologyTest {

    @RegisterExtension
    final TopologyHarness harness = new TopologyHarness();

    private static String expectedId(String content) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash).substring(0, 16);
    }

    @Test
    void shouldAlertOnAPaymentAtOrAboveTheDefaultThreshold() throws Exception {
        Instant sentAt = Instant.parse("2026-03-10T12:00:00Z");
        harness.raw.pipeInput(new TestRecord<>("alice", transaction("alice", "t-1", "2026-03-04", "-2300.00")
                .setMerchant("Apple Store").build(), sentAt));
        harness.send(transaction("alice", "t-2", "2026-03-04", "-1499.99"));
        harness.send(transaction("alice", "t-3", "2026-03-04", "-1500.00").setMerchant("Ikea"));
        harness.send(transaction("alice", "t-4", "2026-03-04", "3000.00").setDescription("SALARY"));

        Alert alert = harness.alerts.readValue();
        assertThat(alert.getType()).isEqualTo(AlertType.LARGE_TRANSACTION);
        assertThat(alert.getAlertId()).isEqualTo(expectedId("LARGE_TRANSACTION|alice|t-1"));
        assertThat(alert.getMessage()).isEqualTo("Large payment of 2,300.00 EUR to Apple Store");
        assertThat(alert.getAmount()).isEqualByComparingTo("2300.00");
        assertThat(alert.getCurrency()).isEqualTo("EUR");
        assertThat(alert.getTransactionId()).isEqualTo("t-1");
        assertThat(alert.getBookedAt()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(alert.getCreatedAt()).isEqualTo(sentAt);
        assertThat(harness.alerts.readValue().getTransactionId()).isEqualTo("t-3");
        assertThat(harness.alerts.isEmpty()).isTrue();
        assertThat(harness.<Alert>storeValue(StoreNames.ALERTS, "alice|" + alert.getAlertId())).isEqualTo(alert);
    }

    @Test
    void shouldUseTheUsersOwnThreshold() {
        harness.settings.pipeInput("alice", new UserSettings("alice", "EUR", "UTC", new BigDecimal("500.0000"), Map.of(), null,
                Instant.parse("2026-03-01T00:00:00Z")));

        harness.send(transaction("alice", "t-1", "2026-03-04", "-600.00").setMerchant("Bike Shop"));
        harness.send(transaction("bob", "t-1", "2026-03-04", "-600.00").setUserId("bob").setMerchant("Bike Shop"));

        assertThat(harness.alerts.readValuesToList()).extracting(Alert::getUserId).containsExactly("alice");
    }

    @Test
    void shouldNotAlertTwiceWhenTheSamePaymentComesBack() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-2300.00").setMerchant("Apple Store"));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-2300.00").setMerchant("Apple Store"));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-2300.00").setMerchant("Apple Store").setRemoved(true));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-2300.00").setMerchant("Apple Store"));

        assertThat(harness.alerts.readValuesToList()).hasSize(1);
        assertThat(harness.storeEntries(StoreNames.ALERTS)).hasSize(1);
    }

    @Test
    void shouldNotAlertOnALaterVersionOfAPayment() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-100.00").setMerchant("Hotel Adlon"));
        harness.send(transaction("alice", "t-1", "2026-03-05", "-1900.00").setMerchant("Hotel Adlon"));

        assertThat(harness.alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldAlertOnTheSameChargeFromTheSameMerchantWithinADay() throws Exception {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-25.00").setDescription("PAYPAL *NETFLIX"));
        harness.send(transaction("alice", "t-2", "2026-03-05", "-25.00").setDescription("PAYPAL *NETFLIX 0305"));
        harness.send(transaction("alice", "t-3", "2026-03-08", "-25.00").setDescription("PAYPAL *NETFLIX"));
        harness.send(transaction("alice", "t-4", "2026-03-08", "-25.01").setDescription("PAYPAL *NETFLIX"));
        harness.send(transaction("alice", "t-5", "2026-03-08", "-19.99").setMerchant("Cafe"));
        harness.send(transaction("alice", "t-6", "2026-03-08", "-19.99").setMerchant("Cafe"));

        Alert duplicate = harness.alerts.readValue();
        assertThat(duplicate.getType()).isEqualTo(AlertType.DUPLICATE_CHARGE);
        assertThat(duplicate.getAlertId()).isEqualTo(expectedId("DUPLICATE_CHARGE|alice|t-1|t-2"));
        assertThat(duplicate.getTransactionId()).isEqualTo("t-2");
        assertThat(duplicate.getMessage()).contains("25.00 EUR", "Netflix", "t-1");
        assertThat(harness.alerts.isEmpty()).as("t-3 is three days later, t-4 another amount, t-5/t-6 below 20").isTrue();
    }

    @Test
    void shouldNotTakeAWithdrawnChargeForTheOriginalOfADuplicate() {
        harness.send(transaction("alice", "t-1", "2026-03-04", "-25.00").setMerchant("Netflix"));
        harness.send(transaction("alice", "t-1", "2026-03-04", "-25.00").setMerchant("Netflix").setRemoved(true));
        harness.send(transaction("alice", "t-2", "2026-03-04", "-25.00").setMerchant("Netflix"));

        assertThat(harness.alerts.isEmpty()).isTrue();
    }
}
