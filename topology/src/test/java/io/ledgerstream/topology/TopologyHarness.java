package io.ledgerstream.topology;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AnomalyModelRelease;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.CategoryModelRelease;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.avro.RejectedRecord;
import io.ledgerstream.schemas.avro.TransactionVersion;
import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.schemas.registry.InMemorySchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.topology.categorize.model.CategoryModel;
import io.ledgerstream.topology.categorize.model.ModelCodec;
import io.ledgerstream.topology.detect.anomaly.AnomalyModel;
import io.ledgerstream.topology.detect.anomaly.AnomalyModelCodec;
import io.ledgerstream.topology.store.CommittedChanges;
import io.ledgerstream.topology.store.OpenStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole topology in a {@link TopologyTestDriver}, with an in-memory schema registry and the
 * production Streams properties (exactly-once, explicit naming enforced): input and output topics,
 * and the stores as the HTTP API would read them.
 */
final class TopologyHarness implements AutoCloseable, AfterEachCallback {

    static final Instant START = Instant.parse("2026-03-10T08:00:00Z");

    final TopicCatalog catalog;
    final TopologyTestDriver driver;
    final TestInputTopic<String, RawTransaction> raw;
    final TestInputTopic<String, byte[]> rawBytes;
    final TestInputTopic<String, UserSettings> settings;
    final TestInputTopic<String, UserAccount> accounts;
    final TestInputTopic<String, CategoryCorrection> corrections;
    final TestInputTopic<String, FxRate> fxRates;
    final TestInputTopic<String, CategoryModelRelease> models;
    final TestInputTopic<String, AnomalyModelRelease> anomalyModels;
    final TestOutputTopic<String, EnrichedTransaction> enriched;
    final TestOutputTopic<String, RejectedRecord> rejected;
    final TestOutputTopic<String, Alert> alerts;

    /** The stores the driver's task has open (its one task is partition 0's, active). */
    final OpenStores openStores = new OpenStores();

    private final Path stateDir;
    private final boolean ownsStateDir;

    /**
     * A harness with a state directory of its own, closed and deleted after each test when
     * registered with {@code @RegisterExtension}.
     */
    TopologyHarness() {
        this(newStateDir(), TopologySettings.defaults(), true);
    }

    TopologyHarness(Path stateDir) {
        this(stateDir, TopologySettings.defaults(), false);
    }

    TopologyHarness(Path stateDir, TopologySettings topologySettings) {
        this(stateDir, topologySettings, false);
    }

    private TopologyHarness(Path stateDir, TopologySettings topologySettings, boolean ownsStateDir) {
        this.stateDir = stateDir;
        this.ownsStateDir = ownsStateDir;
        catalog = TopicCatalog.create("", TopicCatalog.DEFAULT_PARTITIONS, new AvroSerdes(new InMemorySchemaRegistryClient()));
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of("LEDGERSTREAM_STATE_DIR", stateDir.toString(),
                "LEDGERSTREAM_APPLICATION_ID", "ledgerstream-test"));
        driver = new TopologyTestDriver(LedgerstreamTopology.build(catalog, topologySettings,
                CommittedChanges.NONE, openStores),
                StreamsSettings.properties(config), START);
        raw = driver.createInputTopic(catalog.raw().name(), Serdes.String().serializer(), catalog.raw().valueSerde().serializer());
        rawBytes = driver.createInputTopic(catalog.raw().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        settings = driver.createInputTopic(catalog.userSettings().name(), Serdes.String().serializer(),
                catalog.userSettings().valueSerde().serializer());
        accounts = driver.createInputTopic(catalog.userAccounts().name(), Serdes.String().serializer(),
                catalog.userAccounts().valueSerde().serializer());
        corrections = driver.createInputTopic(catalog.corrections().name(), Serdes.String().serializer(),
                catalog.corrections().valueSerde().serializer());
        fxRates = driver.createInputTopic(catalog.fxRates().name(), Serdes.String().serializer(),
                catalog.fxRates().valueSerde().serializer());
        models = driver.createInputTopic(catalog.categorizerModels().name(), Serdes.String().serializer(),
                catalog.categorizerModels().valueSerde().serializer());
        anomalyModels = driver.createInputTopic(catalog.anomalyModels().name(), Serdes.String().serializer(),
                catalog.anomalyModels().valueSerde().serializer());
        enriched = driver.createOutputTopic(catalog.enriched().name(), Serdes.String().deserializer(),
                catalog.enriched().valueSerde().deserializer());
        rejected = driver.createOutputTopic(catalog.rejected().name(), Serdes.String().deserializer(),
                catalog.rejected().valueSerde().deserializer());
        alerts = driver.createOutputTopic(catalog.alerts().name(), Serdes.String().deserializer(),
                catalog.alerts().valueSerde().deserializer());
    }

    /** A valid raw transaction in EUR; tests change what they are about. */
    static RawTransaction.Builder transaction(String userId, String transactionId, String bookedAt, String amount) {
        return RawTransaction.newBuilder()
                .setTransactionId(transactionId)
                .setUserId(userId)
                .setAccountId("acc-1")
                .setBookedAt(bookedAt)
                .setAmount(amount)
                .setCurrency("EUR")
                .setDescription("CARD PAYMENT")
                .setMerchant(null)
                .setMcc(null)
                .setRemoved(false)
                .setSource("test");
    }

    void send(RawTransaction.Builder transaction) {
        RawTransaction built = transaction.build();
        raw.pipeInput(built.getUserId(), built);
    }

    void publishRate(String currency, String date, String rate) {
        fxRates.pipeInput(currency + ":" + date, new FxRate(currency, LocalDate.parse(date),
                new BigDecimal(rate).setScale(10), "ECB"));
    }

    /** Publishes {@code model} on categorizer.models as the trainer does. */
    void release(CategoryModel model) {
        release(model.version(), ModelCodec.write(model));
    }

    /** Publishes a release of these bytes, a model or not. */
    void release(String version, byte[] model) {
        models.pipeInput(TopicCatalog.CATEGORIZER_MODEL_KEY, CategoryModelRelease.newBuilder()
                .setVersion(version)
                .setTrainedAt(START)
                .setModel(ByteBuffer.wrap(model))
                .setTrainingExamples(0)
                .setAgreedMerchants(0)
                .setEvaluationExamples(0)
                .setEvaluationAccuracy(0)
                .setEvaluationMacroF1(0)
                .build());
    }

    /** Publishes {@code model} on anomaly.models as {@code train anomalies} does. */
    void release(AnomalyModel model) {
        anomalyModels.pipeInput(TopicCatalog.ANOMALY_MODEL_KEY, AnomalyModelRelease.newBuilder()
                .setVersion(model.version())
                .setTrainedAt(START)
                .setModel(ByteBuffer.wrap(AnomalyModelCodec.write(model)))
                .setTrainingPayments(model.trainingPayments())
                .setThreshold(model.threshold())
                .setEvaluationRecall(0)
                .setEvaluationFalsePerThousand(0)
                .build());
    }

    <V> V storeValue(String store, String key) {
        KeyValueStore<String, ValueAndTimestamp<V>> kv = driver.getTimestampedKeyValueStore(store);
        return ValueAndTimestamp.getValueOrNull(kv.get(key));
    }

    /** Every entry of a store, in key order. */
    <V> List<KeyValue<String, V>> storeEntries(String store) {
        KeyValueStore<String, ValueAndTimestamp<V>> kv = driver.getTimestampedKeyValueStore(store);
        List<KeyValue<String, V>> entries = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<V>> all = kv.all()) {
            all.forEachRemaining(entry -> entries.add(KeyValue.pair(entry.key, entry.value.value())));
        }
        return entries;
    }

    MonthlySummary summary(String key) {
        return storeValue(StoreNames.MONTHLY_SUMMARIES, key);
    }

    TransactionVersion version(String key) {
        return storeValue(StoreNames.TRANSACTION_VERSIONS, key);
    }

    private static Path newStateDir() {
        try {
            return Files.createTempDirectory("topology-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        driver.close();
        if (ownsStateDir) {
            try (Stream<Path> paths = Files.walk(stateDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
