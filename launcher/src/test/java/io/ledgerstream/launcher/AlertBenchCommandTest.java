package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.config.LedgerstreamConfig;
import io.ledgerstream.schemas.avro.AlertType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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

        int exit = command.execute("bench", "alerts", "--users", "40", "--seed", "3", "--no-latency");

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

    /**
     * The latency runs on a real broker, every record counted (no warm-up left out): the
     * pass-through gives back every record sent, and the running topology every alert the same
     * topology raised in process, but for the missed payments, which its hourly wall-clock check
     * does not reach in a run of seconds.
     */
    @Test
    void shouldMeasureTheLatencyOfEveryAlertAndEveryPassedThroughRecordOnTheBroker() {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine(LedgerstreamConfig.load(Map.of()));
        command.setOut(new PrintWriter(out));

        int exit = command.execute("bench", "alerts", "--users", "20", "--seed", "5", "--rate", "2000", "--warm-up", "0s");

        assertThat(exit).as(out.toString()).isZero();
        String printed = out.toString();
        Matcher inProcess = Pattern.compile("through the topology in [\\d.]+ s: ([\\d,]+) alerts").matcher(printed);
        Matcher missed = Pattern.compile("(?m)^MISSED_PAYMENT\\s+\\d+\\s+(\\d+)").matcher(printed);
        Matcher passThrough = Pattern.compile("exactly-once pass-through\\s+([\\d,]+) sent,\\s+([\\d,]+) measured: "
                + "p50\\s+\\d+ ms, p99\\s+\\d+ ms").matcher(printed);
        Matcher topology = Pattern.compile("topology, raw to alert\\s+([\\d,]+) sent,\\s+([\\d,]+) measured: "
                + "p50\\s+\\d+ ms, p99\\s+\\d+ ms").matcher(printed);
        assertThat(inProcess.find() && passThrough.find() && topology.find()).as(printed).isTrue();
        int missedPayments = missed.find() ? Integer.parseInt(missed.group(1)) : 0;
        int sent = number(passThrough.group(1));

        assertThat(sent).isEqualTo(AlertPopulation.generate(5, 20).transactions.size());
        assertThat(number(passThrough.group(2))).as("every record passed through").isEqualTo(sent);
        assertThat(number(topology.group(1))).isEqualTo(sent);
        assertThat(number(topology.group(2))).as("every alert, as in process")
                .isEqualTo(number(inProcess.group(1)) - missedPayments);
        assertThat(printed).containsPattern("alert p99 / pass-through p99: \\d+\\.\\d{2}");
        Matcher commits = Pattern.compile("commits: ([\\d,]+) in the run, [\\d.]+ ms each \\(the last 30 s\\);"
                + " per commit the producer's flush [\\d.]+ ms, sending the offsets [\\d.]+ ms, ending the transaction [\\d.]+ ms")
                .matcher(printed);
        for (String run : List.of("pass-through", "topology")) {
            assertThat(commits.find()).as("the %s's commits in %s", run, printed).isTrue();
            assertThat(number(commits.group(1))).as("the %s committed during its run", run).isPositive();
        }
    }

    private static int number(String printed) {
        return Integer.parseInt(printed.replace(",", ""));
    }
}
