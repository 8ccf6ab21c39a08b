package io.ledgerstream.connectors.connect;

import io.ledgerstream.connectors.importer.ImportReport;
import io.ledgerstream.connectors.importer.Importer;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.connectors.importer.UnknownFormatException;
import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.schemas.registry.HttpSchemaRegistryClient;
import io.ledgerstream.schemas.registry.SchemaRegistryClient;
import io.ledgerstream.schemas.serde.AvroSerdes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the watched directory one file at a time: parses it, emits its transactions in batches,
 * each record carrying the file as source partition and its index as offset, and moves the file to
 * the finished directory once Kafka has acknowledged every record ({@link #commitRecord}). A file
 * seen before resumes after its last committed offset. A file refused as a whole goes to the failed
 * directory with the reason; a bad row is only reported.
 */
public final class StatementDirectorySourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(StatementDirectorySourceTask.class);

    /** The importer's messages name its command-line options; say what they are called here. */
    private static final String OPTIONS_HINT = "(the importer's --format, --currency and --account are this"
            + " connector's format, currency and account.id settings)\n";

    private final Time time;
    private final Function<String, SchemaRegistryClient> registries;
    private final Importer importer = Importer.withBuiltInFormats();
    private final Deque<Path> ready = new ArrayDeque<>();
    /** Woken when the current file's last record is acknowledged, and on stop. */
    private final Object wakeUp = new Object();

    private StatementDirectorySourceConfig config;
    private DirectoryScan scan;
    private FileDisposal disposal;
    private RecordEncoder encoder;
    private long nextScanAt;
    private volatile StatementInProgress current;
    private volatile boolean stopping;

    /** What the worker instantiates: the system clock and the registry over HTTP. */
    public StatementDirectorySourceTask() {
        this(Time.SYSTEM, HttpSchemaRegistryClient::new);
    }

    /** For tests: a clock and a registry client made from {@code schema.registry.url}. */
    StatementDirectorySourceTask(Time time, Function<String, SchemaRegistryClient> registries) {
        this.time = time;
        this.registries = registries;
    }

    @Override
    public String version() {
        return ConnectorVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new StatementDirectorySourceConfig(props);
        if (!Files.isDirectory(config.directory())) {
            throw new ConnectException(StatementDirectorySourceConfig.DIRECTORY + " " + config.directory()
                    + " is not a directory");
        }
        scan = new DirectoryScan(config.directory());
        disposal = new FileDisposal(config.finishedDirectory(), config.failedDirectory());
        disposal.createDirectories();
        encoder = new RecordEncoder(config.topic(),
                new AvroSerdes(registries.apply(config.schemaRegistryUrl())).value(RawTransaction.class));
        nextScanAt = time.milliseconds();
        LOG.info("Watching {} for statements of user {}, publishing to {}", config.directory(), config.userId(),
                config.topic());
    }

    /**
     * The next batch of the current file, or after it the next file's first batch; {@code null} after
     * waiting up to a poll interval when there is nothing to send yet.
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        while (!stopping) {
            StatementInProgress file = current;
            if (file != null) {
                if (file.hasMoreToEmit()) {
                    return file.nextBatch(config.batchSize(), encoder);
                }
                if (!file.isComplete()) {
                    pause(config.pollIntervalMs(), file::isComplete);
                    return null;
                }
                Path movedTo = disposal.finished(file.file(), file.report(config.topic()));
                LOG.info("Published {}; moved it to {}", file.file().getFileName(), movedTo);
                current = null;
            }
            Path next = nextReadyFile();
            if (next == null) {
                pause(nextScanAt - time.milliseconds(), () -> false);
                return null;
            }
            current = open(next);
        }
        return null;
    }

    /** Counts the acknowledgement against the current file, and wakes {@link #poll} at the file's last one. */
    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        StatementInProgress file = current;
        if (file != null && file.partition().equals(record.sourcePartition()) && file.acknowledge()) {
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
        }
    }

    @Override
    public void stop() {
        stopping = true;
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private Path nextReadyFile() {
        if (ready.isEmpty() && time.milliseconds() >= nextScanAt) {
            nextScanAt = time.milliseconds() + config.pollIntervalMs();
            try {
                ready.addAll(scan.readyFiles());
            } catch (IOException e) {
                throw new ConnectException("cannot list " + config.directory() + ": " + e.getMessage(), e);
            }
        }
        return ready.poll();
    }

    /** Parses a file and finds where to resume; {@code null} when it was refused (and moved) or is gone. */
    private StatementInProgress open(Path file) {
        String name = file.getFileName().toString();
        try {
            String sha256 = ContentHash.sha256(file);
            ImportReport parsed = importer.parse(file, config.format(), config.importOptions());
            if (parsed.nothingParsed()) {
                return refuse(file, "nothing in " + name + " could be imported\n\n" + parsed.render());
            }
            Map<String, String> partition = FileOffsets.partition(config.directory(), name, sha256);
            long resumeAt = FileOffsets.firstUncommitted(context.offsetStorageReader(), partition);
            LOG.info("Publishing {} ({} transactions, format {}) from index {}", name, parsed.toPublish().size(),
                    parsed.format(), resumeAt);
            return new StatementInProgress(file, partition, parsed, resumeAt);
        } catch (NoSuchFileException e) {
            LOG.info("{} disappeared before it was read; skipped", name);
            return null;
        } catch (UnknownFormatException e) {
            return refuse(file, e.getMessage());
        } catch (StatementRefusedException e) {
            return refuse(file, name + " refused: " + e.getMessage());
        } catch (IOException e) {
            return refuse(file, "cannot read " + name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // a parser's bug on one odd file must not stop the directory; the stack trace goes to the log
            LOG.error("Parsing {} failed unexpectedly", name, e);
            return refuse(file, "parsing " + name + " failed unexpectedly: " + e);
        }
    }

    private StatementInProgress refuse(Path file, String reason) {
        Path movedTo = disposal.failed(file, (reason.endsWith("\n") ? reason : reason + "\n") + OPTIONS_HINT);
        LOG.warn("Moved {} to {}: {}", file.getFileName(), movedTo, reason.lines().findFirst().orElse(""));
        return null;
    }

    /** Waits up to {@code millis} until {@code done}, a stop, or an acknowledgement wakes it. */
    private void pause(long millis, BooleanSupplier done) throws InterruptedException {
        long deadline = time.milliseconds() + millis;
        synchronized (wakeUp) {
            for (long left = millis; left > 0 && !stopping && !done.getAsBoolean(); left = deadline - time.milliseconds()) {
                wakeUp.wait(left);
            }
        }
    }
}
