package io.ledgerstream.connectors.kafka;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.Topic;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.time.Duration;

/**
 * {@link Publishers} to the configured Kafka cluster and schema registry. Nothing connects until a
 * publisher is opened; opening one first makes sure its topic exists and is ready.
 */
public final class KafkaPublishers implements Publishers {

    /** How long opening a publisher waits for the broker before giving up with a clear message. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final LedgerstreamConfig config;
    private final TopicCatalog catalog;

    public KafkaPublishers(LedgerstreamConfig config) {
        this(config, TopicCatalog.create(config.topicPrefix(), config.partitions(),
                new AvroSerdes(new HttpSchemaRegistryClient(config.schemaRegistryUrl()))));
    }

    public KafkaPublishers(LedgerstreamConfig config, TopicCatalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    @Override
    public RecordPublisher<String, RawTransaction> rawTransactions() {
        return open(catalog.raw(), "ledgerstream-connectors-raw");
    }

    @Override
    public TransactionalPublisher<String, RawTransaction> rawTransactionsInOneTransaction(String transactionalId) {
        TopicReadiness.ensure(config, catalog.raw(), READY_TIMEOUT);
        return KafkaTransactionalPublisher.open(config, catalog.raw(), "ledgerstream-import", transactionalId);
    }

    @Override
    public RecordPublisher<String, FxRate> fxRates() {
        return open(catalog.fxRates(), "ledgerstream-connectors-fx");
    }

    private <K, V> RecordPublisher<K, V> open(Topic<K, V> topic, String clientId) {
        TopicReadiness.ensure(config, topic, READY_TIMEOUT);
        return KafkaRecordPublisher.open(config, topic, clientId);
    }

    @Override
    public String describe() {
        return "Kafka at " + config.bootstrapServers() + " (registry " + config.schemaRegistryUrl() + ")";
    }
}
