package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.config.LedgerstreamConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CategorizerBenchCommandTest {

    @Test
    void shouldTrainAndScoreBothHeldApartSetsAndPriceAPrediction() {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine(LedgerstreamConfig.load(Map.of()));
        command.setOut(new PrintWriter(out));

        int exit = command.execute("bench", "categorizer", "--per-merchant", "2");

        assertThat(exit).isZero();
        String printed = out.toString();
        assertThat(printed).contains("trained on").contains("(18 categories)");
        Matcher scores = Pattern.compile("accuracy (\\d\\.\\d{3}), macro-F1 (\\d\\.\\d{3})").matcher(printed);
        int parts = 0;
        while (scores.find()) {
            parts++;
            assertThat(Double.parseDouble(scores.group(1))).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(scores.group(2))).isBetween(0.0, 1.0);
        }
        assertThat(parts).as("seen and never-seen merchants").isEqualTo(2);
        assertThat(printed).containsPattern("prediction: \\d+\\.\\d µs per transaction");
    }
}
