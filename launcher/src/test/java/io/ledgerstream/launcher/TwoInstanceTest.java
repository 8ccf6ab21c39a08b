package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledgerstream.api.app.LedgerstreamApp;
import io.ledgerstream.config.LedgerstreamConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two app instances share the partitions; each answers for every user, forwarding to the owner. */
class TwoInstanceTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("either of two instances answers every user's summary correctly")
    void shouldAnswerEveryUserFromEitherInstance() throws Exception {
        // Given
        LedgerstreamConfig base = TestStack.config("two", dir.resolve("unused"));
        Pipeline pipeline = Pipeline.provision(base);
        assertThat(Scenarios.cli(base, "fx", Scenarios.writeEcbFile(dir).toString()).exitCode()).isZero();
        StatementScenario scenario = new StatementScenario(11, 8, 150, YearMonth.of(2026, 2), 3);
        Map<String, NavigableMap<YearMonth, GroundTruth.Summary>> expected = GroundTruth.summaries(scenario, Scenarios.RATES);

        // When
        try (LedgerstreamApp first = new LedgerstreamApp(TestStack.instance(base, dir, "a"), pipeline.catalog()).start();
             LedgerstreamApp second = new LedgerstreamApp(TestStack.instance(base, dir, "b"), pipeline.catalog()).start()) {
            Scenarios.importAll(base, scenario, dir).forEach(r -> assertThat(r.exitCode()).as(r.err()).isZero());

            // Then: both run, each owns some of the partitions, and both answer for every user
            await().alias("both instances RUNNING with partitions of their own")
                    .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                    .until(() -> ownsPartitions(first.streams()) && ownsPartitions(second.streams()));
            for (LedgerstreamApp app : new LedgerstreamApp[] {first, second}) {
                ApiClient api = new ApiClient(app.apiUrl());
                await().alias("every summary from the instance at " + app.apiUrl())
                        .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                        .untilAsserted(() -> Scenarios.assertApiEquals(api, expected));
            }
        }
    }

    private static boolean ownsPartitions(KafkaStreams streams) {
        return streams.state() == KafkaStreams.State.RUNNING && streams.metadataForLocalThreads().stream()
                .map(ThreadMetadata::activeTasks).mapToLong(java.util.Set::size).sum() > 0;
    }


}
