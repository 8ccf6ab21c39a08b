package io.ledgerstream.topology.store;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A layer of ours in front of a timestamped key-value store ({@link DecodedValueCache},
 * {@link ChangeNotifyingStore}) that passes every read straight to the store below; a layer
 * overrides what it changes. It extends Streams' internal {@link WrappedStateStore}, the only way a
 * store takes part in its task's init, flush and close.
 */
abstract class PassThroughLayer<V>
        extends WrappedStateStore<TimestampedKeyValueStore<String, V>, String, ValueAndTimestamp<V>>
        implements TimestampedKeyValueStore<String, V> {

    PassThroughLayer(TimestampedKeyValueStore<String, V> wrapped) {
        super(wrapped);
    }

    @Override
    public ValueAndTimestamp<V> get(String key) {
        return wrapped().get(key);
    }

    @Override
    public KeyValueIterator<String, ValueAndTimestamp<V>> range(String from, String to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, ValueAndTimestamp<V>> reverseRange(String from, String to) {
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, ValueAndTimestamp<V>> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, ValueAndTimestamp<V>> reverseAll() {
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, ValueAndTimestamp<V>> prefixScan(
            P prefix, PS prefixKeySerializer) {
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }
}
