package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.AlertType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AlertBenchCommandTest {

    @Test
    void shouldScoreEveryInjectedKindAgainstItsGroundTruth() {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine(LedgerstreamConfig.load(Map.of()));
        command.setOut(new PrintWriter(out));

        int exit = command.execute("bench", "alerts", "--users", "40", "--seed", "3");

        assertThat(exit).isZero();
        AlertPopulation population = AlertPopulation.generate(3, 40);
        Pattern row = Pattern.compile("(?m)^(\\w+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d\\.\\d{3})\\s+(\\d\\.\\d{3})\\s+(\\d\\.\\d{3})$");
        Matcher rows = row.matcher(out.toString());
        int scored = 0;
        while (rows.find()) {
            scored++;
            AlertType type = AlertType.valueOf(rows.group(1));
            int expected = Integer.parseInt(rows.group(2));
            int raised = Integer.parseInt(rows.group(3));
            int matched = Integer.parseInt(rows.group(4));
            assertThat(expected).as(type + ": the ground truth").isEqualTo(population.expected.get(type).size());
            assertThat(matched).isLessThanOrEqualTo(Math.min(expected, raised));
            assertThat(Double.parseDouble(rows.group(5))).isEqualTo(raised == 0 ? 0 : (double) matched / raised,
                    Offset.offset(0.0005));
        }
        assertThat(scored).as("every kind the population injects").isEqualTo(AlertType.values().length - 1); // all but OTHER
        assertThat(out.toString()).containsPattern("false alerts: \\d+, \\d+\\.\\d{2} per 1,000 transactions");
    }
}
