package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.config.LedgerstreamConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench} on a throw-away local stack: both drains complete and the figures it prints add up. */
class BenchCommandTest {

    @Test
    void shouldTimeThePassThroughAndTheTopologyOnTheSameRecords() {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine(LedgerstreamConfig.load(Map.of()));
        command.setOut(new PrintWriter(out));

        int exit = command.execute("bench", "--records", "3000", "--users", "20");

        assertThat(exit).isZero();
        String printed = out.toString();
        assertThat(printed).contains("preloaded 3,000 mock-feed records for 20 users");
        double passThrough = rate(printed, "exactly-once pass-through: 3,000 records in [\\d.]+ s = ([\\d,]+) records/s");
        double topology = rate(printed, "topology: 3,000 records in [\\d.]+ s = ([\\d,]+) records/s");
        Matcher ratio = Pattern.compile("topology / pass-through: (\\d+\\.\\d{3})").matcher(printed);
        assertThat(ratio.find()).as(printed).isTrue();
        assertThat(Double.parseDouble(ratio.group(1))).isCloseTo(topology / passThrough,
                Percentage.withPercentage(2));
        assertThat(printed).containsPattern("by 10 s window:( [\\d,]+)+ records/s")
                .containsPattern("second half of the records: [\\d,]+ records/s; CPU per record: stream thread\\(s\\) \\d+ µs,"
                        + " this JVM in all \\d+ µs, broker [1-9]\\d* µs")
                .containsPattern("memory after the drain, 20 users with 150\\.0 transactions each: state on disk [\\d,]+ MB"
                        + " \\(.*\\); the app's heap after a full GC -?[\\d,]+ MB")
                .contains("(not scaled per 100,000 users: with 20 users")
                .doesNotContain("per 100,000 users: state on disk");
    }

    private static double rate(String printed, String line) {
        Matcher rate = Pattern.compile(line).matcher(printed);
        assertThat(rate.find()).as(printed).isTrue();
        return Double.parseDouble(rate.group(1).replace(",", ""));
    }
}
