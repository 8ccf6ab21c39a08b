package io.ledgerstream.launcher;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AnomalyModelRelease;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.schemas.registry.InMemorySchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.topology.LedgerstreamTopology;
import io.ledgerstream.topology.StreamsSettings;
import io.ledgerstream.topology.TopologySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A generated population through the topology in process ({@link TopologyTestDriver}: the same
 * topology and processors as a running instance, without a broker), each transaction at noon of its
 * booking date: what {@code bench alerts} scores and what the isolation forest is trained on.
 *
 * @param alerts   every alert raised, in order
 * @param enriched every transaction as the topology enriched and categorized it, in order
 */
record PopulationRun(List<Alert> alerts, List<EnrichedTransaction> enriched) {

    /** @param anomalyModel released on anomaly.models before the first transaction, if given */
    static PopulationRun of(AlertPopulation population, Optional<AnomalyModelRelease> anomalyModel) {
        Path state;
        try {
            state = Files.createTempDirectory("ledgerstream-population");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TopicCatalog catalog = TopicCatalog.create("", TopicCatalog.DEFAULT_PARTITIONS,
                new AvroSerdes(new InMemorySchemaRegistryClient()));
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of("LEDGERSTREAM_STATE_DIR", state.toString(),
                "LEDGERSTREAM_APPLICATION_ID", "ledgerstream-population"));
        try (TopologyTestDriver driver = new TopologyTestDriver(
                LedgerstreamTopology.build(catalog, TopologySettings.defaults()), StreamsSettings.properties(config))) {
            anomalyModel.ifPresent(release -> driver.createInputTopic(catalog.anomalyModels().name(),
                            Serdes.String().serializer(), catalog.anomalyModels().valueSerde().serializer())
                    .pipeInput(TopicCatalog.ANOMALY_MODEL_KEY, release));
            TestInputTopic<String, UserSettings> settings = driver.createInputTopic(
                    catalog.userSettings().name(), Serdes.String().serializer(), catalog.userSettings().valueSerde().serializer());
            TestInputTopic<String, RawTransaction> raw = driver.createInputTopic(catalog.raw().name(),
                    Serdes.String().serializer(), catalog.raw().valueSerde().serializer());
            TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(catalog.alerts().name(),
                    Serdes.String().deserializer(), catalog.alerts().valueSerde().deserializer());
            TestOutputTopic<String, EnrichedTransaction> enriched = driver.createOutputTopic(catalog.enriched().name(),
                    Serdes.String().deserializer(), catalog.enriched().valueSerde().deserializer());
            population.settings.forEach(settings::pipeInput);
            PopulationRun run = new PopulationRun(new ArrayList<>(), new ArrayList<>());
            for (RawTransaction transaction : population.transactions) {
                raw.pipeInput(transaction.getUserId(), transaction,
                        LocalDate.parse(transaction.getBookedAt()).atTime(12, 0).toInstant(ZoneOffset.UTC));
                run.collect(alerts, enriched);
            }
            // the recurring-payment check runs on the wall clock
            driver.advanceWallClockTime(Duration.ofHours(2));
            run.collect(alerts, enriched);
            return run;
        }
    }

    private void collect(TestOutputTopic<String, Alert> alertTopic, TestOutputTopic<String, EnrichedTransaction> enrichedTopic) {
        if (!alertTopic.isEmpty()) {
            alerts.addAll(alertTopic.readValuesToList());
        }
        if (!enrichedTopic.isEmpty()) {
            enriched.addAll(enrichedTopic.readValuesToList());
        }
    }
}
