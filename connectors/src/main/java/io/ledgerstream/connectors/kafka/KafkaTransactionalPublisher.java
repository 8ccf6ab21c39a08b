package io.ledgerstream.connectors.kafka;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.topics.Topic;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * A {@link TransactionalPublisher} over a transactional {@link KafkaProducer}: opening it calls
 * {@code initTransactions} and {@code beginTransaction}, {@link #commit} flushes and commits, and
 * closing it uncommitted aborts.
 *
 * <p>Only records committed this way are seen by the pipeline: the topology runs Kafka Streams with
 * {@code processing.guarantee=exactly_once_v2}, under which Streams forces its consumers to
 * {@code isolation.level=read_committed} (a user setting of read_uncommitted is ignored with a
 * warning), so an aborted or still-open import never reaches an aggregate.
 *
 * <p>{@code initTransactions} with a given {@code transactional.id} also fences any earlier producer
 * that used it and aborts that producer's open transaction, so choose the id per unit of work
 * (the importer uses one per user and file content).
 */
public final class KafkaTransactionalPublisher<K, V> implements TransactionalPublisher<K, V> {

    private final Producer<K, V> producer;
    private final KafkaRecordPublisher<K, V> sends;
    private final String topic;
    private boolean committed;
    private boolean fenced;

    /**
     * Starts a transaction on {@code producer} (a {@code MockProducer} with transactions in tests);
     * this publisher closes it.
     *
     * @throws PublishException if the transaction cannot be started
     */
    public KafkaTransactionalPublisher(Producer<K, V> producer, String topic) {
        this.producer = producer;
        this.sends = new KafkaRecordPublisher<>(producer, topic);
        this.topic = topic;
        try {
            producer.initTransactions();
            producer.beginTransaction();
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new PublishException("cannot start a transaction for " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Opens a transactional producer for {@code topic} with {@code transactionalId}. */
    public static <K, V> KafkaTransactionalPublisher<K, V> open(LedgerstreamConfig config, Topic<K, V> topic,
                                                                String clientId, String transactionalId) {
        Map<String, Object> properties = KafkaRecordPublisher.producerProperties(config, clientId);
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaTransactionalPublisher<>(new KafkaProducer<>(properties,
                topic.keySerde().serializer(), topic.valueSerde().serializer()), topic.name());
    }

    @Override
    public void publish(K key, V value) {
        sends.publish(key, value);
    }

    @Override
    public long flush() {
        return sends.flush();
    }

    @Override
    public long commit() {
        long acknowledged = sends.flush();
        try {
            producer.commitTransaction();
        } catch (TimeoutException e) {
            throw new CommitOutcomeUnknownException("the commit to " + topic + " was not confirmed in time: "
                    + e.getMessage(), e);
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            fenced = true;
            throw new PublishException("another import with the same transactional id took over: "
                    + e.getMessage(), e);
        } catch (KafkaException e) {
            throw new PublishException("cannot commit to " + topic + ": " + e.getMessage(), e);
        }
        committed = true;
        return acknowledged;
    }

    @Override
    public void close() {
        try {
            if (!committed && !fenced) {
                producer.abortTransaction();
            }
        } catch (KafkaException e) {
            // fenced or broken: the broker aborts the transaction itself (fencing or transaction timeout)
        } finally {
            sends.close();
        }
    }
}
