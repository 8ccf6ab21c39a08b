package io.ledgerstream.connectors.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.config.LedgerstreamConfig;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaRecordPublisherTest {

    private final MockProducer<String, String> producer =
            new MockProducer<>(false, null, new StringSerializer(), new StringSerializer());

    @Test
    void shouldReportHowManyRecordsWereAcknowledgedOnFlush() {
        KafkaRecordPublisher<String, String> publisher = new KafkaRecordPublisher<>(producer, "transactions.raw");

        publisher.publish("alice", "one");
        publisher.publish("bob", "two");

        assertThat(publisher.flush()).isEqualTo(2);
        assertThat(producer.history()).extracting(r -> r.topic() + "/" + r.key())
                .containsExactly("transactions.raw/alice", "transactions.raw/bob");
    }

    @Test
    void shouldSurfaceAFailedSendFromFlush() {
        KafkaRecordPublisher<String, String> publisher = new KafkaRecordPublisher<>(producer, "transactions.raw");
        publisher.publish("alice", "one");
        publisher.publish("bob", "two");

        producer.completeNext();
        producer.errorNext(new RuntimeException("broker said no"));

        assertThatThrownBy(publisher::flush).isInstanceOf(PublishException.class)
                .hasMessageContaining("1 record(s) to transactions.raw failed (1 acknowledged)")
                .hasMessageContaining("broker said no");
    }

    @Test
    void shouldRefuseToPublishMoreAfterASendFailed() {
        KafkaRecordPublisher<String, String> publisher = new KafkaRecordPublisher<>(producer, "transactions.raw");
        publisher.publish("alice", "one");
        producer.errorNext(new RuntimeException("broker said no"));

        assertThatThrownBy(() -> publisher.publish("bob", "two")).isInstanceOf(PublishException.class);
        assertThat(producer.history()).hasSize(1);
    }

    @Test
    void shouldKeepIdempotenceAndAcksAllWhatEverThePassThroughPropertiesSay() {
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                        "LEDGERSTREAM_KAFKA_ACKS", "1",
                        "LEDGERSTREAM_KAFKA_LINGER_MS", "20",
                        "LEDGERSTREAM_KAFKA_COMMIT_INTERVAL_MS", "100"))
                .withKafka("producer.compression.type", "zstd");

        Map<String, Object> properties = KafkaRecordPublisher.producerProperties(config, "test-client");

        assertThat(properties)
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("acks", "all")
                .containsEntry("linger.ms", "20")
                .containsEntry("compression.type", "zstd")
                .containsEntry("client.id", "test-client")
                .containsEntry("batch.size", "262144")
                .doesNotContainKey("commit.interval.ms");
    }
}
