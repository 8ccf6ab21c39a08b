package io.ledgerstream.connectors.fuzz;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementParser;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds one statement parser to its contract on fuzzer input. The bytes, written to a file, either
 * parse into a {@link ParseResult} that keeps the {@link ResultInvariants}, or are refused with a
 * {@link StatementRefusedException} that says why. Anything else is a finding: any other exception
 * or error (an {@link IOException} included: the file exists and is readable), and a parse that
 * takes longer than {@link #HANG}.
 *
 * <p>The parse runs on a worker thread so that a hang fails the input at once, with the worker's
 * stack as the failure's, rather than stalling the run until libFuzzer's 20-minute timeout kills
 * the JVM.
 */
final class ParserContract implements AutoCloseable {

    /** Far longer than a parse of a fuzz input (tens of kilobytes at most) takes, even on a busy 2-core machine. */
    static final Duration HANG = Duration.ofSeconds(10);
    /**
     * The first input also loads and initializes, under Jazzer's instrumentation, every class the
     * parse touches (the Avro schema of {@code RawTransaction} among them): seconds on a busy
     * machine, which is no hang of the parser.
     */
    static final Duration FIRST_INPUT = Duration.ofSeconds(60);

    private final String name;
    private final StatementParser parser;
    private final ImportOptions options;
    private final String fileSuffix;
    private Path file;
    private Thread workerThread;
    private ExecutorService worker = newWorker();
    private long parsed;
    private long refused;

    /**
     * @param name       how the summary names the parser
     * @param fileSuffix the end of the input file's name, as a user's file would be named
     */
    ParserContract(String name, StatementParser parser, ImportOptions options, String fileSuffix) {
        this.name = name;
        this.parser = parser;
        this.options = options;
        this.fileSuffix = fileSuffix;
    }

    /** Parses {@code statement}; returns when the parser kept its contract, throws the finding otherwise. */
    void check(byte[] statement) throws Throwable {
        Path input = file();
        Files.write(input, statement);
        Future<ParseResult> parse = worker.submit(() -> parser.parse(input, options));
        Duration limit = parsed + refused == 0 ? FIRST_INPUT : HANG;
        ParseResult result;
        try {
            result = parse.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException hang) {
            throw hangAt(parse, limit);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof StatementRefusedException refusal) {
                requireReason(refusal);
                refused++;
                return;
            }
            throw failed.getCause();
        }
        ResultInvariants.check(result);
        parsed++;
    }

    /** Prints how many inputs were tried (the build log's proof that fuzzing ran), deletes the input file. */
    @Override
    public void close() throws IOException {
        System.out.printf("%s parser fuzzed: %d executions, %d parsed, %d refused%n", name, parsed + refused,
                parsed, refused);
        worker.shutdownNow();
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private Path file() throws IOException {
        if (file == null) {
            file = Files.createTempFile("ledgerstream-fuzz-", fileSuffix);
        }
        return file;
    }

    private AssertionError hangAt(Future<ParseResult> parse, Duration limit) {
        AssertionError hang = new AssertionError(name + " parser still busy after " + limit.toSeconds()
                + " s: a hang (the stack is where it was)");
        hang.setStackTrace(workerThread.getStackTrace());
        parse.cancel(true);
        worker.shutdownNow();
        worker = newWorker();
        return hang;
    }

    private void requireReason(StatementRefusedException refusal) {
        if (refusal.getMessage() == null || refusal.getMessage().isBlank()) {
            throw new AssertionError(name + " parser refused a file without saying why", refusal);
        }
    }

    private ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(task -> {
            workerThread = new Thread(task, "fuzzed-" + name + "-parse");
            workerThread.setDaemon(true);
            return workerThread;
        });
    }
}
