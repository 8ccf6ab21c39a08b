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
import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.topology.store.ChangeNotifyingStore;
import io.ledgerstream.topology.store.CommittedChanges;
import io.ledgerstream.topology.store.DecodedValueCache;
import io.ledgerstream.topology.store.OpenStores;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * The topology's state stores: timestamped key-value, String keys, RocksDB, changelogged, without
 * Streams' record cache. Those read on every transaction keep their values decoded and hold their
 * writes for a while ({@link DecodedValueCache}); the others are written through at once: their keys
 * (a transaction's date, an alert's id, a charge) are written about once, so a record cache would
 * only move their encoding and changelog sends into the commit, which every record arriving during
 * it waits for.
 */
final class StateStores {

    /**
     * Values kept decoded per store and task ({@link DecodedValueCache}) for the stores read on every
     * transaction: the active users of a task. A value is at most a few kilobytes (a month summary,
     * a series of recent payments), so a full cache holds tens of megabytes per store and task.
     */
    static final int DECODED_PER_USER_STORE = 10_000;
    /** The version store is read twice per transaction (de-duplication, then the writer): recent keys suffice. */
    static final int DECODED_VERSIONS = 1_000;

    private StateStores() {
    }

    /**
     * Adds every user-keyed store of {@link StoreNames} to {@code builder}, each entered in
     * {@code openStores} while a task has it open; changes of month summaries are told to
     * {@code summaryChanges} as they are committed.
     */
    static void addTo(StreamsBuilder builder, AvroSerdes serdes, CommittedChanges summaryChanges,
                      OpenStores openStores) {
        builder.addStateStore(openStores.register(
                decoded(store(StoreNames.TRANSACTION_VERSIONS, serdes, TransactionVersion.class), DECODED_VERSIONS)));
        builder.addStateStore(openStores.register(
                store(StoreNames.TRANSACTIONS_BY_DATE, serdes, EnrichedTransaction.class)));
        builder.addStateStore(openStores.register(ChangeNotifyingStore.inFrontOf(
                decoded(store(StoreNames.MONTHLY_SUMMARIES, serdes, MonthlySummary.class)), summaryChanges)));
        builder.addStateStore(openStores.register(store(StoreNames.ALERTS, serdes, Alert.class)));
        builder.addStateStore(openStores.register(store(StoreNames.RECENT_CHARGES, serdes, RecentCharge.class)));
        builder.addStateStore(openStores.register(
                decoded(store(StoreNames.SPENDING_HISTORY, serdes, SpendingHistory.class))));
        builder.addStateStore(openStores.register(
                decoded(store(StoreNames.RECURRING_PAYMENTS, serdes, PaymentSeries.class))));
        builder.addStateStore(openStores.register(
                decoded(store(StoreNames.ANOMALY_PROFILES, serdes, AnomalyProfile.class))));
        builder.addStateStore(openStores.register(
                decoded(store(StoreNames.USER_SETTINGS, serdes, UserSettings.class))));
        builder.addStateStore(openStores.register(
                decoded(store(StoreNames.CATEGORY_CORRECTIONS, serdes, CategoryCorrection.class))));
        builder.addStateStore(openStores.register(store(StoreNames.USER_ACCOUNTS, serdes, UserAccount.class)));
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

    private static <V> StoreBuilder<TimestampedKeyValueStore<String, V>> decoded(
            StoreBuilder<TimestampedKeyValueStore<String, V>> store) {
        return decoded(store, DECODED_PER_USER_STORE);
    }

    /**
     * {@code store} with its values kept decoded and its writes held: they are already one per key for
     * a while, and a record cache beneath would only copy them into its own sorted map before passing
     * them on.
     */
    private static <V> StoreBuilder<TimestampedKeyValueStore<String, V>> decoded(
            StoreBuilder<TimestampedKeyValueStore<String, V>> store, int maxEntries) {
        return DecodedValueCache.inFrontOf(store, maxEntries);
    }

    private static <V extends SpecificRecord> StoreBuilder<TimestampedKeyValueStore<String, V>> store(
            String name, AvroSerdes serdes, Class<V> type) {
        return Stores.timestampedKeyValueStoreBuilder(Stores.persistentTimestampedKeyValueStore(name),
                Serdes.String(), serdes.value(type));
    }
}
