package io.ledgerstream.topology;

/**
 * Names of the topology's sources, processors, branches and sinks, as {@code topology.describe()}
 * shows them. Like store names, they are kept stable: Kafka Streams derives internal names from them.
 */
public final class NodeNames {

    public static final String RAW_SOURCE = "transactions-raw-source";
    public static final String VALIDATE = "validate";
    /** Prefix of the validation branches: {@code validation-rejected}, {@code validation-accepted}. */
    public static final String VALIDATION_SPLIT = "validation-";
    public static final String VALIDATION_DEAD_LETTER = "validation-dead-letter";
    public static final String VALIDATED = "validated-transaction";
    public static final String DEDUPE = "dedupe-versions";
    public static final String ENRICH = "enrich";
    /** Prefix of the enrichment branches: {@code enrichment-rejected}, {@code enrichment-accepted}. */
    public static final String ENRICHMENT_SPLIT = "enrichment-";
    public static final String ENRICHMENT_DEAD_LETTER = "enrichment-dead-letter";
    public static final String ENRICHED = "enriched-change";
    public static final String REJECTED_BRANCH = "rejected";
    public static final String ACCEPTED_BRANCH = "accepted";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String DEAD_LETTER_SINK = "transactions-rejected-sink";
    public static final String CATEGORIZE = "categorize";
    /** Categorized new versions merged with the re-categorizations of users' corrections. */
    public static final String CORRECTED_CHANGES = "with-recategorized";
    public static final String WRITE_VERSION = "write-version";
    public static final String ENRICHED_TRANSACTION = "enriched-transaction";
    public static final String ENRICHED_SINK = "transactions-enriched-sink";
    public static final String AGGREGATE = "aggregate-monthly-summaries";
    public static final String DETECT_LARGE = "detect-large-transactions";
    public static final String DETECT_DUPLICATES = "detect-duplicate-charges";
    public static final String DETECT_UNUSUAL_AMOUNTS = "detect-unusual-amounts";
    public static final String DETECT_BUDGET_THRESHOLDS = "detect-budget-thresholds";
    public static final String DETECT_SPENDING_SPIKES = "detect-spending-spikes";
    public static final String DETECT_RECURRING_PAYMENTS = "detect-recurring-payments";
    public static final String DETECT_ANOMALIES = "detect-anomalies";
    public static final String ALERT_CANDIDATES = "alert-candidates";
    public static final String UNUSUAL_AMOUNT_CANDIDATES = "unusual-amount-candidates";
    public static final String BUDGET_CANDIDATES = "budget-candidates";
    public static final String SPENDING_SPIKE_CANDIDATES = "spending-spike-candidates";
    public static final String RECURRING_PAYMENT_CANDIDATES = "recurring-payment-candidates";
    public static final String ANOMALY_CANDIDATES = "anomaly-candidates";
    public static final String RECORD_ALERTS = "record-alerts";
    public static final String ALERTS_SINK = "alerts-sink";
    public static final String USER_SETTINGS_SOURCE = "user-settings-source";
    public static final String WRITE_USER_SETTINGS = "write-user-settings";
    public static final String USER_ACCOUNTS_SOURCE = "user-accounts-source";
    public static final String WRITE_USER_ACCOUNTS = "write-user-accounts";
    public static final String CORRECTIONS_SOURCE = "category-corrections-source";
    public static final String WRITE_CORRECTIONS = "write-category-corrections";
    public static final String FX_RATES_SOURCE = "fx-rates-source";
    public static final String CATEGORIZER_MODELS_SOURCE = "categorizer-models-source";
    public static final String ANOMALY_MODELS_SOURCE = "anomaly-models-source";

    private NodeNames() {
    }
}
