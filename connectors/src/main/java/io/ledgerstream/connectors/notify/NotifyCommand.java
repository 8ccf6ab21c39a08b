package io.ledgerstream.connectors.notify;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/**
 * {@code notify}: delivers alerts until stopped (Ctrl-C): each to the log, and to the channels each
 * user set up (a webhook, e-mail) through {@link AlertDelivery}, de-duplicated in Redis, failures to
 * the alerts.dead-letters topic. Webhooks need LEDGERSTREAM_WEBHOOK_SECRET (the signing key), e-mail
 * LEDGERSTREAM_SMTP_URL; without them that channel is off, and the command says so.
 */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = "Deliver alerts to the log and to each user's webhook and e-mail, once, until stopped.")
public final class NotifyCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(NotifyCommand.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final LedgerstreamConfig config;

    public NotifyCommand(LedgerstreamConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws InterruptedException {
        TopicCatalog catalog = TopicCatalog.create(config.topicPrefix(), config.partitions(),
                new AvroSerdes(new HttpSchemaRegistryClient(config.schemaRegistryUrl())));
        Notifier notifier = Notifier.start(config, catalog, channels(config), AlertDelivery.Retries.DEFAULT,
                config.applicationId() + "-notifier");
        Runtime.getRuntime().addShutdownHook(new Thread(notifier::close, "notifier-stop"));
        notifier.await();
        return 0;
    }

    /** The channels the configuration allows: a webhook with a signing key, e-mail with a mail server. */
    static List<Channel> channels(LedgerstreamConfig config) {
        List<Channel> channels = new ArrayList<>();
        config.webhookSecret().ifPresentOrElse(key -> channels.add(new WebhookChannel(key, TIMEOUT)),
                () -> log.info("webhooks off: LEDGERSTREAM_WEBHOOK_SECRET (their signing key) is not set"));
        config.smtpUrl().ifPresentOrElse(url -> channels.add(new EmailChannel(url, config.smtpFrom(), TIMEOUT)),
                () -> log.info("e-mail off: LEDGERSTREAM_SMTP_URL is not set"));
        return channels;
    }
}
