package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The end-to-end environment is chosen by whether there is a Docker engine, unless told. */
class TestStackTest {

    @Test
    @DisplayName("containers exactly when Docker is available, else the local stack, unless LEDGERSTREAM_TEST_ENVIRONMENT says")
    void shouldChooseTheEnvironmentByItself() {
        String told = System.getenv().getOrDefault("LEDGERSTREAM_TEST_ENVIRONMENT", "");
        boolean containers = told.isEmpty() ? TestContainers.dockerAvailable() : told.equals("containers");

        TestStack.Services services = TestStack.get();

        assertThat(services.environment()).startsWith(containers ? "containers" : "local stack");
        assertThat(services.bootstrapServers()).isNotBlank();
        assertThat(services.schemaRegistryUrl()).endsWith("/apis/ccompat/v7");
        assertThat(services.redisUrl()).startsWith("redis://");
    }
}
