package io.ledgerstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.config.LedgerstreamConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CategorizerBenchCommandTest {

    private static boolean homeSetHere;

    @BeforeAll
    static void projectHome() {
        // as ./ledgerstream passes it: the repository root, where the baseline's script is
        if (System.getProperty("ledgerstream.home") == null) {
            System.setProperty("ledgerstream.home", Path.of("..").toAbsolutePath().normalize().toString());
            homeSetHere = true;
        }
    }

    @AfterAll
    static void leaveProjectHome() {
        if (homeSetHere) {
            System.clearProperty("ledgerstream.home");
        }
    }

    @Test
    void shouldTrainAndScoreTheHeldApartSetsTheTiersAndThresholdsAndPriceAPrediction() {
        StringWriter out = new StringWriter();
        CommandLine command = Main.commandLine(LedgerstreamConfig.load(Map.of()));
        command.setOut(new PrintWriter(out));

        int exit = command.execute("bench", "categorizer", "--per-merchant", "2");

        assertThat(exit).isZero();
        String printed = out.toString();
        assertThat(printed).contains("trained on").contains("(18 categories)");
        String ours = printed.substring(0, printed.indexOf("baseline:"));
        Matcher scores = Pattern.compile("accuracy (\\d\\.\\d{3}), macro-F1 (\\d\\.\\d{3})").matcher(ours);
        int parts = 0;
        while (scores.find()) {
            parts++;
            assertThat(Double.parseDouble(scores.group(1))).isBetween(0.0, 1.0);
            assertThat(Double.parseDouble(scores.group(2))).isBetween(0.0, 1.0);
        }
        assertThat(parts).as("seen, never-seen merchants and both, for the model alone and for the tiers").isEqualTo(6);
        Matcher counts = Pattern.compile("(seen in training, new transactions|never seen in training|whole evaluation set)"
                + " \\(([\\d,]+)\\)").matcher(ours);
        int[] count = new int[3];
        for (int i = 0; i < 3 && counts.find(); i++) {
            count[i] = Integer.parseInt(counts.group(2).replace(",", ""));
        }
        assertThat(count[2]).as("the whole set is both parts").isEqualTo(count[0] + count[1]).isPositive();
        assertThat(ours).containsPattern("prediction: \\d+\\.\\d µs per transaction");
        assertThat(ours).containsPattern("(?s)threshold.*(\\n    \\d\\.\\d: \\d\\.\\d{3}, \\d\\.\\d{3}, \\d\\.\\d{3}){8}");
        // the baseline ran, or the line says why not (scikit-learn is not part of the build)
        assertThat(printed.substring(ours.length())).containsPattern("(?s)TF-IDF.*(accuracy \\d\\.\\d{3}.*){3}|not run");
    }
}
