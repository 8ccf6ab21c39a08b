package io.ledgerstream.topology;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.AnomalyModelRelease;
import io.ledgerstream.schemas.avro.AnomalyProfile;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.CategoryModelRelease;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.RecentCharge;
import io.ledgerstream.schemas.avro.SpendingHistory;
import io.ledgerstream.schemas.avro.TransactionVersion;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.schemas.serde.AvroSerdes;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/** The topology's state stores: timestamped key-value, String keys, RocksDB, changelogged, cached. */
final class StateStores {

    private StateStores() {
    }

    /** Adds every user-keyed store of {@link StoreNames} to {@code builder}. */
    static void addTo(StreamsBuilder builder, AvroSerdes serdes) {
        builder.addStateStore(store(StoreNames.TRANSACTION_VERSIONS, serdes, TransactionVersion.class));
        builder.addStateStore(store(StoreNames.TRANSACTIONS_BY_DATE, serdes, EnrichedTransaction.class));
        builder.addStateStore(store(StoreNames.MONTHLY_SUMMARIES, serdes, MonthlySummary.class));
        builder.addStateStore(store(StoreNames.ALERTS, serdes, Alert.class));
        builder.addStateStore(store(StoreNames.RECENT_CHARGES, serdes, RecentCharge.class));
        builder.addStateStore(store(StoreNames.SPENDING_HISTORY, serdes, SpendingHistory.class));
        builder.addStateStore(store(StoreNames.RECURRING_PAYMENTS, serdes, PaymentSeries.class));
        builder.addStateStore(store(StoreNames.ANOMALY_PROFILES, serdes, AnomalyProfile.class));
        builder.addStateStore(store(StoreNames.USER_SETTINGS, serdes, UserSettings.class));
        builder.addStateStore(store(StoreNames.CATEGORY_CORRECTIONS, serdes, CategoryCorrection.class));
    }

    /** How the global {@value StoreNames#FX_RATES} table is materialized. */
    static Materialized<String, FxRate, KeyValueStore<Bytes, byte[]>> fxRates(AvroSerdes serdes) {
        return Materialized.<String, FxRate, KeyValueStore<Bytes, byte[]>>as(StoreNames.FX_RATES)
                .withKeySerde(Serdes.String())
                .withValueSerde(serdes.value(FxRate.class));
    }

    /**
     * The global {@value StoreNames#CATEGORIZER_MODELS} store: RocksDB, so a restart reads only the
     * releases published since (a release is megabytes), and not logged, as a global store's topic is
     * its changelog.
     */
    static StoreBuilder<KeyValueStore<String, CategoryModelRelease>> categorizerModels(AvroSerdes serdes) {
        return modelReleases(StoreNames.CATEGORIZER_MODELS, serdes, CategoryModelRelease.class);
    }

    /** The global {@value StoreNames#ANOMALY_MODELS} store, kept as {@link #categorizerModels}. */
    static StoreBuilder<KeyValueStore<String, AnomalyModelRelease>> anomalyModels(AvroSerdes serdes) {
        return modelReleases(StoreNames.ANOMALY_MODELS, serdes, AnomalyModelRelease.class);
    }

    private static <R extends SpecificRecord> StoreBuilder<KeyValueStore<String, R>> modelReleases(
            String name, AvroSerdes serdes, Class<R> type) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), serdes.value(type))
                .withLoggingDisabled();
    }

    private static <V extends SpecificRecord> StoreBuilder<TimestampedKeyValueStore<String, V>> store(
            String name, AvroSerdes serdes, Class<V> type) {
        return Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(name),
                Serdes.String(), serdes.value(type)).withCachingEnabled();
    }
}
