package io.ledgerstream.connectors.importer;

import io.ledgerstream.connectors.kafka.TransactionalPublisher;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Publishes a file's transactions while the parser is still reading it. The parser's thread hands
 * them over in batches, through a short queue, to one publishing thread, which drops the rows the
 * file repeats, checks the currency and sends them into one Kafka transaction; parsing and
 * publishing (serializing, compressing, sending) then run on a core each instead of one after the
 * other. Nothing is visible to the pipeline before {@link #finish} commits, and every failure, on
 * either side, ends in an abort: a file is still published whole or not at all.
 *
 * <p>Use: pass this as the {@link ParseListener} of the parse, then call {@link #finish} after a
 * parse that ended normally; {@link #close} in every case (it aborts what was not committed).
 */
final class PublishAsParsed implements ParseListener, AutoCloseable {

    /** Transactions per hand-over: one queue operation per batch, not per row. */
    private static final int BATCH = 1_000;
    /** Batches waiting at most: bounds the memory a slow broker can make the parse hold. */
    private static final int QUEUED_BATCHES = 16;

    private record Batch(List<RawTransaction> transactions, int rowsRead, boolean last) {
    }

    /** What was published: rows dropped as repeats of earlier ones, and records the commit acknowledged. */
    record Outcome(int repeats, long committed) {
    }

    private final Supplier<? extends TransactionalPublisher<String, RawTransaction>> publishers;
    private final String currency;
    private final PublishProgress progress;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread publishing = new Thread(runnable, "ledgerstream-import-publish");
        publishing.setDaemon(true);
        return publishing;
    });
    private final Future<Outcome> outcome;
    private volatile boolean commit;
    private List<RawTransaction> batch = new ArrayList<>(BATCH);
    private volatile long rowsTotal = PublishProgress.UNKNOWN;
    private boolean ended;

    /**
     * @param publishers opened on the publishing thread at the first transaction to publish, closed there
     * @param currency   the currency the user gave, which every transaction must state; {@code null} for any
     */
    PublishAsParsed(Supplier<? extends TransactionalPublisher<String, RawTransaction>> publishers,
                    String currency, PublishProgress progress) {
        this.publishers = publishers;
        this.currency = currency;
        this.progress = progress;
        this.outcome = thread.submit(this::publish);
    }

    @Override
    public void transaction(RawTransaction transaction, int rowsRead) {
        batch.add(transaction);
        if (batch.size() == BATCH) {
            handOver(new Batch(batch, rowsRead, false));
            batch = new ArrayList<>(BATCH);
        }
    }

    @Override
    public void rowsExpected(int rows) {
        rowsTotal = rows;
    }

    /**
     * Hands over the rest, waits for every send and commits.
     *
     * @param rowsRead the rows the parse read in all
     * @throws StatementRefusedException if a transaction states another currency than the user gave
     * @throws io.ledgerstream.connectors.kafka.PublishException if publishing or the commit failed
     */
    Outcome finish(int rowsRead) {
        commit = true;
        end(rowsRead);
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("publishing failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        }
    }

    /** Without a {@link #finish}, ends publishing uncommitted: the open transaction is aborted. */
    @Override
    public void close() {
        end(0);
        try {
            outcome.get();
        } catch (ExecutionException e) {
            // already thrown by finish, or the parse failed first and its exception is the one to see
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.shutdown();
        }
    }

    private void end(int rowsRead) {
        if (!ended) {
            ended = true;
            handOver(new Batch(batch, rowsRead, true));
            batch = List.of();
        }
    }

    private void handOver(Batch next) {
        try {
            while (!queue.offer(next, 100, TimeUnit.MILLISECONDS)) {
                if (outcome.isDone()) {
                    return; // the publishing thread failed; finish or close reports why
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing transactions to the publisher", e);
        }
    }

    /** The publishing thread: until the last batch, then commit if told to, else abort. */
    private Outcome publish() throws InterruptedException {
        WithinFileDuplicates repeats = new WithinFileDuplicates();
        long published = 0;
        int repeated = 0;
        CurrencyAgreement currencies = new CurrencyAgreement(currency);
        TransactionalPublisher<String, RawTransaction> publisher = null;
        RuntimeException failure = null;
        try {
            Batch next;
            do {
                next = queue.take();
                for (RawTransaction transaction : next.transactions()) {
                    currencies.check(transaction);
                    if (failure != null || currencies.broken()) {
                        continue; // after a failure or a refusal, only drain the queue so the parse can end
                    }
                    if (repeats.repeats(transaction)) {
                        repeated++;
                        continue;
                    }
                    try {
                        if (publisher == null) {
                            publisher = publishers.get();
                        }
                        publisher.publish(transaction.getUserId(), transaction);
                        published++;
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
                progress.published(published, next.rowsRead(), rowsTotal);
            } while (!next.last());
            if (failure != null) {
                throw failure;
            }
            currencies.confirm();
            if (!commit || publisher == null) {
                return new Outcome(repeated, 0);
            }
            return new Outcome(repeated, publisher.commit());
        } finally {
            try {
                if (publisher != null) {
                    publisher.close(); // aborts unless committed
                }
            } finally {
                progress.done();
            }
        }
    }
}
