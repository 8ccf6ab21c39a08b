package io.ledgerstream.topology.settings;

import io.ledgerstream.schemas.avro.UserSettings;
import io.ledgerstream.topology.StoreNames;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Keeps {@value StoreNames#USER_SETTINGS} up to date from the user.settings topic (key userId,
 * compacted): a value replaces the user's settings, a tombstone deletes them. Forwards nothing.
 */
public final class UserSettingsProcessor implements Processor<String, UserSettings, Void, Void> {

    private TimestampedKeyValueStore<String, UserSettings> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(StoreNames.USER_SETTINGS);
    }

    @Override
    public void process(Record<String, UserSettings> record) {
        if (record.key() == null) {
            return;
        }
        String key = StoreNames.userSettingsKey(record.key());
        if (record.value() == null) {
            store.delete(key);
        } else {
            store.put(key, ValueAndTimestamp.make(record.value(), record.timestamp()));
        }
    }
}
