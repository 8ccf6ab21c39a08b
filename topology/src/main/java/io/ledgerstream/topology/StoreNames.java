package io.ledgerstream.topology;

import io.ledgerstream.schemas.avro.Category;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/**
 * Names of the topology's state stores and the layout of their keys, shared with the HTTP API,
 * which reads the stores through interactive queries (IQv2).
 *
 * <p>Every user-keyed store is a timestamped key-value store with String keys, persistent (RocksDB)
 * and changelogged. Keys start with {@code userId|}, so one user's entries are one contiguous range;
 * that is why validation refuses a userId containing {@value #SEPARATOR}. Dates in keys are ISO
 * ({@code YYYY-MM-DD}, four-digit years), so keys sort in date order. Renaming a store loses its
 * state: these names are as permanent as table names.
 */
public final class StoreNames {

    /** {@code userId|YYYY-MM} → {@code MonthlySummary}. */
    public static final String MONTHLY_SUMMARIES = "monthly-summaries";
    /** {@code userId|YYYY-MM-DD|transactionId} → {@code EnrichedTransaction}, latest live versions only. */
    public static final String TRANSACTIONS_BY_DATE = "transactions-by-date";
    /** {@code userId|transactionId} → {@code TransactionVersion}, the latest version, removed ones included. */
    public static final String TRANSACTION_VERSIONS = "transaction-versions";
    /** {@code userId|alertId} → {@code Alert}. */
    public static final String ALERTS = "alerts-by-user";
    /** {@code userId|merchant|amount} → {@code RecentCharge}. */
    public static final String RECENT_CHARGES = "recent-charges";
    /** {@code userId|category} → {@code SpendingHistory}, the user's latest payments in the category. */
    public static final String SPENDING_HISTORY = "spending-history";
    /** {@code userId|merchant, lower case} → {@code PaymentSeries}, the user's payments to the merchant. */
    public static final String RECURRING_PAYMENTS = "recurring-payments";
    /**
     * {@code userId|*} (every payment), {@code userId|c:CATEGORY} or {@code userId|m:<merchant, lower
     * case>} → {@code AnomalyProfile}: how the user usually pays, the isolation forest's context.
     */
    public static final String ANOMALY_PROFILES = "anomaly-profiles";
    /** {@code userId} → {@code UserSettings}. */
    public static final String USER_SETTINGS = "user-settings";
    /** {@code userId} → {@code UserAccount}: the login account, the first registration of the userId. */
    public static final String USER_ACCOUNTS = "user-accounts";
    /** {@code userId|m:<merchant, lower case>} or {@code userId|t:<transactionId>} → {@code CategoryCorrection}. */
    public static final String CATEGORY_CORRECTIONS = "category-corrections";
    /** Global store, {@code CURRENCY:YYYY-MM-DD} → {@code FxRate}. */
    public static final String FX_RATES = "fx-rates";
    /** Global store, the model's name ({@code categorizer}) → {@code CategoryModelRelease}, the latest release. */
    public static final String CATEGORIZER_MODELS = "categorizer-models";
    /** Global store, the model's name ({@code isolation-forest}) → {@code AnomalyModelRelease}, the latest release. */
    public static final String ANOMALY_MODELS = "anomaly-models";

    /** Separates the parts of a key. */
    public static final String SEPARATOR = "|";

    private static final String MERCHANT_CORRECTION = "m:";
    private static final String TRANSACTION_CORRECTION = "t:";
    private static final String EVERY_PAYMENT = "*";
    private static final String CATEGORY_PROFILE = "c:";
    private static final String MERCHANT_PROFILE = "m:";
    /** The character right after {@link #SEPARATOR}: {@code userId}} bounds a user's range from above. */
    private static final char AFTER_SEPARATOR = '}';

    private StoreNames() {
    }

    /** {@code userId|}: every key of one user starts with it. */
    public static String userPrefix(String userId) {
        return userId + SEPARATOR;
    }

    /**
     * An inclusive upper bound of one user's keys in the stores keyed {@code userId|…}, for
     * {@code RangeQuery.withRange(userPrefix(u), userRangeEnd(u))}: every key starting with
     * {@code userId|} sorts below it, and no such key equals it.
     */
    public static String userRangeEnd(String userId) {
        return userId + AFTER_SEPARATOR;
    }

    /** Key of {@link #MONTHLY_SUMMARIES}. */
    public static String summaryKey(String userId, YearMonth month) {
        return userPrefix(userId) + month;
    }

    /** Key of {@link #TRANSACTIONS_BY_DATE}. */
    public static String transactionByDateKey(String userId, LocalDate bookedAt, String transactionId) {
        return userPrefix(userId) + bookedAt + SEPARATOR + transactionId;
    }

    /** The first key of a user's transactions booked on or after {@code date}, for date ranges. */
    public static String transactionsFrom(String userId, LocalDate date) {
        return userPrefix(userId) + date;
    }

    /** An inclusive upper bound of a user's transactions booked on or before {@code date}. */
    public static String transactionsUntil(String userId, LocalDate date) {
        return userPrefix(userId) + date + AFTER_SEPARATOR;
    }

    /** Key of {@link #TRANSACTION_VERSIONS}. */
    public static String versionKey(String userId, String transactionId) {
        return userPrefix(userId) + transactionId;
    }

    /** Key of {@link #ALERTS}. */
    public static String alertKey(String userId, String alertId) {
        return userPrefix(userId) + alertId;
    }

    /** Key of {@link #RECENT_CHARGES}; {@code amount} as a plain decimal string. */
    public static String recentChargeKey(String userId, String merchant, String amount) {
        return userPrefix(userId) + merchant + SEPARATOR + amount;
    }

    /** Key of {@link #SPENDING_HISTORY}. */
    public static String spendingHistoryKey(String userId, Category category) {
        return userPrefix(userId) + category.name();
    }

    /** Key of {@link #RECURRING_PAYMENTS}; the merchant compared without case. */
    public static String recurringPaymentsKey(String userId, String merchant) {
        return userPrefix(userId) + merchant.strip().toLowerCase(Locale.ROOT);
    }

    /** Key of the profile of all the user's payments in {@link #ANOMALY_PROFILES}. */
    public static String paymentsProfileKey(String userId) {
        return userPrefix(userId) + EVERY_PAYMENT;
    }

    /** Key of the profile of the user's payments in one category in {@link #ANOMALY_PROFILES}. */
    public static String categoryProfileKey(String userId, Category category) {
        return userPrefix(userId) + CATEGORY_PROFILE + category.name();
    }

    /** Key of the profile of the user's payments to one merchant in {@link #ANOMALY_PROFILES}; compared without case. */
    public static String merchantProfileKey(String userId, String merchant) {
        return userPrefix(userId) + MERCHANT_PROFILE + merchant.strip().toLowerCase(Locale.ROOT);
    }

    /** Key of {@link #USER_SETTINGS}. */
    public static String userSettingsKey(String userId) {
        return userId;
    }

    /** Key of a merchant rule in {@link #CATEGORY_CORRECTIONS}; the merchant compared without case. */
    public static String merchantCorrectionKey(String userId, String merchant) {
        return userPrefix(userId) + MERCHANT_CORRECTION + merchant.strip().toLowerCase(Locale.ROOT);
    }

    /** Key of a one-transaction correction in {@link #CATEGORY_CORRECTIONS}. */
    public static String transactionCorrectionKey(String userId, String transactionId) {
        return userPrefix(userId) + TRANSACTION_CORRECTION + transactionId;
    }

    /** Key of {@link #FX_RATES} (and of the fx.rates topic). */
    public static String fxRateKey(String currency, LocalDate date) {
        return currency + ":" + date;
    }
}
