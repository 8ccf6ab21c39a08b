package io.ledgerstream.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.config.LedgerstreamConfig;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaTransactionalPublisherTest {

    private static final String TOPIC = "transactions.raw";

    /** A MockProducer (transactions enabled) whose send of the {@code failingSend}th record throws. */
    static final class FailingOnNthSend extends MockProducer<String, String> {
        private final int failingSend;
        private int sends;

        FailingOnNthSend(boolean autoComplete, int failingSend) {
            super(autoComplete, null, new StringSerializer(), new StringSerializer());
            this.failingSend = failingSend;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            if (++sends == failingSend) {
                throw new KafkaException("broker said no to record " + sends);
            }
            return super.send(record, callback);
        }
    }

    @Test
    void shouldCommitEverythingInOneTransaction() {
        MockProducer<String, String> producer = new FailingOnNthSend(true, Integer.MAX_VALUE);

        try (KafkaTransactionalPublisher<String, String> publisher = new KafkaTransactionalPublisher<>(producer, TOPIC)) {
            publisher.publish("alice", "one");
            publisher.publish("alice", "two");
            assertThat(producer.history()).as("nothing visible before the commit").isEmpty();

            assertThat(publisher.commit()).isEqualTo(2);
        }

        assertThat(producer.transactionInitialized()).isTrue();
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.transactionAborted()).isFalse();
        assertThat(producer.history()).extracting(ProducerRecord::value).containsExactly("one", "two");
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void shouldAbortAndCommitNothingWhenASendFailsHalfWay() {
        MockProducer<String, String> producer = new FailingOnNthSend(true, 3);

        try (KafkaTransactionalPublisher<String, String> publisher = new KafkaTransactionalPublisher<>(producer, TOPIC)) {
            publisher.publish("alice", "one");
            publisher.publish("alice", "two");
            assertThatThrownBy(() -> publisher.publish("alice", "three"))
                    .isInstanceOf(PublishException.class).hasMessageContaining("broker said no to record 3");
        }

        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.transactionCommitted()).isFalse();
        assertThat(producer.history()).isEmpty();
        assertThat(producer.uncommittedRecords()).isEmpty();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void shouldRefuseToCommitWhenAnAcknowledgementFailed() {
        MockProducer<String, String> producer = new FailingOnNthSend(false, Integer.MAX_VALUE);
        KafkaTransactionalPublisher<String, String> publisher = new KafkaTransactionalPublisher<>(producer, TOPIC);
        publisher.publish("alice", "one");
        publisher.publish("alice", "two");
        producer.completeNext();
        producer.errorNext(new KafkaException("not enough replicas"));

        assertThatThrownBy(publisher::commit).isInstanceOf(PublishException.class)
                .hasMessageContaining("1 record(s) to transactions.raw failed (1 acknowledged)");
        publisher.close();

        assertThat(producer.transactionCommitted()).isFalse();
        assertThat(producer.transactionAborted()).isTrue();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void shouldSayTheOutcomeIsUnknownWhenTheCommitTimesOut() {
        MockProducer<String, String> producer = new FailingOnNthSend(true, Integer.MAX_VALUE);
        producer.commitTransactionException = new TimeoutException("no answer in 60000 ms");
        KafkaTransactionalPublisher<String, String> publisher = new KafkaTransactionalPublisher<>(producer, TOPIC);
        publisher.publish("alice", "one");

        assertThatThrownBy(publisher::commit).isInstanceOf(CommitOutcomeUnknownException.class)
                .hasMessageContaining("not confirmed");
        publisher.close();
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void shouldFailClearlyWhenTheTransactionCannotStart() {
        MockProducer<String, String> producer = new FailingOnNthSend(true, Integer.MAX_VALUE);
        producer.initTransactionException = new TimeoutException("coordinator not available");

        assertThatThrownBy(() -> new KafkaTransactionalPublisher<>(producer, TOPIC))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("cannot start a transaction for transactions.raw")
                .hasMessageContaining("coordinator not available");
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void shouldNeverLetAPassedThroughTransactionalIdReachTheIdempotentPublisher() {
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker:9092"))
                .withKafka("transactional.id", "someone-elses");

        assertThat(KafkaRecordPublisher.producerProperties(config, "feed")).doesNotContainKey("transactional.id");
    }
}
