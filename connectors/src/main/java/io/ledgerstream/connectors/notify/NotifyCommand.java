package io.ledgerstream.connectors.notify;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code notify}: delivers alerts to the log until stopped (Ctrl-C). */
@Command(name = "notify", mixinStandardHelpOptions = true, description = "Deliver alerts (to the log) until stopped.")
public final class NotifyCommand implements Callable<Integer> {

    private final LedgerstreamConfig config;

    public NotifyCommand(LedgerstreamConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws InterruptedException {
        TopicCatalog catalog = TopicCatalog.create(config.topicPrefix(), config.partitions(),
                new AvroSerdes(new HttpSchemaRegistryClient(config.schemaRegistryUrl())));
        AlertConsumer consumer = new AlertConsumer(config, catalog.alerts(), config.applicationId() + "-notifier-log",
                new LogNotifier());
        Thread worker = new Thread(consumer, "notifier");
        Runtime.getRuntime().addShutdownHook(new Thread(consumer::close, "notifier-stop"));
        worker.start();
        worker.join();
        return 0;
    }
}
