package io.ledgerstream.connectors.connect;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.converters.ByteArrayConverter;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.ConnectorTaskId;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A real Kafka Connect standalone worker in this JVM, built exactly as {@code connect-standalone.sh}
 * builds it ({@link ConnectStandalone#startConnect}: plugins, REST server, worker with a
 * {@code FileOffsetBackingStore}, {@code StandaloneHerder}), with its offsets in a file the test
 * names so a second worker can resume from them. Plugins come from the test class path (the
 * connector's {@code META-INF/services} manifest), so no {@code plugin.path} is needed.
 */
final class StandaloneWorker implements AutoCloseable {

    private final Connect<StandaloneHerder> connect;

    private StandaloneWorker(Connect<StandaloneHerder> connect) {
        this.connect = connect;
    }

    static StandaloneWorker start(String bootstrapServers, Path offsetFile) {
        Map<String, String> workerProperties = Map.of(
                "bootstrap.servers", bootstrapServers,
                "key.converter", StringConverter.class.getName(),
                "value.converter", ByteArrayConverter.class.getName(),
                "offset.storage.file.filename", offsetFile.toString(),
                // only a clean stop flushes offsets in these tests: what the resume test relies on
                "offset.flush.interval.ms", "60000",
                "listeners", "http://127.0.0.1:0",
                // the class path has service manifests for every plugin used: no reflective scan
                "plugin.discovery", "service_load");
        // startConnect calls Exit.exit when the worker fails to start: fail the test instead of the JVM
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("Connect worker exited with status " + status + ": " + message);
        });
        ClassLoader testLoader = Thread.currentThread().getContextClassLoader();
        try {
            return new StandaloneWorker(new ConnectStandalone().startConnect(workerProperties));
        } finally {
            // the worker swaps in its plugin class loader for the calling thread; give the test its own back
            Thread.currentThread().setContextClassLoader(testLoader);
            Exit.resetExitProcedure();
        }
    }

    /** Creates a connector as a connector properties file on the command line would, and waits until it is created. */
    void createConnector(String name, Map<String, String> config) throws Exception {
        FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
        connect.herder().putConnectorConfig(name, config, false, created);
        created.get(30, TimeUnit.SECONDS);
    }

    /** The state of the connector's only task ({@code RUNNING}, {@code FAILED}, ...) and its trace, if any. */
    String taskState(String connector) {
        try {
            ConnectorStateInfo.TaskState task = connect.herder().taskStatus(new ConnectorTaskId(connector, 0));
            return task.state() + (task.trace() == null ? "" : ": " + task.trace());
        } catch (NotFoundException e) {
            return "not created yet";
        }
    }

    /** A clean stop: the tasks stop, in-flight records are acknowledged and their offsets flushed. */
    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
