package io.ledgerstream.topology.settings;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.topology.StoreNames;
import io.ledgerstream.topology.TopologySettings;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * A user's effective settings: what the {@value StoreNames#USER_SETTINGS} store holds, else the
 * topology's defaults. A base currency that is not an ISO 4217 code, or a threshold that is not
 * positive, counts as unset rather than stopping the stream.
 */
public final class UserSettingsView {

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<UserSettings>> store;
    private final TopologySettings defaults;

    public UserSettingsView(ReadOnlyKeyValueStore<String, ValueAndTimestamp<UserSettings>> store,
                            TopologySettings defaults) {
        this.store = store;
        this.defaults = defaults;
    }

    /** The currency the user's figures are kept in. */
    public String baseCurrency(String userId) {
        UserSettings settings = settings(userId);
        String chosen = settings == null ? null : settings.getBaseCurrency();
        return isCurrencyCode(chosen) ? chosen : defaults.defaultBaseCurrency();
    }

    /** From which amount (in the base currency, compared with its absolute value) a payment is large. */
    public BigDecimal largeTransactionThreshold(String userId) {
        UserSettings settings = settings(userId);
        BigDecimal chosen = settings == null ? null : settings.getLargeTransactionThreshold();
        return chosen != null && chosen.signum() > 0 ? chosen : defaults.defaultLargeTransactionThreshold();
    }

    /** The user's monthly budget for {@code category} in the base currency, if a positive one is set. */
    public Optional<BigDecimal> budget(String userId, Category category) {
        UserSettings settings = settings(userId);
        BigDecimal budget = settings == null || settings.getBudgets() == null ? null
                : settings.getBudgets().get(category.name());
        return budget != null && budget.signum() > 0 ? Optional.of(budget) : Optional.empty();
    }

    private UserSettings settings(String userId) {
        return ValueAndTimestamp.getValueOrNull(store.get(StoreNames.userSettingsKey(userId)));
    }

    private static boolean isCurrencyCode(String code) {
        if (code == null || code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
