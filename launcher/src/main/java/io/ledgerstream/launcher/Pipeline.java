package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.connectors.fx.EcbParseResult;
import io.ledgerstream.connectors.fx.FxRates;
import io.ledgerstream.connectors.kafka.KafkaPublishers;
import io.ledgerstream.connectors.kafka.RecordPublisher;
import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.Topic;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.schemas.topics.TopicProvisioner;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/** The topics of a configuration, created up front, and the sample reference rates. */
record Pipeline(LedgerstreamConfig config, TopicCatalog catalog) {

    private static final Duration TOPICS_READY_TIMEOUT = Duration.ofSeconds(60);

    /** Creates every topic of the catalog that is missing and waits until all their partitions answer. */
    static Pipeline provision(LedgerstreamConfig config) {
        TopicCatalog catalog = TopicCatalog.create(config.topicPrefix(), config.partitions(),
                new AvroSerdes(new HttpSchemaRegistryClient(config.schemaRegistryUrl())));
        try (Admin admin = Admin.create(config.adminProperties())) {
            TopicProvisioner.ensureTopics(admin, catalog.all().stream().map(Topic::newTopic).toList(),
                    TOPICS_READY_TIMEOUT);
        }
        return new Pipeline(config, catalog);
    }

    /** Publishes the bundled sample rates (hand-made, in the ECB's format) to fx.rates. */
    long publishSampleRates() {
        EcbParseResult sample = FxRates.loadSample();
        try (RecordPublisher<String, FxRate> publisher = new KafkaPublishers(config, catalog).fxRates()) {
            return FxRates.publish(sample.rates(), publisher);
        }
    }
}
