package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategoryCorrection;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.topics.TopicCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The categorizer's learning loop on a real broker and registry: {@code ledgerstream train} releases
 * models to categorizer.models, the running app takes each over without a restart, and the
 * corrections that several users agree on reach everyone's transactions through the model, while
 * one user's odd correction stays that user's.
 */
class ModelLearningTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern RELEASED = Pattern.compile("released (\\S+) to ");
    private static final String ZORBLAX = "CARD ****4821 ZORBLAX LABS LONDON";

    @TempDir
    Path dir;

    private final AtomicInteger sequence = new AtomicInteger();
    private LedgerstreamApp app;
    private KafkaProducer<String, RawTransaction> raw;
    private TopicCatalog catalog;

    @AfterEach
    void stop() {
        if (raw != null) {
            raw.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @DisplayName("train releases models, the running app swaps to each, agreed corrections reach every user, odd ones do not")
    void shouldLearnAgreedCorrectionsAndSwapModelsWithoutARestart() {
        LedgerstreamConfig config = TestStack.config("learn", dir.resolve("state"));
        catalog = Pipeline.provision(config).catalog();
        app = new LedgerstreamApp(config, catalog).start();
        ApiClient api = new ApiClient(app.apiUrl());
        raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
                catalog.raw().keySerde().serializer(), catalog.raw().valueSerde().serializer());

        // Given no model: what no rule knows stays uncategorized
        JsonNode before = categorized(api, "dora", ZORBLAX);
        assertThat(before.get("category").asText()).isEqualTo("UNCATEGORIZED");
        assertThat(before.get("categorySource").asText()).isEqualTo("NONE");

        // When: the first model is trained and released
        Scenarios.CliResult first = Scenarios.cli(config, "train", "--per-merchant", "6");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("agreed by at least 3 users: 0 merchant(s)");
        String v1 = released(first.out());

        // Then: the running app categorizes with it from one of the next transactions on
        JsonNode withV1 = awaitModel(api, "dora", ZORBLAX, v1);
        assertThat(withV1.get("categorySource").asText()).isEqualTo("MODEL");
        assertThat(withV1.get("categoryConfidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(withV1.get("category").asText()).isNotEqualTo("ENTERTAINMENT");

        // When: three users say Zorblax Labs is entertainment (through the API, the topic, and by
        // correcting one transaction), one disagrees, and mallory alone moves Tesco to travel
        assertThat(api.post("/api/v1/users/alice/corrections",
                "{\"merchant\":\"Zorblax Labs\",\"category\":\"ENTERTAINMENT\"}").status()).isEqualTo(202);
        correct(config, "bob", null, "ZORBLAX LABS", Category.ENTERTAINMENT);
        String carols = categorized(api, "carol", ZORBLAX).get("transactionId").asText();
        correct(config, "carol", carols, null, Category.ENTERTAINMENT);
        correct(config, "erin", null, "Zorblax Labs", Category.GENERAL_SERVICES);
        correct(config, "mallory", null, "Zorblax Labs", Category.ENTERTAINMENT);
        correct(config, "mallory", null, "Zorblax Labs", Category.TRAVEL);

        // Then: each user's own correction applies to their next transaction at once
        JsonNode alices = await().atMost(TIMEOUT).ignoreExceptions()
                .until(() -> categorized(api, "alice", ZORBLAX), t -> t.get("categorySource").asText().equals("USER_CORRECTION"));
        assertThat(alices.get("category").asText()).isEqualTo("ENTERTAINMENT");

        // When: the model is retrained on the corrections
        Scenarios.CliResult second = Scenarios.cli(config, "train", "--per-merchant", "6");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out())
                .contains("corrections: 6 read, 6 name a merchant (1 through their transaction)")
                .contains("agreed by at least 3 users: 1 merchant(s)")
                .contains("Zorblax Labs -> ENTERTAINMENT (3 of the 5 users who corrected it)")
                .contains("model in use " + v1);
        String v2 = released(second.out());

        // Then: dora, who corrected nothing, gets entertainment from the new model, with no restart
        JsonNode dorasLater = awaitModel(api, "dora", ZORBLAX, v2);
        assertThat(dorasLater.get("category").asText()).isEqualTo("ENTERTAINMENT");
        assertThat(dorasLater.get("categorySource").asText()).isEqualTo("MODEL");
        // mallory's last word is travel, and it stays mallory's
        assertThat(categorized(api, "mallory", ZORBLAX).get("category").asText()).isEqualTo("TRAVEL");

        // When: a dry run trains and scores, it releases nothing
        Scenarios.CliResult dry = Scenarios.cli(config, "train", "--per-merchant", "6", "--dry-run");
        assertThat(dry.exitCode()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("model in use " + v2).contains("not released (--dry-run)").doesNotContain("released 20");

        // When: the app restarts, it takes the released model up again from its store (still v2)
        app.close();
        app = new LedgerstreamApp(config, catalog).start();
        JsonNode afterRestart = categorized(new ApiClient(app.apiUrl()), "dora", ZORBLAX);
        assertThat(afterRestart.get("modelVersion").asText()).isEqualTo(v2);
        assertThat(afterRestart.get("category").asText()).isEqualTo("ENTERTAINMENT");
    }

    private static String released(String out) {
        Matcher matcher = RELEASED.matcher(out);
        assertThat(matcher.find()).as("a release in: " + out).isTrue();
        return matcher.group(1);
    }

    /** Sends transactions until one is categorized by {@code version}, and returns it. */
    private JsonNode awaitModel(ApiClient api, String user, String description, String version) {
        return await().alias("a transaction categorized by model " + version).atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> categorized(api, user, description), t -> version.equals(t.get("modelVersion").asText()));
    }

    /** Sends one new transaction and waits for the API to show it. */
    private JsonNode categorized(ApiClient api, String user, String description) {
        String id = "t-" + sequence.incrementAndGet();
        RawTransaction transaction = RawTransaction.newBuilder()
                .setTransactionId(id).setUserId(user).setAccountId("acc-1").setBookedAt("2026-03-04")
                .setAmount("-9.50").setCurrency("EUR").setDescription(description).setMerchant(null).setMcc(null)
                .setRemoved(false).setSource("test").build();
        raw.send(new ProducerRecord<>(catalog.raw().name(), user, transaction));
        raw.flush();
        return await().alias("transaction " + id + " of " + user).atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> find(api, user, id), found -> found != null);
    }

    private static JsonNode find(ApiClient api, String user, String id) {
        for (JsonNode transaction : api.get("/api/v1/users/" + user + "/transactions?limit=200").body().get("transactions")) {
            if (transaction.get("transactionId").asText().equals(id)) {
                return transaction;
            }
        }
        return null;
    }

    private void correct(LedgerstreamConfig config, String user, String transactionId, String merchant, Category category) {
        try (KafkaProducer<String, CategoryCorrection> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
                catalog.corrections().keySerde().serializer(), catalog.corrections().valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(catalog.corrections().name(), user,
                    new CategoryCorrection(user, transactionId, merchant, category, Instant.now())));
        }
    }
}
