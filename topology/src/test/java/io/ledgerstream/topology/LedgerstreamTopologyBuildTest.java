package io.ledgerstream.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.schemas.registry.InMemorySchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.TopologyException;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerstreamTopologyBuildTest {

    private final TopicCatalog catalog =
            TopicCatalog.create("", TopicCatalog.DEFAULT_PARTITIONS, new AvroSerdes(new InMemorySchemaRegistryClient()));

    @Test
    void shouldBuildTheFlowAndTheAccountsAsTwoSubTopologiesWithNoRepartitionTopic() {
        TopologyDescription description = LedgerstreamTopology.build(catalog, TopologySettings.defaults()).describe();

        assertThat(description.subtopologies()).hasSize(2);
        assertThat(description.globalStores()).flatExtracting(global -> global.source().topicSet())
                .containsExactlyInAnyOrder("fx.rates", "categorizer.models", "anomaly.models");
        assertThat(description.toString()).doesNotContain("repartition").doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
        TopologyDescription.Subtopology flow = description.subtopologies().stream()
                .filter(sub -> sub.nodes().stream().anyMatch(node -> node.name().equals(NodeNames.RAW_SOURCE)))
                .findFirst().orElseThrow();
        TopologyDescription.Subtopology accounts = description.subtopologies().stream()
                .filter(sub -> sub != flow).findFirst().orElseThrow();
        assertThat(accounts.nodes()).extracting(TopologyDescription.Node::name)
                .containsExactlyInAnyOrder(NodeNames.USER_ACCOUNTS_SOURCE, NodeNames.WRITE_USER_ACCOUNTS);
        assertThat(accounts.nodes()).filteredOn(node -> node instanceof TopologyDescription.Processor)
                .flatExtracting(node -> ((TopologyDescription.Processor) node).stores())
                .containsExactly(StoreNames.USER_ACCOUNTS);
        assertThat(flow.nodes()).filteredOn(node -> node instanceof TopologyDescription.Processor)
                .flatExtracting(node -> ((TopologyDescription.Processor) node).stores())
                .contains(StoreNames.MONTHLY_SUMMARIES, StoreNames.TRANSACTIONS_BY_DATE, StoreNames.TRANSACTION_VERSIONS,
                        StoreNames.ALERTS, StoreNames.RECENT_CHARGES, StoreNames.USER_SETTINGS,
                        StoreNames.CATEGORY_CORRECTIONS, StoreNames.ANOMALY_PROFILES);
        assertThat(flow.nodes()).filteredOn(node -> node instanceof TopologyDescription.Source)
                .flatExtracting(node -> ((TopologyDescription.Source) node).topicSet())
                .containsExactlyInAnyOrder("transactions.raw", "user.settings", "category.corrections");
    }

    @Test
    void shouldShowTheDeadLettersAsANamedBranchToTheRejectedTopic() {
        String described = LedgerstreamTopology.build(catalog, TopologySettings.defaults()).describe().toString();

        assertThat(described).contains("validation-rejected", "enrichment-rejected", NodeNames.DEAD_LETTERS,
                "Sink: " + NodeNames.DEAD_LETTER_SINK + " (topic: transactions.rejected)");
    }

    @Test
    void shouldBeAPureFunctionOfItsArguments() {
        Topology first = LedgerstreamTopology.build(catalog, TopologySettings.defaults());
        Topology second = LedgerstreamTopology.build(catalog, TopologySettings.defaults());

        assertThat(first.describe().toString()).isEqualTo(second.describe().toString());
    }

    @Test
    void shouldUseTheCatalogsTopicNames() {
        TopicCatalog prefixed = TopicCatalog.create("acme.", 2, catalog.serdes());

        String described = LedgerstreamTopology.build(prefixed, TopologySettings.defaults()).describe().toString();

        assertThat(described).contains("acme.transactions.raw", "acme.transactions.enriched", "acme.alerts",
                "acme.transactions.rejected", "acme.user.settings", "acme.category.corrections", "acme.fx.rates");
    }

    @Test
    void shouldChangelogStoresUnderTheRunningApplicationsIdNotTheBuildersPlaceholder(@TempDir Path stateDir) {
        try (TopologyHarness harness = new TopologyHarness(stateDir)) {
            harness.send(TopologyHarness.transaction("alice", "t-1", "2026-03-04", "-1.00"));

            assertThat(harness.driver.producedTopicNames()).contains(
                    "ledgerstream-test-monthly-summaries-changelog", "ledgerstream-test-transaction-versions-changelog",
                    "ledgerstream-test-transactions-by-date-changelog", "transactions.enriched");
        }
    }

    @Test
    void shouldRefuseGeneratedNamesOnceNamingIsEnforced() {
        // the check the topology relies on: with the flag on, an unnamed store fails the build
        Properties naming = new Properties();
        naming.put(StreamsConfig.APPLICATION_ID_CONFIG, "check");
        naming.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        naming.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(naming)));
        builder.table("some-topic", Consumed.with(Serdes.String(), Serdes.String())).groupBy(
                (key, value) -> KeyValue.pair(value, key)).count();

        assertThatThrownBy(builder::build).isInstanceOf(TopologyException.class);
    }
}
