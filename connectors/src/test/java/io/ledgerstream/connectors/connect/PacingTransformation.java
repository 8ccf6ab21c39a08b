package io.ledgerstream.connectors.connect;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Passes every record through unchanged, {@code micros.per.record} later. The resume test sets it on
 * the first worker only, so that worker is still in the middle of the file when the test stops it;
 * it paces the worker and is not a wait for anything.
 */
public final class PacingTransformation implements Transformation<SourceRecord> {

    static final String MICROS_PER_RECORD = "micros.per.record";

    private long nanosPerRecord;

    @Override
    public void configure(Map<String, ?> configs) {
        nanosPerRecord = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(String.valueOf(configs.get(MICROS_PER_RECORD))));
    }

    @Override
    public SourceRecord apply(SourceRecord record) {
        LockSupport.parkNanos(nanosPerRecord);
        return record;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define(MICROS_PER_RECORD, ConfigDef.Type.LONG, ConfigDef.Importance.LOW,
                "how long each record is held");
    }

    @Override
    public void close() {
        // nothing held
    }
}
