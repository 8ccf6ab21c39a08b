package io.ledgerstream.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerstream.schemas.topics.TopicProvisioner;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    private static final String TOPIC = "local-stack.test";
    private static final int PARTITIONS = 3;
    private static final int RECORDS = 100;
    private static final String SUBJECT = "s-value";
    private static final String AVSC = """
            {"type":"record","name":"Payment","namespace":"io.ledgerstream.test",\
            "fields":[{"name":"id","type":"string"},\
            {"name":"amount","type":{"type":"bytes","logicalType":"decimal","precision":12,"scale":2}}]}""";
    /** A new field without a default: readers of the new schema cannot read old records. */
    private static final String INCOMPATIBLE_AVSC = AVSC.replace("]}", ",{\"name\":\"note\",\"type\":\"string\"}]}");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldKeepRecordsAndSchemasAcrossARestartAndWipeThemOnReset() throws Exception {
        final List<String> sent = IntStream.range(0, RECORDS).mapToObj(i -> "value-" + i).toList();
        final int schemaId;

        // Given a fresh stack with a 3-partition topic, 100 records in it and a registered schema
        try (LocalStack stack = LocalStack.builder(dataDir).ephemeralPorts().start()) {
            try (Admin admin = admin(stack)) {
                TopicProvisioner.ensureTopics(admin, List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)), TIMEOUT);
                TopicProvisioner.ensureTopics(admin, List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)), TIMEOUT);
                assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions())
                        .as("partitions of the provisioned topic, created once though asked twice")
                        .hasSize(PARTITIONS);
            }
            produce(stack, sent);
            assertThat(consumeAll(stack, "fresh")).as("records read back from the fresh stack")
                    .containsExactlyInAnyOrderElementsOf(sent);

            schemaId = register(stack, AVSC).get("id").asInt();
            assertThat(schemaById(stack, schemaId)).as("schema read back by id").isEqualTo(JSON.readTree(AVSC));
            assertThat(register(stack, JSON.readTree(AVSC).toPrettyString()).get("id").asInt())
                    .as("id of the same schema registered again, formatted differently").isEqualTo(schemaId);
            assertThat(register(stack, INCOMPATIBLE_AVSC).get("error_code").asInt())
                    .as("error of a schema that breaks backward compatibility").isEqualTo(409);
        }

        // When the stack restarts on the same data directory
        try (LocalStack stack = LocalStack.builder(dataDir).ephemeralPorts().start()) {
            // Then the records and the schema are still there
            assertThat(consumeAll(stack, "restarted")).as("records after a restart")
                    .containsExactlyInAnyOrderElementsOf(sent);
            assertThat(schemaById(stack, schemaId)).as("schema after a restart").isEqualTo(JSON.readTree(AVSC));
        }

        // When it restarts with reset
        try (LocalStack stack = LocalStack.builder(dataDir).ephemeralPorts().reset(true).start();
                Admin admin = admin(stack)) {
            // Then both are gone
            assertThat(admin.listTopics().names().get()).as("topics after a reset").doesNotContain(TOPIC);
            assertThat(get(stack.schemaRegistryUrl() + "/schemas/ids/" + schemaId).statusCode())
                    .as("status of the old schema id after a reset").isEqualTo(404);
            assertThat(Files.readString(stack.dataDir().resolve("logs").resolve("kafka.log")))
                    .as("broker log of the reset stack").contains("Kafka Server started");
        }
    }

    @Test
    void shouldRestartTheBrokerOnItsPortAndDataWhileAProducerWaits() throws Exception {
        final List<String> before = IntStream.range(0, RECORDS).mapToObj(i -> "before-" + i).toList();
        try (LocalStack stack = LocalStack.builder(dataDir).ephemeralPorts().start()) {
            try (Admin admin = admin(stack)) {
                TopicProvisioner.ensureTopics(admin, List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)), TIMEOUT);
            }
            final String address = stack.bootstrapServers();
            produce(stack, before);

            stack.restartBroker();

            // Then: the same address, the records written before it, and room for more
            assertThat(stack.bootstrapServers()).isEqualTo(address);
            final List<String> after = IntStream.range(0, RECORDS).mapToObj(i -> "after-" + i).toList();
            produce(stack, after);
            assertThat(consumeAll(stack, "after-restart")).as("records from before and after the restart")
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(before.stream(), after.stream()).toList());
            assertThat(Files.readString(stack.dataDir().resolve("logs").resolve("kafka.log")))
                    .as("the broker's log: started twice").containsPattern("(?s)Kafka Server started.*Kafka Server started");
        }
    }

    @Test
    void shouldNameTheTakenPortWhenAFixedPortIsInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            final int port = taken.getLocalPort();

            assertThatThrownBy(() -> LocalStack.builder(dataDir).kafkaPort(port).registryPort(0).start())
                    .isInstanceOf(LocalStackException.class)
                    .hasMessageContaining("port " + port + " (Kafka) is in use");
        }
    }

    @Test
    void shouldRefuseToResetADirectoryItDidNotCreate() throws IOException {
        final Path precious = Files.writeString(dataDir.resolve("thesis.tex"), "years of work");

        assertThatThrownBy(() -> LocalStack.builder(dataDir).ephemeralPorts().reset(true).start())
                .isInstanceOf(LocalStackException.class)
                .hasMessageContaining("refusing to wipe");
        assertThat(precious).exists();
    }

    private static Admin admin(final LocalStack stack) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
    }

    private static void produce(final LocalStack stack, final List<String> values) throws Exception {
        final Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            final List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                acks.add(producer.send(new ProducerRecord<>(TOPIC, "key-" + i, values.get(i))));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
    }

    private static List<String> consumeAll(final LocalStack stack, final String group) {
        final Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test-" + group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().alias(RECORDS + " records consumed from " + TOPIC).atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
                return received.size() >= RECORDS;
            });
            // one more poll: anything beyond the expected records would be a duplicate
            consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
        }
        return received;
    }

    private JsonNode register(final LocalStack stack, final String avsc) throws Exception {
        final HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/subjects/" + SUBJECT + "/versions"))
                        .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schema", avsc))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private JsonNode schemaById(final LocalStack stack, final int id) throws Exception {
        final HttpResponse<String> response = get(stack.schemaRegistryUrl() + "/schemas/ids/" + id);
        assertThat(response.statusCode()).as("status of schema %d: %s", id, response.body()).isEqualTo(200);
        return JSON.readTree(JSON.readTree(response.body()).get("schema").asText());
    }

    private HttpResponse<String> get(final String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
