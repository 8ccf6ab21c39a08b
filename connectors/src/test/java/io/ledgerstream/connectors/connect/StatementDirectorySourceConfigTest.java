package io.ledgerstream.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class StatementDirectorySourceConfigTest {

    private static final Map<String, String> MINIMAL = Map.of(
            StatementDirectorySourceConfig.DIRECTORY, "/srv/inbox/alice",
            StatementDirectorySourceConfig.USER_ID, "alice");

    @Test
    void shouldDefaultToSubdirectoriesTheRawTopicAndAutoFormat() {
        StatementDirectorySourceConfig config = new StatementDirectorySourceConfig(MINIMAL);

        assertThat(config.finishedDirectory()).isEqualTo(Path.of("/srv/inbox/alice/finished"));
        assertThat(config.failedDirectory()).isEqualTo(Path.of("/srv/inbox/alice/failed"));
        assertThat(config.topic()).isEqualTo("transactions.raw");
        assertThat(config.format()).isEqualTo("auto");
        assertThat(config.importOptions().userId()).isEqualTo("alice");
        assertThat(config.importOptions().currency()).isNull();
    }

    @Test
    void shouldRequireTheUserWhoOwnsTheDirectory() {
        assertThatThrownBy(() -> new StatementDirectorySourceConfig(
                Map.of(StatementDirectorySourceConfig.DIRECTORY, "/srv/inbox/alice")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("user.id");
    }

    @Test
    void shouldRefuseAnUnknownFormatAndANonIsoCurrency() {
        assertThatThrownBy(() -> new StatementDirectorySourceConfig(with(StatementDirectorySourceConfig.FORMAT, "xls")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> new StatementDirectorySourceConfig(with(StatementDirectorySourceConfig.CURRENCY, "EURO")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ISO 4217");
    }

    @Test
    void shouldRefuseAFinishedDirectoryThatIsTheWatchedOne() {
        assertThatThrownBy(() -> new StatementDirectorySourceConfig(
                with(StatementDirectorySourceConfig.FINISHED_DIRECTORY, "/srv/inbox/alice/")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("must differ");
    }

    @Test
    void shouldDocumentEveryKey() {
        assertThat(StatementDirectorySourceConfig.CONFIG_DEF.configKeys().values())
                .allSatisfy(key -> assertThat(key.documentation).isNotBlank());
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> properties = new HashMap<>(MINIMAL);
        properties.put(key, value);
        return properties;
    }
}
