package io.ledgerstream.connectors.kafka;

import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.schemas.avro.RawTransaction;

/** {@link Publishers} backed by two {@link FakePublisher}s, counting how often each was opened. */
public final class FakePublishers implements Publishers {

    public final FakePublisher<String, RawTransaction> raw = new FakePublisher<>();
    public final FakePublisher<String, FxRate> fx = new FakePublisher<>();
    public int rawOpened;
    public int fxOpened;

    @Override
    public RecordPublisher<String, RawTransaction> rawTransactions() {
        rawOpened++;
        return raw;
    }

    @Override
    public RecordPublisher<String, FxRate> fxRates() {
        fxOpened++;
        return fx;
    }

    @Override
    public String describe() {
        return "a fake";
    }
}
