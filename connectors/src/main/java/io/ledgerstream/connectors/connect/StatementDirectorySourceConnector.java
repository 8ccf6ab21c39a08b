package io.ledgerstream.connectors.connect;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A Kafka Connect source connector that watches a directory for bank statement files, parses them
 * with the importer's parsers, publishes their transactions to {@code transactions.raw} (Avro,
 * Confluent wire format, through the schema registry) keyed by user id, and moves each finished
 * file aside. One task: a directory is read in order by one reader. See docs/kafka-connect.md.
 */
public final class StatementDirectorySourceConnector extends SourceConnector {

    private Map<String, String> properties;

    @Override
    public String version() {
        return ConnectorVersion.get();
    }

    /** Checks the settings (a bad one fails the connector here, with the key named) and keeps them for the task. */
    @Override
    public void start(Map<String, String> props) {
        new StatementDirectorySourceConfig(props);
        this.properties = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return StatementDirectorySourceTask.class;
    }

    /** Always one task, whatever {@code tasks.max} says: two readers of one directory would race for its files. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(properties);
    }

    @Override
    public void stop() {
        // nothing to release: the task owns the directory and the registry client
    }

    @Override
    public ConfigDef config() {
        return StatementDirectorySourceConfig.CONFIG_DEF;
    }
}
