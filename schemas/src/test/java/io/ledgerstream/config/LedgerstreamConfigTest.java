package io.ledgerstream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerstreamConfigTest {

    @TempDir
    Path dir;

    @Test
    void shouldDefaultToTheDemoPorts() {
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of());

        assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://127.0.0.1:8081/apis/ccompat/v7");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.applicationServer()).isEmpty();
    }

    @Test
    void shouldLetTheEnvironmentOverrideTheFileAndTheFileOverrideDefaults() throws Exception {
        Path file = dir.resolve("ledgerstream.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nhttp.port=9000\nkafka.commit.interval.ms=250\n");

        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of(
                "LEDGERSTREAM_CONFIG", file.toString(),
                "KAFKA_BOOTSTRAP_SERVERS", "env:9092",
                "LEDGERSTREAM_KAFKA_MAX_POLL_RECORDS", "100"));

        assertThat(config.bootstrapServers()).isEqualTo("env:9092");
        assertThat(config.httpPort()).isEqualTo(9000);
        assertThat(config.kafkaProperties())
                .containsEntry("commit.interval.ms", "250")
                .containsEntry("max.poll.records", "100");
    }

    @Test
    void shouldRefuseAnUnknownKeyInTheFile() throws Exception {
        Path file = dir.resolve("typo.properties");
        Files.writeString(file, "bootstrap.server=oops:9092\n");

        assertThatThrownBy(() -> LedgerstreamConfig.load(Map.of("LEDGERSTREAM_CONFIG", file.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bootstrap.server");
    }

    @Test
    void shouldRefuseAPassThroughOfAManagedProperty() {
        assertThatThrownBy(() -> LedgerstreamConfig.load(Map.of("LEDGERSTREAM_KAFKA_APPLICATION_ID", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LEDGERSTREAM_APPLICATION_ID");
    }

    @Test
    void shouldSayWhichKeyIsNotANumber() {
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of("LEDGERSTREAM_HTTP_PORT", "eighty"));

        assertThatThrownBy(config::httpPort).hasMessageContaining("LEDGERSTREAM_HTTP_PORT");
    }

    @Test
    void shouldNotShowPasswordsWhenPrinted() {
        LedgerstreamConfig config = LedgerstreamConfig.load(Map.of(
                "REDIS_URL", "redis://default:s3cret@cache.internal:6379",
                "LEDGERSTREAM_KAFKA_SASL_JAAS_CONFIG", "PlainLoginModule required password=\"hunter2\";",
                "LEDGERSTREAM_WEBHOOK_SECRET", "whsec-sign-me",
                "LEDGERSTREAM_SMTP_URL", "smtp://mailer:p4ss@mail.internal:587"));

        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("hunter2")
                .doesNotContain("whsec-sign-me").doesNotContain("p4ss")
                .contains("redis://***@cache.internal:6379").contains("sasl.jaas.config")
                .contains("WEBHOOK_SECRET=***").contains("smtp://***@mail.internal:587");
        assertThat(config.webhookSecret()).contains("whsec-sign-me");
    }
}
