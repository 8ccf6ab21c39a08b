package io.ledgerstream.topology;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.RejectedRecord;
import io.ledgerstream.schemas.topics.TopicCatalog;
import io.ledgerstream.topology.aggregate.MonthChange;
import io.ledgerstream.topology.aggregate.MonthlySummaryProcessor;
import io.ledgerstream.topology.categorize.CategorizeProcessor;
import io.ledgerstream.topology.categorize.Categorizer;
import io.ledgerstream.topology.detect.AlertRecorder;
import io.ledgerstream.topology.detect.AnomalyDetector;
import io.ledgerstream.topology.detect.BudgetDetector;
import io.ledgerstream.topology.detect.DuplicateChargeDetector;
import io.ledgerstream.topology.detect.LargeTransactionDetector;
import io.ledgerstream.topology.detect.RecurringPaymentDetector;
import io.ledgerstream.topology.detect.SpendingSpikeDetector;
import io.ledgerstream.topology.detect.UnusualAmountDetector;
import io.ledgerstream.topology.detect.anomaly.AnomalyModel;
import io.ledgerstream.topology.enrich.EnrichProcessor;
import io.ledgerstream.topology.flow.Checked;
import io.ledgerstream.topology.flow.IncomingTransaction;
import io.ledgerstream.topology.flow.TransactionChange;
import io.ledgerstream.topology.validate.ValidationProcessor;
import io.ledgerstream.topology.version.VersionFilterProcessor;
import io.ledgerstream.topology.version.VersionWriterProcessor;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** The main flow of {@link LedgerstreamTopology}, from transactions.raw to its three outputs. */
final class TransactionFlow {

    private TransactionFlow() {
    }

    /**
     * @param recategorized transactions a user's correction re-categorized, written and aggregated as new versions
     * @param categorizer   asked after the user's own corrections: the global rules, then the model
     */
    static void addTo(StreamsBuilder builder, TopicCatalog catalog, TopologySettings settings,
                      KStream<String, TransactionChange> recategorized, Categorizer categorizer,
                      Supplier<Optional<AnomalyModel>> anomalyModel) {
        KStream<String, byte[]> raw = builder.stream(catalog.raw().name(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(NodeNames.RAW_SOURCE));
        Map<String, KStream<String, Checked<IncomingTransaction>>> validation = raw
                .processValues(() -> new ValidationProcessor(catalog.raw().name(), catalog.raw().valueSerde().deserializer()),
                        Named.as(NodeNames.VALIDATE))
                .split(Named.as(NodeNames.VALIDATION_SPLIT))
                .branch((userId, checked) -> checked.isRejected(), Branched.as(NodeNames.REJECTED_BRANCH))
                .defaultBranch(Branched.as(NodeNames.ACCEPTED_BRANCH));

        Map<String, KStream<String, Checked<TransactionChange>>> enrichment =
                accepted(validation, NodeNames.VALIDATION_SPLIT, NodeNames.VALIDATED)
                        .processValues(VersionFilterProcessor::new, Named.as(NodeNames.DEDUPE), StoreNames.TRANSACTION_VERSIONS)
                        .processValues(() -> new EnrichProcessor(settings), Named.as(NodeNames.ENRICH), StoreNames.USER_SETTINGS)
                        .split(Named.as(NodeNames.ENRICHMENT_SPLIT))
                        .branch((userId, checked) -> checked.isRejected(), Branched.as(NodeNames.REJECTED_BRANCH))
                        .defaultBranch(Branched.as(NodeNames.ACCEPTED_BRANCH));

        rejected(validation, NodeNames.VALIDATION_SPLIT, NodeNames.VALIDATION_DEAD_LETTER)
                .merge(rejected(enrichment, NodeNames.ENRICHMENT_SPLIT, NodeNames.ENRICHMENT_DEAD_LETTER),
                        Named.as(NodeNames.DEAD_LETTERS))
                .to(catalog.rejected().name(), Produced.with(catalog.rejected().keySerde(), catalog.rejected().valueSerde())
                        .withName(NodeNames.DEAD_LETTER_SINK));

        KStream<String, TransactionChange> changes = accepted(enrichment, NodeNames.ENRICHMENT_SPLIT, NodeNames.ENRICHED)
                .processValues(() -> new CategorizeProcessor(categorizer), Named.as(NodeNames.CATEGORIZE),
                        StoreNames.CATEGORY_CORRECTIONS)
                .merge(recategorized, Named.as(NodeNames.CORRECTED_CHANGES))
                .processValues(VersionWriterProcessor::new, Named.as(NodeNames.WRITE_VERSION),
                        StoreNames.TRANSACTION_VERSIONS, StoreNames.TRANSACTIONS_BY_DATE);

        changes.mapValues(TransactionChange::current, Named.as(NodeNames.ENRICHED_TRANSACTION))
                .to(catalog.enriched().name(), Produced.with(catalog.enriched().keySerde(), catalog.enriched().valueSerde())
                        .withName(NodeNames.ENRICHED_SINK));
        KStream<String, MonthChange> months = changes.process(MonthlySummaryProcessor::new, Named.as(NodeNames.AGGREGATE),
                StoreNames.MONTHLY_SUMMARIES);
        addDetection(changes, months, catalog, settings, anomalyModel);
    }

    private static void addDetection(KStream<String, TransactionChange> changes, KStream<String, MonthChange> months,
                                     TopicCatalog catalog, TopologySettings settings,
                                     Supplier<Optional<AnomalyModel>> anomalyModel) {
        KStream<String, Alert> large = changes.processValues(() -> new LargeTransactionDetector(settings),
                Named.as(NodeNames.DETECT_LARGE), StoreNames.USER_SETTINGS);
        KStream<String, Alert> duplicates = changes.processValues(() -> new DuplicateChargeDetector(settings),
                Named.as(NodeNames.DETECT_DUPLICATES), StoreNames.RECENT_CHARGES);
        KStream<String, Alert> unusual = changes.processValues(UnusualAmountDetector::new,
                Named.as(NodeNames.DETECT_UNUSUAL_AMOUNTS), StoreNames.SPENDING_HISTORY);
        KStream<String, Alert> budgets = months.processValues(() -> new BudgetDetector(settings),
                Named.as(NodeNames.DETECT_BUDGET_THRESHOLDS), StoreNames.USER_SETTINGS, StoreNames.ALERTS);
        KStream<String, Alert> spikes = months.processValues(SpendingSpikeDetector::new,
                Named.as(NodeNames.DETECT_SPENDING_SPIKES), StoreNames.MONTHLY_SUMMARIES);
        KStream<String, Alert> recurring = changes.process(RecurringPaymentDetector::new,
                Named.as(NodeNames.DETECT_RECURRING_PAYMENTS), StoreNames.RECURRING_PAYMENTS);
        KStream<String, Alert> anomalies = changes.processValues(() -> new AnomalyDetector(anomalyModel),
                Named.as(NodeNames.DETECT_ANOMALIES), StoreNames.ANOMALY_PROFILES);
        large.merge(duplicates, Named.as(NodeNames.ALERT_CANDIDATES))
                .merge(unusual, Named.as(NodeNames.UNUSUAL_AMOUNT_CANDIDATES))
                .merge(budgets, Named.as(NodeNames.BUDGET_CANDIDATES))
                .merge(spikes, Named.as(NodeNames.SPENDING_SPIKE_CANDIDATES))
                .merge(recurring, Named.as(NodeNames.RECURRING_PAYMENT_CANDIDATES))
                .merge(anomalies, Named.as(NodeNames.ANOMALY_CANDIDATES))
                .processValues(AlertRecorder::new, Named.as(NodeNames.RECORD_ALERTS), StoreNames.ALERTS)
                .to(catalog.alerts().name(), Produced.with(catalog.alerts().keySerde(), catalog.alerts().valueSerde())
                        .withName(NodeNames.ALERTS_SINK));
    }

    private static <T> KStream<String, T> accepted(Map<String, KStream<String, Checked<T>>> branches, String split,
                                                   String name) {
        return branches.get(split + NodeNames.ACCEPTED_BRANCH).mapValues(Checked::value, Named.as(name));
    }

    private static <T> KStream<String, RejectedRecord> rejected(Map<String, KStream<String, Checked<T>>> branches,
                                                                String split, String name) {
        return branches.get(split + NodeNames.REJECTED_BRANCH).mapValues(Checked::rejection, Named.as(name));
    }
}
