package io.ledgerstream.connectors.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertDeliveryFailure;
import io.ledgerstream.schemas.avro.NotificationSettings;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.schemas.avro.UserSettings;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Delivery to a real HTTP receiver and a real SMTP server, de-duplicated in the real Redis of this machine. */
class AlertDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final AlertDelivery.Retries FAST = new AlertDelivery.Retries(4, Duration.ofMillis(20));
    /** 12:00 UTC, 13:00 in Berlin. */
    private static final Clock NOON = Clock.fixed(Instant.parse("2026-03-04T12:00:00Z"), ZoneOffset.UTC);

    private final WebhookReceiver receiver = new WebhookReceiver();
    private static final String REDIS = "redis://127.0.0.1:6379";

    private final String prefix = "ledgerstream-test:" + UUID.randomUUID();
    private final RedisDeliveryLedger ledger = new RedisDeliveryLedger(REDIS, prefix, Duration.ofSeconds(2));
    private final List<AlertDeliveryFailure> deadLetters = new ArrayList<>();

    @AfterEach
    void stop() {
        receiver.close();
        ledger.close();
    }

    private List<Channel> channels() {
        return List.of(new WebhookChannel("key", Duration.ofSeconds(2)),
                new EmailChannel("smtp://127.0.0.1:" + MAIL.getSmtp().getPort(), "alerts@ledgerstream.test", Duration.ofSeconds(5)));
    }

    private UserSettings user(String userId, Severity least, Integer quietFrom, Integer quietTo) {
        return UserSettings.newBuilder().setUserId(userId).setTimeZone("Europe/Berlin").setUpdatedAt(Instant.EPOCH)
                .setNotifications(NotificationSettings.newBuilder()
                        .setWebhookUrl(receiver.url("/hooks/" + userId))
                        .setEmail(userId + "@example.com")
                        .setMinSeverity(least)
                        .setQuietHoursFrom(quietFrom)
                        .setQuietHoursTo(quietTo)
                        .build())
                .build();
    }

    private AlertDelivery delivery(DeliveryLedger ledger, Clock clock, UserSettings... users) {
        Map<String, UserSettings> byId = new HashMap<>();
        for (UserSettings user : users) {
            byId.put(user.getUserId(), user);
        }
        return new AlertDelivery(id -> Optional.ofNullable(byId.get(id)), channels(), ledger, deadLetters::add, FAST, clock);
    }

    @Test
    void shouldDeliverEachAlertOncePerChannelEvenWhenReadAgain() throws Exception {
        AlertDelivery delivery = delivery(ledger, NOON, user("alice", Severity.INFO, null, null));
        Alert alert = Alerts.alert("alice", "a-" + UUID.randomUUID(), "412.5");

        delivery.deliver(alert);
        delivery.deliver(alert);
        try (RedisDeliveryLedger another = new RedisDeliveryLedger(REDIS, prefix, Duration.ofSeconds(2))) {
            // another notifier instance, with its own connection to the shared ledger
            delivery(another, NOON, user("alice", Severity.INFO, null, null)).deliver(alert);
        }

        assertThat(receiver.calls).hasSize(1);
        assertThat(receiver.calls.getFirst().header("X-Ledgerstream-Alert-Id")).isEqualTo(alert.getAlertId());
        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
        assertThat(mails[0].getSubject()).isEqualTo("Ledgerstream WARNING: " + alert.getMessage());
        assertThat(mails[0].getHeader("X-Ledgerstream-Alert-Id")[0]).isEqualTo(alert.getAlertId());
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void shouldSkipAlertsBelowTheUsersLeastSeverityAndAllButCriticalInQuietHours() {
        // quiet from 12:00 to 14:00 Berlin time: it is 13:00 there
        AlertDelivery delivery = delivery(ledger, NOON, user("bob", Severity.WARNING, null, null),
                user("carol", Severity.INFO, 12, 14), user("dave", Severity.INFO, 22, 7));

        delivery.deliver(Alerts.alert("bob", "b-info-" + UUID.randomUUID(), "10", Severity.INFO));
        delivery.deliver(Alerts.alert("carol", "c-warning-" + UUID.randomUUID(), "10", Severity.WARNING));
        delivery.deliver(Alerts.alert("carol", "c-critical-" + UUID.randomUUID(), "10", Severity.CRITICAL));
        delivery.deliver(Alerts.alert("dave", "d-warning-" + UUID.randomUUID(), "10", Severity.WARNING));

        assertThat(receiver.calls).extracting(WebhookReceiver.Call::path).containsExactly("/hooks/carol", "/hooks/dave");
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
    }

    @Test
    void shouldTryAgainAfterFailuresThatMayPassAndDeliverOnce() {
        receiver.answerInTurn(503, 500);
        AlertDelivery delivery = delivery(ledger, NOON, user("erin", Severity.INFO, null, null));

        delivery.deliver(Alerts.alert("erin", "e-" + UUID.randomUUID(), "10"));

        assertThat(receiver.answered).hasValue(3);
        assertThat(receiver.calls).hasSize(1);
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void shouldSendToTheDeadLettersWhenTheAttemptsAreSpentOrTheFailureCannotPass() {
        AlertDelivery delivery = delivery(ledger, NOON, user("frank", Severity.INFO, null, null));
        receiver.answer(503);
        Alert spent = Alerts.alert("frank", "f-1-" + UUID.randomUUID(), "10");
        delivery.deliver(spent);
        int afterSpent = receiver.answered.get();
        receiver.answer(404);
        Alert refused = Alerts.alert("frank", "f-2-" + UUID.randomUUID(), "10");
        delivery.deliver(refused);
        delivery.deliver(refused); // read again: not tried again

        assertThat(afterSpent).isEqualTo(FAST.attempts());
        assertThat(receiver.answered.get() - afterSpent).isEqualTo(1);
        assertThat(deadLetters).extracting(AlertDeliveryFailure::getAlert).containsExactly(spent, refused);
        assertThat(deadLetters).extracting(AlertDeliveryFailure::getChannel).containsOnly("webhook");
        assertThat(deadLetters).extracting(AlertDeliveryFailure::getAttempts).containsExactly(4, 1);
        assertThat(deadLetters.get(1).getReason()).isEqualTo("the webhook answered HTTP 404");
        assertThat(MAIL.getReceivedMessages()).as("e-mail is another channel, and went through").hasSize(2);
    }

    @Test
    void shouldStillDeliverWithoutRedisPreferringADuplicateToALoss() {
        try (RedisDeliveryLedger nowhere = new RedisDeliveryLedger("redis://127.0.0.1:1", "x", Duration.ofMillis(300))) {
            AlertDelivery delivery = delivery(nowhere, NOON, user("gina", Severity.INFO, null, null));
            Alert alert = Alerts.alert("gina", "g-" + UUID.randomUUID(), "10");

            delivery.deliver(alert);
            delivery.deliver(alert);

            assertThat(receiver.calls).hasSize(2);
            assertThat(MAIL.getReceivedMessages()).hasSize(2);
        }
    }
}
