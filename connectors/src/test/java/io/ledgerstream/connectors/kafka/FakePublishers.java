package io.ledgerstream.connectors.kafka;

import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Publishers} backed by two {@link FakePublisher}s, counting how often each was opened (the raw
 * one, plain or transactional) and remembering the transactional ids asked for.
 */
public final class FakePublishers implements Publishers {

    public final FakePublisher<String, RawTransaction> raw = new FakePublisher<>();
    public final FakePublisher<String, FxRate> fx = new FakePublisher<>();
    public int rawOpened;
    public int fxOpened;
    public final List<String> transactionalIds = new ArrayList<>();

    @Override
    public RecordPublisher<String, RawTransaction> rawTransactions() {
        rawOpened++;
        return raw;
    }

    @Override
    public TransactionalPublisher<String, RawTransaction> rawTransactionsInOneTransaction(String transactionalId) {
        rawOpened++;
        transactionalIds.add(transactionalId);
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
