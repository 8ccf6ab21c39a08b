package io.ledgerstream.connectors.kafka;

import io.ledgerstream.schemas.avro.FxRate;
import io.ledgerstream.schemas.avro.RawTransaction;

/**
 * Opens publishers to the topics the connectors write. The commands take one of these, so tests
 * hand them a fake and the launcher the Kafka one ({@link KafkaPublishers}).
 */
public interface Publishers {

    /** A publisher to {@code transactions.raw}, keyed by userId; the caller closes it. */
    RecordPublisher<String, RawTransaction> rawTransactions();

    /**
     * A publisher to {@code transactions.raw} whose records are published in one transaction
     * (the importer: a file is published whole or not at all); the caller commits, then closes it.
     *
     * @param transactionalId names the unit of work; opening another publisher with the same id
     *                        fences this one and aborts its open transaction
     */
    TransactionalPublisher<String, RawTransaction> rawTransactionsInOneTransaction(String transactionalId);

    /** A publisher to {@code fx.rates}, keyed {@code CUR:YYYY-MM-DD}; the caller closes it. */
    RecordPublisher<String, FxRate> fxRates();

    /** Where records go, for messages ("Kafka at 127.0.0.1:9092"). */
    String describe();
}
