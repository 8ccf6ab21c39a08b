package io.ledgerstream.connectors.notify;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.connectors.kafka.KafkaRecordPublisher;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.connectors.kafka.TopicReadiness;
import io.ledgerstream.schemas.avro.AlertDeliveryFailure;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running notifier: the users' settings followed from user.settings, the alerts consumed in a
 * consumer group (offsets committed after each batch is delivered), the delivery ledger in Redis
 * and the dead letters on alerts.dead-letters.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final Duration SETTINGS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

    private final UserSettingsCache settings;
    private final RedisDeliveryLedger ledger;
    private final RecordPublisher<String, AlertDeliveryFailure> deadLetters;
    private final AlertConsumer consumer;
    private final Thread worker;

    private Notifier(UserSettingsCache settings, RedisDeliveryLedger ledger,
                     RecordPublisher<String, AlertDeliveryFailure> deadLetters, AlertConsumer consumer) {
        this.settings = settings;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.consumer = consumer;
        this.worker = new Thread(consumer, "notifier");
    }

    /**
     * Reads the users' settings to the end first (an alert must not find its user's channels missing),
     * then starts consuming alerts.
     *
     * @param groupId the consumer group: instances sharing it share the alerts
     */
    public static Notifier start(LedgerstreamConfig config, TopicCatalog catalog, List<Channel> channels,
                                 AlertDelivery.Retries retries, String groupId) throws InterruptedException {
        TopicReadiness.ensure(config, catalog.alertDeadLetters(), SETTINGS_TIMEOUT);
        UserSettingsCache settings = new UserSettingsCache(config, catalog.userSettings());
        Thread.ofPlatform().name("notifier-settings").daemon().start(settings);
        if (!settings.awaitCaughtUp(SETTINGS_TIMEOUT)) {
            log.warn("user.settings not read to its end within {} s; going on with what is read", SETTINGS_TIMEOUT.toSeconds());
        }
        RedisDeliveryLedger ledger = new RedisDeliveryLedger(config.redisUrl(), "ledgerstream:" + config.applicationId()
                + ":notify", REDIS_TIMEOUT);
        RecordPublisher<String, AlertDeliveryFailure> deadLetters =
                KafkaRecordPublisher.open(config, catalog.alertDeadLetters(), "ledgerstream-notifier-dead-letters");
        AlertDelivery delivery = new AlertDelivery(settings::of, channels, ledger, failure -> {
            deadLetters.publish(failure.getAlert().getUserId(), failure);
            deadLetters.flush();
        }, retries, Clock.systemUTC());
        LogNotifier logged = new LogNotifier();
        AlertConsumer consumer = new AlertConsumer(config, catalog.alerts(), groupId, alert -> {
            logged.deliver(alert);
            delivery.deliver(alert);
        });
        Notifier notifier = new Notifier(settings, ledger, deadLetters, consumer);
        notifier.worker.start();
        log.info("notifier up: channels {}, consumer group {}", channels.stream().map(Channel::name).toList(), groupId);
        return notifier;
    }

    /** Waits until the notifier stops: closed, or failed. */
    public void await() throws InterruptedException {
        worker.join();
    }

    /** Whether it still consumes alerts. */
    public boolean running() {
        return worker.isAlive();
    }

    @Override
    public void close() {
        consumer.close();
        try {
            worker.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settings.close();
        deadLetters.close();
        ledger.close();
    }
}
