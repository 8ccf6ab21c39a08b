package io.ledgerstream.topology.detect;

import io.ledgerstream.schemas.avro.Alert;
import io.ledgerstream.topology.StoreNames;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Lets each alert through once: an alert whose id is already in {@value StoreNames#ALERTS} (a replay,
 * a reprocessed record) is dropped; a new one is stored and passed on to the alerts topic.
 */
public final class AlertRecorder implements FixedKeyProcessor<String, Alert, Alert> {

    private FixedKeyProcessorContext<String, Alert> context;
    private TimestampedKeyValueStore<String, Alert> alerts;

    @Override
    public void init(FixedKeyProcessorContext<String, Alert> context) {
        this.context = context;
        this.alerts = context.getStateStore(StoreNames.ALERTS);
    }

    @Override
    public void process(FixedKeyRecord<String, Alert> record) {
        Alert alert = record.value();
        String key = StoreNames.alertKey(alert.getUserId(), alert.getAlertId());
        if (alerts.get(key) != null) {
            return;
        }
        alerts.put(key, ValueAndTimestamp.make(alert, record.timestamp()));
        context.forward(record);
    }
}
