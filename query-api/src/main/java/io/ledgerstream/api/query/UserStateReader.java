package io.ledgerstream.api.query;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.schemas.avro.EnrichedTransaction;
import io.ledgerstream.schemas.avro.MonthlySummary;
import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.UserAccount;
import io.ledgerstream.schemas.avro.UserSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Reads one user's state from the stores this instance hosts. Every method may throw
 * {@link StateNotQueryableException} (or Kafka's {@code InvalidStateStoreException}) while the state
 * cannot be read; routing to the owning instance happens before a reader is asked.
 */
public interface UserStateReader {

    /** The user's summary of one month, if the user has one. */
    Optional<MonthlySummary> summary(String userId, YearMonth month);

    /** Every month the user has a summary for, oldest first; empty for an unknown user. */
    List<MonthlySummary> months(String userId);

    /**
     * The user's live transactions booked within the range, newest first.
     *
     * @param from  first booking date included, or empty for no lower bound
     * @param to    last booking date included, or empty for no upper bound
     * @param limit at most this many
     */
    List<EnrichedTransaction> transactions(String userId, Optional<LocalDate> from, Optional<LocalDate> to, int limit);

    /** The user's most recent alerts, newest first, at most {@code limit}. */
    List<Alert> alerts(String userId, int limit);

    /** The user's settings, if the user has set any. */
    Optional<UserSettings> settings(String userId);

    /** The user's payments that recur (subscriptions and bills), by merchant. */
    List<PaymentSeries> recurringPayments(String userId);

    /** The user's login account, if the user id is registered. */
    Optional<UserAccount> account(String userId);

    /**
     * A reader that also answers from a standby or a restoring copy, which may be behind: for a
     * request the routing decided to answer stale ({@code allowStale=true}). This reader answers only
     * from an active task that is up to date.
     */
    default UserStateReader includingStandbys() {
        return this;
    }
}
