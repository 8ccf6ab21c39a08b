package io.ledgerstream.api.testing;

import io.ledgerstream.api.query.UserStateReader;
import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.schemas.avro.UserSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A reader over lists given by the test, which records what it was asked and can be made to fail. */
public final class FakeUserStateReader implements UserStateReader {

    private final Map<String, List<MonthlySummary>> months = new HashMap<>();
    private final Map<String, List<EnrichedTransaction>> transactions = new HashMap<>();
    private final Map<String, List<Alert>> alerts = new HashMap<>();
    private final Map<String, List<PaymentSeries>> recurring = new HashMap<>();
    private final Map<String, UserSettings> settings = new HashMap<>();
    private final Map<String, UserAccount> accounts = new java.util.concurrent.ConcurrentHashMap<>();
    private RuntimeException failure;

    public Optional<LocalDate> lastFrom;
    public Optional<LocalDate> lastTo;
    public Integer lastLimit;

    /** Months in the order the reader returns them (oldest first). */
    public FakeUserStateReader withMonths(String userId, MonthlySummary... summaries) {
        months.put(userId, List.of(summaries));
        return this;
    }

    /** Transactions in the order the reader returns them (newest first). */
    public FakeUserStateReader withTransactions(String userId, EnrichedTransaction... list) {
        transactions.put(userId, List.of(list));
        return this;
    }

    /** Alerts in the order the reader returns them (newest first). */
    public FakeUserStateReader withAlerts(String userId, Alert... list) {
        alerts.put(userId, List.of(list));
        return this;
    }

    /** Recurring payments in the order the reader returns them (by merchant). */
    public FakeUserStateReader withRecurring(String userId, PaymentSeries... list) {
        recurring.put(userId, List.of(list));
        return this;
    }

    public FakeUserStateReader withSettings(UserSettings userSettings) {
        settings.put(userSettings.getUserId(), userSettings);
        return this;
    }

    /** Every call throws this from now on. */
    /** Keeps the first account of a user id, as the topology does. */
    public FakeUserStateReader withAccountIfAbsent(UserAccount account) {
        accounts.putIfAbsent(account.getUserId(), account);
        return this;
    }

    public FakeUserStateReader failingWith(RuntimeException exception) {
        this.failure = exception;
        return this;
    }

    @Override
    public Optional<MonthlySummary> summary(String userId, YearMonth month) {
        failIfAsked();
        return months.getOrDefault(userId, List.of()).stream()
                .filter(summary -> summary.getMonth().equals(month.toString()))
                .findFirst();
    }

    @Override
    public List<MonthlySummary> months(String userId) {
        failIfAsked();
        return months.getOrDefault(userId, List.of());
    }

    @Override
    public List<EnrichedTransaction> transactions(String userId, Optional<LocalDate> from, Optional<LocalDate> to,
                                                  int limit) {
        failIfAsked();
        lastFrom = from;
        lastTo = to;
        lastLimit = limit;
        List<EnrichedTransaction> all = transactions.getOrDefault(userId, List.of());
        return new ArrayList<>(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public List<Alert> alerts(String userId, int limit) {
        failIfAsked();
        lastLimit = limit;
        List<Alert> all = alerts.getOrDefault(userId, List.of());
        return new ArrayList<>(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public Optional<UserSettings> settings(String userId) {
        failIfAsked();
        return Optional.ofNullable(settings.get(userId));
    }

    @Override
    public List<PaymentSeries> recurringPayments(String userId) {
        failIfAsked();
        return recurring.getOrDefault(userId, List.of());
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Optional<UserAccount> account(String userId) {
        failIfAsked();
        return Optional.ofNullable(accounts.get(userId));
    }
}
