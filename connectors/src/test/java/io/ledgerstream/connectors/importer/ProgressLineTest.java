package io.ledgerstream.connectors.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final long BIG = ProgressLine.MINIMUM_ROWS + 1;
    private static final long MS = 1_000_000L;

    private final StringWriter terminal = new StringWriter();
    private long now;
    private final ProgressLine progress = new ProgressLine(new PrintWriter(terminal), () -> now);

    @Test
    void shouldFormatPublishedAndRowsRead() {
        assertThat(ProgressLine.format(1230, 1234, 20000)).isEqualTo("published 1230, read 1234 of 20000 rows");
        assertThat(ProgressLine.format(1230, 1234, PublishProgress.UNKNOWN)).isEqualTo("published 1230");
    }

    @Test
    void shouldOverwriteOneLineAtMostEveryHundredMillisecondsAndAlwaysShowTheLastRow() {
        progress.published(1, 1, BIG);
        now += 50 * MS;
        progress.published(2, 2, BIG);
        now += 60 * MS;
        progress.published(3, 3, BIG);
        progress.published(BIG - 1, BIG, BIG);

        assertThat(terminal.toString()).isEqualTo("\rpublished 1, read 1 of 10001 rows"
                + "\rpublished 3, read 3 of 10001 rows\rpublished 10000, read 10001 of 10001 rows");
        assertThat(terminal.toString()).doesNotContain("\n");
    }

    @Test
    void shouldClearTheLineWhenDoneSoTheReportStartsClean() {
        progress.published(BIG, BIG, BIG);
        progress.done();

        assertThat(terminal.toString()).endsWith("\r" + " ".repeat("published 10001, read 10001 of 10001 rows".length()) + "\r");
    }

    @Test
    void shouldStayQuietOnSmallFiles() {
        progress.published(1, 1, ProgressLine.MINIMUM_ROWS);
        progress.published(ProgressLine.MINIMUM_ROWS, ProgressLine.MINIMUM_ROWS, ProgressLine.MINIMUM_ROWS);
        progress.done();

        assertThat(terminal.toString()).isEmpty();
    }

    @Test
    void shouldShowPublishedAloneOnceManyAreWhenTheRowsAreUnknown() {
        progress.published(ProgressLine.MINIMUM_ROWS, 20_000, PublishProgress.UNKNOWN);
        assertThat(terminal.toString()).isEmpty();

        progress.published(BIG, 20_001, PublishProgress.UNKNOWN);
        assertThat(terminal.toString()).isEqualTo("\rpublished 10001");
    }

    @Test
    void shouldShowNothingWhenNotATerminal() {
        // Surefire's forked JVM has no console, as a redirected run of the launcher has none
        assertThat(ProgressLine.forTerminal(new PrintWriter(terminal))).isSameAs(PublishProgress.NONE);
    }
}
