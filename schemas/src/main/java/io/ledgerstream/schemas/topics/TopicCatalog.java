package io.ledgerstream.schemas.topics;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AlertDeliveryFailure;
import io.ledgerstream.schemas.avro.AnomalyModelRelease;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.CategoryModelRelease;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.avro.RejectedRecord;
import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.schemas.serde.AvroSerdes;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of DESIGN.md with its name (after an optional prefix), key serde and value serde.
 * Immutable; built once from configuration and handed to whoever reads or writes a topic.
 * All user-keyed topics share one partition count, because the topology joins them by userId.
 */
public record TopicCatalog(
        Topic<String, RawTransaction> raw,
        Topic<String, EnrichedTransaction> enriched,
        Topic<String, RejectedRecord> rejected,
        Topic<String, Alert> alerts,
        Topic<String, AlertDeliveryFailure> alertDeadLetters,
        Topic<String, CategoryCorrection> corrections,
        Topic<String, UserSettings> userSettings,
        Topic<String, UserAccount> userAccounts,
        Topic<String, FxRate> fxRates,
        Topic<String, CategoryModelRelease> categorizerModels,
        Topic<String, AnomalyModelRelease> anomalyModels,
        AvroSerdes serdes) {

    public static final int DEFAULT_PARTITIONS = 4;

    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");
    private static final Map<String, String> KEEP_FOREVER = Map.of("retention.ms", "-1");
    /** A model release is a few MB (2.1 MB today), above the broker's default limit of 1 MB per batch. */
    public static final int MODEL_MESSAGE_BYTES = 32 * 1024 * 1024;
    /** The key of the categorizer's releases: compaction keeps the latest. */
    public static final String CATEGORIZER_MODEL_KEY = "categorizer";
    /** The key of the isolation forest's releases: compaction keeps the latest. */
    public static final String ANOMALY_MODEL_KEY = "isolation-forest";

    /**
     * @param prefix     prepended to every topic name ("" for the default names)
     * @param partitions partitions of every user-keyed topic
     */
    public static TopicCatalog create(String prefix, int partitions, AvroSerdes serdes) {
        Serde<String> userId = Serdes.String();
        return new TopicCatalog(
                new Topic<>(prefix + "transactions.raw", userId, serdes.value(RawTransaction.class), partitions, KEEP_FOREVER),
                new Topic<>(prefix + "transactions.enriched", userId, serdes.value(EnrichedTransaction.class), partitions, Map.of()),
                new Topic<>(prefix + "transactions.rejected", userId, serdes.value(RejectedRecord.class), partitions, Map.of()),
                new Topic<>(prefix + "alerts", userId, serdes.value(Alert.class), partitions, Map.of()),
                new Topic<>(prefix + "alerts.dead-letters", userId, serdes.value(AlertDeliveryFailure.class), partitions,
                        KEEP_FOREVER),
                new Topic<>(prefix + "category.corrections", userId, serdes.value(CategoryCorrection.class), partitions, KEEP_FOREVER),
                new Topic<>(prefix + "user.settings", userId, serdes.value(UserSettings.class), partitions, COMPACTED),
                new Topic<>(prefix + "user.accounts", userId, serdes.value(UserAccount.class), partitions, COMPACTED),
                // key CURRENCY:YYYY-MM-DD, so compaction keeps every day's rate (conversion needs history)
                new Topic<>(prefix + "fx.rates", Serdes.String(), serdes.value(FxRate.class), 1, COMPACTED),
                new Topic<>(prefix + "categorizer.models", Serdes.String(), serdes.value(CategoryModelRelease.class), 1,
                        Map.of("cleanup.policy", "compact", "max.message.bytes", Integer.toString(MODEL_MESSAGE_BYTES))),
                new Topic<>(prefix + "anomaly.models", Serdes.String(), serdes.value(AnomalyModelRelease.class), 1,
                        Map.of("cleanup.policy", "compact", "max.message.bytes", Integer.toString(MODEL_MESSAGE_BYTES))),
                serdes);
    }

    /** Every topic, for creating them up front. */
    public List<Topic<?, ?>> all() {
        return List.of(raw, enriched, rejected, alerts, alertDeadLetters, corrections, userSettings, userAccounts, fxRates, categorizerModels,
                anomalyModels);
    }
}
