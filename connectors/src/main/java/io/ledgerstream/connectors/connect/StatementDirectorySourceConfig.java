package io.ledgerstream.connectors.connect;

import io.ledgerstream.connectors.importer.CurrencyCodes;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.StatementFormats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.NonEmptyString;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of {@link StatementDirectorySourceConnector}, declared in one {@link ConfigDef} and
 * read through this {@link AbstractConfig}. docs/kafka-connect.md lists the same keys.
 */
public final class StatementDirectorySourceConfig extends AbstractConfig {

    public static final String DIRECTORY = "directory";
    public static final String FINISHED_DIRECTORY = "finished.directory";
    public static final String FAILED_DIRECTORY = "failed.directory";
    public static final String USER_ID = "user.id";
    public static final String ACCOUNT_ID = "account.id";
    public static final String CURRENCY = "currency";
    public static final String FORMAT = "format";
    public static final String TOPIC = "topic";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String BATCH_SIZE = "batch.size";

    public static final String DEFAULT_TOPIC = "transactions.raw";
    public static final String DEFAULT_REGISTRY_URL = "http://127.0.0.1:8081/apis/ccompat/v7";

    /** Every key with its type, default, validator and documentation. */
    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(DIRECTORY, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "The directory watched for statement files. Only regular files directly inside it are read;"
                            + " names starting with '.' or ending in .part or .tmp are ignored, and a file is picked up"
                            + " only once its size and modification time are the same in two scans in a row.")
            .define(FINISHED_DIRECTORY, Type.STRING, "", Importance.MEDIUM,
                    "Where a file goes once every one of its transactions is acknowledged by Kafka, with"
                            + " <name>.report.txt beside it. Default: <directory>/finished.")
            .define(FAILED_DIRECTORY, Type.STRING, "", Importance.MEDIUM,
                    "Where a file refused as a whole goes (unknown format, not a statement, unreadable, no row"
                            + " parsed), with <name>.error.txt saying why. Default: <directory>/failed.")
            .define(USER_ID, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new NonEmptyString(), Importance.HIGH,
                    "The user who owns every file in this directory: the record key and the transactions'"
                            + " userId. A JSON Lines row naming another user is reported, not published.")
            .define(ACCOUNT_ID, Type.STRING, "", Importance.LOW,
                    "The account id of rows whose file names none. Empty: none.")
            .define(CURRENCY, Type.STRING, "", currencyValidator(), Importance.MEDIUM,
                    "ISO 4217 code for files that name no currency (QIF, most CSV exports); a file that needs"
                            + " one and has none is refused. Empty: none.")
            .define(FORMAT, Type.STRING, StatementFormats.AUTO, formatValidator(), Importance.MEDIUM,
                    "The statement format of every file, or 'auto' to pick by extension, then content.")
            .define(TOPIC, Type.STRING, DEFAULT_TOPIC, new NonEmptyString(), Importance.MEDIUM,
                    "The topic the transactions go to, keyed by user id. Create it before starting the connector.")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, DEFAULT_REGISTRY_URL, new NonEmptyString(), Importance.HIGH,
                    "Base URL of a Confluent-compatible schema registry. The task writes each RawTransaction in"
                            + " the Confluent wire format itself, registering the subject <topic>-value there.")
            .define(POLL_INTERVAL_MS, Type.LONG, 1000L, Range.atLeast(10), Importance.LOW,
                    "How often the directory is scanned for new files, in milliseconds.")
            .define(BATCH_SIZE, Type.INT, 500, Range.between(1, 100_000), Importance.LOW,
                    "The most records handed to the worker in one poll.");

    public StatementDirectorySourceConfig(Map<String, String> properties) {
        super(CONFIG_DEF, properties);
        if (finishedDirectory().equals(directory()) || failedDirectory().equals(directory())) {
            throw new ConfigException(FINISHED_DIRECTORY + " and " + FAILED_DIRECTORY + " must differ from "
                    + DIRECTORY + " (" + directory() + ")");
        }
    }

    /** The watched directory, absolute and normalized: it names the files' source partitions. */
    public Path directory() {
        return Path.of(getString(DIRECTORY)).toAbsolutePath().normalize();
    }

    public Path finishedDirectory() {
        return orUnderDirectory(FINISHED_DIRECTORY, "finished");
    }

    public Path failedDirectory() {
        return orUnderDirectory(FAILED_DIRECTORY, "failed");
    }

    /** What the parsers are told about every file: its owner, default account and currency. */
    public ImportOptions importOptions() {
        return new ImportOptions(getString(USER_ID), getString(ACCOUNT_ID), getString(CURRENCY));
    }

    public String userId() {
        return importOptions().userId();
    }

    public String format() {
        return getString(FORMAT);
    }

    public String topic() {
        return getString(TOPIC);
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    public long pollIntervalMs() {
        return getLong(POLL_INTERVAL_MS);
    }

    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    private Path orUnderDirectory(String key, String defaultName) {
        String configured = getString(key);
        return configured.isBlank() ? directory().resolve(defaultName)
                : Path.of(configured).toAbsolutePath().normalize();
    }

    private static ConfigDef.Validator currencyValidator() {
        return (name, value) -> {
            String code = (String) value;
            if (code != null && !code.isBlank() && CurrencyCodes.normalize(code).isEmpty()) {
                throw new ConfigException(name, value, "not an ISO 4217 currency code");
            }
        };
    }

    private static ConfigDef.Validator formatValidator() {
        List<String> formats = new ArrayList<>();
        formats.add(StatementFormats.AUTO);
        formats.addAll(StatementFormats.builtIn().names());
        return ValidString.in(formats.toArray(String[]::new));
    }
}
