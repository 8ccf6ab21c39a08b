package io.ledgerstream.connectors.connect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, as Connect's REST API and logs show it for the connector and its task. */
final class ConnectorVersion {

    private static final String RESOURCE = "connector-version.properties";
    private static final String VERSION = load();

    private ConnectorVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ConnectorVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
