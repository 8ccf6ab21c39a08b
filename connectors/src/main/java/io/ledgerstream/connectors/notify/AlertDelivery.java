package io.ledgerstream.connectors.notify;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertDeliveryFailure;
import io.ledgerstream.schemas.avro.NotificationSettings;
import io.ledgerstream.schemas.avro.Severity;
import io.ledgerstream.schemas.avro.UserSettings;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers each alert on every channel the user set up ({@code UserSettings.notifications}), once:
 * <ul>
 *   <li>an alert less severe than the user's least severity is not sent, nor one other than CRITICAL
 *       during the user's quiet hours (in the user's time zone); it stays in the API either way;
 *   <li>an alert the {@link DeliveryLedger} has for the channel is not sent again;
 *   <li>a failed attempt that may pass later is tried again after a pause that doubles each time;
 *       when the attempts are spent, or at once for a failure that cannot pass, the alert goes to the
 *       dead letters with the reason, and the ledger has it, so it is not tried again on a re-read.
 * </ul>
 */
public final class AlertDelivery implements AlertListener {

    /** Attempts per alert and channel, and the pause after the first failed one. */
    public record Retries(int attempts, Duration firstPause) {

        public static final Retries DEFAULT = new Retries(4, Duration.ofMillis(500));
    }

    static final String DELIVERED = "delivered";
    static final String DEAD_LETTER = "dead-letter";
    private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);

    private final Function<String, Optional<UserSettings>> settings;
    private final List<Channel> channels;
    private final DeliveryLedger ledger;
    private final Consumer<AlertDeliveryFailure> deadLetters;
    private final Retries retries;
    private final Clock clock;

    /**
     * @param settings    each user's settings
     * @param deadLetters takes an alert that could not be delivered; throws if it cannot keep it, so
     *                    that the alert is read again rather than lost
     */
    public AlertDelivery(Function<String, Optional<UserSettings>> settings, List<Channel> channels,
                         DeliveryLedger ledger, Consumer<AlertDeliveryFailure> deadLetters, Retries retries, Clock clock) {
        this.settings = settings;
        this.channels = List.copyOf(channels);
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.retries = retries;
        this.clock = clock;
    }

    @Override
    public void deliver(Alert alert) {
        Optional<UserSettings> user = settings.apply(alert.getUserId());
        NotificationSettings wanted = user.map(UserSettings::getNotifications).orElse(null);
        if (wanted == null || alert.getSeverity().ordinal() < wanted.getMinSeverity().ordinal()
                || alert.getSeverity() != Severity.CRITICAL && quiet(wanted, user.get().getTimeZone())) {
            return;
        }
        for (Channel channel : channels) {
            Optional<String> address = channel.address(wanted);
            if (address.isPresent() && !ledger.done(channel.name(), alert.getAlertId())) {
                deliver(alert, channel, address.get());
            }
        }
    }

    private void deliver(Alert alert, Channel channel, String address) {
        DeliveryException last = null;
        int attempt = 0;
        while (attempt < retries.attempts()) {
            attempt++;
            try {
                channel.send(alert, address);
                ledger.record(channel.name(), alert.getAlertId(), DELIVERED);
                return;
            } catch (DeliveryException e) {
                last = e;
                if (!e.retryable() || attempt == retries.attempts()) {
                    break;
                }
                pause(retries.firstPause().multipliedBy(1L << (attempt - 1)));
            }
        }
        log.warn("alert {} of {}: {} delivery failed after {} attempt(s): {}; to the dead letters",
                alert.getAlertId(), alert.getUserId(), channel.name(), attempt, last.getMessage());
        deadLetters.accept(new AlertDeliveryFailure(alert, channel.name(), attempt, last.getMessage(), clock.instant()));
        ledger.record(channel.name(), alert.getAlertId(), DEAD_LETTER);
    }

    /** Whether it is the user's quiet hours now: from the first hour up to the second, across midnight if need be. */
    private boolean quiet(NotificationSettings wanted, String timeZone) {
        Integer from = wanted.getQuietHoursFrom();
        Integer to = wanted.getQuietHoursTo();
        if (from == null || to == null || from.equals(to)) {
            return false;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            zone = ZoneId.of("UTC");
        }
        int hour = ZonedDateTime.now(clock.withZone(zone)).getHour();
        return from < to ? hour >= from && hour < to : hour >= from || hour < to;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
