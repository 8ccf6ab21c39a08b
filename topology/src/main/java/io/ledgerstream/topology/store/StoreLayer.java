package io.ledgerstream.topology.store;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

/**
 * A builder of {@code inner}'s store with a layer of ours in front of it ({@link DecodedValueCache},
 * {@link ChangeNotifyingStore}); every setting goes to {@code inner}.
 */
record StoreLayer<V>(StoreBuilder<TimestampedKeyValueStore<String, V>> inner,
                     UnaryOperator<TimestampedKeyValueStore<String, V>> layer)
        implements StoreBuilder<TimestampedKeyValueStore<String, V>> {

    @Override
    public StoreBuilder<TimestampedKeyValueStore<String, V>> withCachingEnabled() {
        inner.withCachingEnabled();
        return this;
    }

    @Override
    public StoreBuilder<TimestampedKeyValueStore<String, V>> withCachingDisabled() {
        inner.withCachingDisabled();
        return this;
    }

    @Override
    public StoreBuilder<TimestampedKeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<TimestampedKeyValueStore<String, V>> withLoggingDisabled() {
        inner.withLoggingDisabled();
        return this;
    }

    @Override
    public TimestampedKeyValueStore<String, V> build() {
        return layer.apply(inner.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
