package io.ledgerstream.api.query;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.store.OpenStores;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.RangeQuery;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Reads the stores of this instance with IQv2: the user's partition where Streams knows it, every local
 * partition on a single instance. On the topology's timestamped key-value stores, {@link KeyQuery} and
 * {@link RangeQuery} return plain values, not {@code ValueAndTimestamp} (Kafka 3.7+, KIP-992).
 * Every iterator is closed.
 * <p>
 * IQv2 answers from any local copy unless asked not to: a standby, or an active task still restoring
 * after a rebalance, would answer with whatever part of the changelog it has read so far. So this
 * reader asks for an active task on a running thread ({@link StateQueryRequest#requireActive()}) and
 * fails with {@link StateNotQueryableException} otherwise; only {@link #includingStandbys()}, for a
 * caller who allowed a stale answer, reads any copy.
 * <p>
 * Where the user's partition is known and its task is active here, the reader asks that partition's
 * store directly ({@link OpenStores}), on a {@code RUNNING} instance: {@code KafkaStreams#query} would
 * find the store by listing every task under the state updater's lock, which under many concurrent
 * requests is where they queue. Otherwise (no partition known, the task not active here, the instance
 * rebalancing) it asks {@code KafkaStreams#query}, which says why it cannot answer.
 */
public final class InteractiveQueryReader implements UserStateReader {

    private static final QueryConfig NO_EXECUTION_INFO = new QueryConfig(false);

    private final KafkaStreams streams;
    private final KeyLocator locator;
    private final OpenStores openStores;
    private final boolean activeOnly;

    /** @param openStores the stores the topology of {@code streams} entered there */
    public InteractiveQueryReader(KafkaStreams streams, KeyLocator locator, OpenStores openStores) {
        this(streams, locator, openStores, true);
    }

    private InteractiveQueryReader(KafkaStreams streams, KeyLocator locator, OpenStores openStores,
                                   boolean activeOnly) {
        this.streams = streams;
        this.locator = locator;
        this.openStores = openStores;
        this.activeOnly = activeOnly;
    }

    @Override
    public UserStateReader includingStandbys() {
        return activeOnly ? new InteractiveQueryReader(streams, locator, openStores, false) : this;
    }

    @Override
    public Optional<MonthlySummary> summary(String userId, YearMonth month) {
        KeyQuery<String, MonthlySummary> query = KeyQuery.withKey(StoreNames.summaryKey(userId, month));
        return results(StoreNames.MONTHLY_SUMMARIES, userId, query).stream().filter(Objects::nonNull).findFirst();
    }

    @Override
    public List<MonthlySummary> months(String userId) {
        RangeQuery<String, MonthlySummary> query = RangeQuery.<String, MonthlySummary>withRange(
                StoreNames.userPrefix(userId), StoreNames.userRangeEnd(userId)).withAscendingKeys();
        List<MonthlySummary> months = new ArrayList<>();
        try (UserEntries<MonthlySummary> entries = range(StoreNames.MONTHLY_SUMMARIES, userId, query)) {
            entries.forEachRemaining(months::add);
        }
        return months;
    }

    @Override
    public List<EnrichedTransaction> transactions(String userId, Optional<LocalDate> from, Optional<LocalDate> to,
                                                  int limit) {
        String lower = from.map(day -> StoreNames.transactionsFrom(userId, day)).orElse(StoreNames.userPrefix(userId));
        String upper = to.map(day -> StoreNames.transactionsUntil(userId, day)).orElse(StoreNames.userRangeEnd(userId));
        // keys are userId|YYYY-MM-DD|transactionId: descending keys are the newest booking dates first
        RangeQuery<String, EnrichedTransaction> query =
                RangeQuery.<String, EnrichedTransaction>withRange(lower, upper).withDescendingKeys();
        List<EnrichedTransaction> newest = new ArrayList<>();
        try (UserEntries<EnrichedTransaction> entries = range(StoreNames.TRANSACTIONS_BY_DATE, userId, query)) {
            while (newest.size() < limit && entries.hasNext()) {
                EnrichedTransaction transaction = entries.next();
                if (!transaction.getRemoved()) {
                    newest.add(transaction);
                }
            }
        }
        return newest;
    }

    @Override
    public List<Alert> alerts(String userId, int limit) {
        RangeQuery<String, Alert> query =
                RangeQuery.withRange(StoreNames.userPrefix(userId), StoreNames.userRangeEnd(userId));
        try (UserEntries<Alert> entries = range(StoreNames.ALERTS, userId, query)) {
            return NewestAlerts.of(entries, limit);
        }
    }

    @Override
    public Optional<UserSettings> settings(String userId) {
        KeyQuery<String, UserSettings> query = KeyQuery.withKey(StoreNames.userSettingsKey(userId));
        return results(StoreNames.USER_SETTINGS, userId, query).stream().filter(Objects::nonNull).findFirst();
    }

    @Override
    public Optional<UserAccount> account(String userId) {
        KeyQuery<String, UserAccount> query = KeyQuery.withKey(userId);
        return results(StoreNames.USER_ACCOUNTS, userId, query).stream().filter(Objects::nonNull).findFirst();
    }

    @Override
    public List<PaymentSeries> recurringPayments(String userId) {
        RangeQuery<String, PaymentSeries> query =
                RangeQuery.withRange(StoreNames.userPrefix(userId), StoreNames.userRangeEnd(userId));
        List<PaymentSeries> recurring = new ArrayList<>();
        try (UserEntries<PaymentSeries> entries = range(StoreNames.RECURRING_PAYMENTS, userId, query)) {
            while (entries.hasNext()) {
                PaymentSeries series = entries.next();
                if (series.getCadence() != null) {
                    recurring.add(series);
                }
            }
        }
        return recurring;
    }

    private <V> UserEntries<V> range(String storeName, String userId, RangeQuery<String, V> query) {
        return new UserEntries<>(results(storeName, userId, query), StoreNames.userPrefix(userId));
    }

    /** The successful result of every partition asked, or a failure once every result is closed. */
    private <R> List<R> results(String storeName, String userId, Query<R> query) {
        OptionalInt partition = locator.locate(storeName, userId).partition();
        Map<Integer, QueryResult<R>> byPartition = activeStoreResult(storeName, partition, query)
                .orElseGet(() -> streamsResults(storeName, partition, query));
        List<R> results = new ArrayList<>();
        RuntimeException failure = null;
        if (byPartition.isEmpty() || partition.isPresent() && !byPartition.containsKey(partition.getAsInt())) {
            failure = new StateNotQueryableException("store " + storeName + " has no ready partition "
                    + (partition.isPresent() ? partition.getAsInt() + " " : "") + "here (restoring or migrating)");
        }
        for (Map.Entry<Integer, QueryResult<R>> entry : byPartition.entrySet()) {
            QueryResult<R> result = entry.getValue();
            if (result.isSuccess()) {
                results.add(result.getResult());
            } else if (failure == null) {
                failure = failureOf(storeName, entry.getKey(), result);
            }
        }
        if (failure != null) {
            results.forEach(InteractiveQueryReader::closeIfIterator);
            throw failure;
        }
        return results;
    }

    /**
     * The result of the partition's store here, asked directly, if the partition is known and its
     * active task has the store open here, on a running instance.
     */
    private <R> Optional<Map<Integer, QueryResult<R>>> activeStoreResult(String storeName, OptionalInt partition,
                                                                         Query<R> query) {
        if (!activeOnly || partition.isEmpty() || streams.state() != KafkaStreams.State.RUNNING) {
            return Optional.empty();
        }
        return openStores.active(storeName, partition.getAsInt()).map(store ->
                Map.of(partition.getAsInt(), store.query(query, PositionBound.unbounded(), NO_EXECUTION_INFO)));
    }

    private <R> Map<Integer, QueryResult<R>> streamsResults(String storeName, OptionalInt partition, Query<R> query) {
        StateQueryRequest<R> request = StateQueryRequest.inStore(storeName).withQuery(query);
        if (partition.isPresent()) {
            request = request.withPartitions(Set.of(partition.getAsInt()));
        }
        if (activeOnly) {
            request = request.requireActive();
        }
        return streams.query(request).getPartitionResults();
    }

    private static RuntimeException failureOf(String storeName, int partition, QueryResult<?> result) {
        String detail = "store " + storeName + ", partition " + partition + ": " + result.getFailureReason()
                + " " + result.getFailureMessage();
        if (result.getFailureReason() == FailureReason.UNKNOWN_QUERY_TYPE) {
            return new IllegalStateException("the store does not support this query: " + detail);
        }
        return new StateNotQueryableException(detail);
    }

    private static void closeIfIterator(Object result) {
        if (result instanceof KeyValueIterator<?, ?> iterator) {
            iterator.close();
        }
    }
}
