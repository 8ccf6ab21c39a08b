package io.ledgerstream.topology;

import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.topology.account.UserAccountProcessor;
import io.ledgerstream.topology.categorize.CategorizerChain;
import io.ledgerstream.topology.categorize.CategoryCorrectionProcessor;
import io.ledgerstream.topology.categorize.CategoryModelReleases;
import io.ledgerstream.topology.categorize.ModelCategorizer;
import io.ledgerstream.topology.categorize.model.CategoryModel;
import io.ledgerstream.topology.detect.anomaly.AnomalyModel;
import io.ledgerstream.topology.detect.anomaly.AnomalyModelReleases;
import io.ledgerstream.topology.flow.TransactionChange;
import io.ledgerstream.topology.release.CurrentModel;
import io.ledgerstream.topology.release.ModelReleaseProcessor;
import io.ledgerstream.topology.settings.UserSettingsProcessor;
import io.ledgerstream.topology.store.CommittedChanges;
import io.ledgerstream.topology.store.OpenStores;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Builds Ledgerstream's Kafka Streams topology; building only, {@code main} runs it.
 *
 * <pre>
 * transactions.raw ─► validate ─► dedupe-versions ─► enrich ─► categorize ─► write-version ─┬─► transactions.enriched
 *        (bytes)        │                              │                                    ├─► aggregate-monthly-summaries
 *                       └──────── dead letters ◄───────┘ (no FX rate)                       └─► detect (nine detectors) ─► record-alerts ─► alerts
 *                                     └─► transactions.rejected
 * user.settings ─► write-user-settings          category.corrections ─► write-category-corrections
 * user.accounts ─► write-user-accounts (first registration wins)
 * fx.rates ─► global table fx-rates                categorizer.models ─► global store categorizer-models ─► the model of categorize
 *                                                  anomaly.models ─► global store anomaly-models ─► the forest of detect
 * </pre>
 *
 * Categorize asks, in order: the user's own corrections, the global rules of the settings (MCC,
 * keywords), then the latest model released on categorizer.models, which every instance takes over
 * without a restart ({@link CurrentModel}). The anomaly detector's isolation forest is released and
 * taken over the same way, on anomaly.models.
 *
 * Every input is keyed by userId and every store by a key starting with it, so the whole flow is
 * one sub-topology without repartitioning. Every node and store is named ({@link NodeNames},
 * {@link StoreNames}); the builder refuses generated names of internal resources.
 */
public final class LedgerstreamTopology {

    private LedgerstreamTopology() {
    }

    /** The topology for these topics and settings; a pure function of its arguments. */
    public static Topology build(TopicCatalog catalog, TopologySettings settings) {
        return build(catalog, settings, CommittedChanges.NONE, new OpenStores());
    }

    /**
     * As {@link #build(TopicCatalog, TopologySettings)}, telling {@code summaryChanges} whose month
     * summaries each commit changes (the API's response cache), and entering the user-keyed stores of
     * the tasks in {@code openStores} while they are open (the API's interactive queries).
     */
    public static Topology build(TopicCatalog catalog, TopologySettings settings, CommittedChanges summaryChanges,
                                 OpenStores openStores) {
        StreamsBuilder builder = new StreamsBuilder(namingEnforced());
        StateStores.addTo(builder, catalog.serdes(), summaryChanges, openStores);
        builder.globalTable(catalog.fxRates().name(),
                Consumed.with(catalog.fxRates().keySerde(), catalog.fxRates().valueSerde()).withName(NodeNames.FX_RATES_SOURCE),
                StateStores.fxRates(catalog.serdes()));
        builder.stream(catalog.userSettings().name(),
                        Consumed.with(catalog.userSettings().keySerde(), catalog.userSettings().valueSerde())
                                .withName(NodeNames.USER_SETTINGS_SOURCE))
                .process(UserSettingsProcessor::new, Named.as(NodeNames.WRITE_USER_SETTINGS), StoreNames.USER_SETTINGS);
        builder.stream(catalog.userAccounts().name(),
                        Consumed.with(catalog.userAccounts().keySerde(), catalog.userAccounts().valueSerde())
                                .withName(NodeNames.USER_ACCOUNTS_SOURCE))
                .process(UserAccountProcessor::new, Named.as(NodeNames.WRITE_USER_ACCOUNTS), StoreNames.USER_ACCOUNTS);
        KStream<String, TransactionChange> recategorized = builder.stream(catalog.corrections().name(),
                        Consumed.with(catalog.corrections().keySerde(), catalog.corrections().valueSerde())
                                .withName(NodeNames.CORRECTIONS_SOURCE))
                .process(CategoryCorrectionProcessor::new, Named.as(NodeNames.WRITE_CORRECTIONS),
                        StoreNames.CATEGORY_CORRECTIONS, StoreNames.TRANSACTION_VERSIONS);
        CurrentModel<CategoryModel> categorizerModel = new CurrentModel<>();
        builder.addGlobalStore(StateStores.categorizerModels(catalog.serdes()), catalog.categorizerModels().name(),
                Consumed.with(catalog.categorizerModels().keySerde(), catalog.categorizerModels().valueSerde())
                        .withName(NodeNames.CATEGORIZER_MODELS_SOURCE),
                () -> new ModelReleaseProcessor<>(StoreNames.CATEGORIZER_MODELS, categorizerModel,
                        new CategoryModelReleases()));
        CurrentModel<AnomalyModel> anomalyModel = new CurrentModel<>();
        builder.addGlobalStore(StateStores.anomalyModels(catalog.serdes()), catalog.anomalyModels().name(),
                Consumed.with(catalog.anomalyModels().keySerde(), catalog.anomalyModels().valueSerde())
                        .withName(NodeNames.ANOMALY_MODELS_SOURCE),
                () -> new ModelReleaseProcessor<>(StoreNames.ANOMALY_MODELS, anomalyModel, new AnomalyModelReleases()));
        TransactionFlow.addTo(builder, catalog, settings, recategorized,
                CategorizerChain.of(settings.categorizer(), new ModelCategorizer(categorizerModel, settings.modelThreshold())),
                anomalyModel);
        return builder.build();
    }

    /**
     * A topology configuration whose only purpose is to make {@code build()} fail on a generated
     * name of a store or internal topic (KIP-1111), in tests as in production. Kafka Streams checks
     * names while building, with the builder's configuration, and replaces that configuration with
     * the application's own when the topology starts; the placeholders below are never used.
     */
    private static TopologyConfig namingEnforced() {
        Properties naming = new Properties();
        naming.put(StreamsConfig.APPLICATION_ID_CONFIG, "ledgerstream-naming-check");
        naming.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        naming.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        return new TopologyConfig(new StreamsConfig(naming));
    }
}
