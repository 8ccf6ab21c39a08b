package io.ledgerstream.api.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.config.LedgerstreamConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandTest {

    private final LedgerstreamConfig config = LedgerstreamConfig.load(Map.of());

    @Test
    void shouldApplyHttpFlagsOverTheConfiguration() {
        RunCommand command = new RunCommand(config);
        new CommandLine(command).parseArgs("--http-host", "0.0.0.0", "--http-port", "9090");

        LedgerstreamConfig effective = command.effectiveConfig();

        assertThat(effective.httpHost()).isEqualTo("0.0.0.0");
        assertThat(effective.httpPort()).isEqualTo(9090);
        assertThat(effective.bootstrapServers()).isEqualTo(config.bootstrapServers());
    }

    @Test
    void shouldKeepTheConfigurationWithoutFlags() {
        RunCommand command = new RunCommand(config);
        new CommandLine(command).parseArgs();

        assertThat(command.effectiveConfig().httpPort()).isEqualTo(config.httpPort());
        assertThat(command.effectiveConfig().httpHost()).isEqualTo(config.httpHost());
    }

    @Test
    void shouldDescribeItselfAsTheRunCommand() {
        StringWriter usage = new StringWriter();
        CommandLine commandLine = new CommandLine(new RunCommand(config)).setOut(new PrintWriter(usage));

        int exitCode = commandLine.execute("--help");

        assertThat(exitCode).isZero();
        assertThat(usage.toString()).contains("Usage: run").contains("--http-port");
    }
}
