package io.ledgerstream.connectors.importer;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A single updating line {@code published N, read R of M rows} on a terminal, for files of more
 * than {@link #MINIMUM_ROWS} rows (or, when the parser cannot tell the rows, once more than that
 * many are published): each update returns to the start of the line ({@code \r}) and overwrites it,
 * at most once per {@link #INTERVAL_NANOS}, and the one that reads the last row is always shown;
 * {@link #done} clears the line so the report starts on a clean one.
 */
public final class ProgressLine implements PublishProgress {

    /** Files with more rows than this show progress. */
    public static final long MINIMUM_ROWS = 10_000;

    /** At most about ten updates a second: enough to look alive, cheap on a slow terminal. */
    static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter terminal;
    private final LongSupplier nanoClock;
    private long lastShownAt;
    private boolean shownOnce;
    private int width;

    ProgressLine(PrintWriter terminal, LongSupplier nanoClock) {
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    /**
     * Progress on {@code err} when it is an interactive terminal, else {@link PublishProgress#NONE},
     * so redirected output and logs never see carriage returns.
     */
    public static PublishProgress forTerminal(PrintWriter err) {
        return isInteractive() ? new ProgressLine(err, System::nanoTime) : NONE;
    }

    /** The text of one update. */
    static String format(long published, long rowsRead, long rowsTotal) {
        return rowsTotal == UNKNOWN ? String.format(Locale.ROOT, "published %d", published)
                : String.format(Locale.ROOT, "published %d, read %d of %d rows", published, rowsRead, rowsTotal);
    }

    @Override
    public void published(long published, long rowsRead, long rowsTotal) {
        if (rowsTotal == UNKNOWN ? published <= MINIMUM_ROWS : rowsTotal <= MINIMUM_ROWS) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (shownOnce && rowsRead != rowsTotal && now - lastShownAt < INTERVAL_NANOS) {
            return;
        }
        String text = format(published, rowsRead, rowsTotal);
        width = Math.max(width, text.length());
        terminal.print('\r' + text);
        terminal.flush();
        lastShownAt = now;
        shownOnce = true;
    }

    @Override
    public void done() {
        if (shownOnce) {
            terminal.print('\r' + " ".repeat(width) + '\r');
            terminal.flush();
        }
    }

    /**
     * Whether this JVM talks to a terminal. Up to Java 21 {@code System.console()} is {@code null}
     * when redirected; Java 22 to 24 may return a console anyway and added {@code Console.isTerminal()},
     * which we ask for when it exists (the code compiles for 21, hence reflection).
     */
    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
