package io.ledgerstream.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A small jar holding the classes and resources that run inside the child JVMs ({@link OrphanGuard},
 * {@link KafkaServerMain}, the broker's logging setup), written once into the user cache.
 *
 * <p>Why a jar rather than our own classpath entry: in tests that entry is {@code target/classes},
 * and the JVM refuses to write a class-data-sharing archive for a classpath with a non-empty
 * directory on it (see {@link ClassDataSharing}).
 */
final class LauncherJar {

    static final String BROKER_LOGGING = "io/ledgerstream/stack/broker-logback.xml";

    private static final List<String> ENTRIES = List.of(
            classFile(OrphanGuard.class), classFile(KafkaServerMain.class), BROKER_LOGGING);

    private LauncherJar() {
    }

    /** The jar's path, written on first use; its name carries a hash of its content. */
    static synchronized Path path() {
        final Map<String, byte[]> content = content();
        final Path jar = UserCache.dir("launcher").resolve("local-stack-launcher-" + hash(content) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        try {
            final Path staging = Files.createTempFile(jar.getParent(), "launcher-", ".tmp");
            try (OutputStream out = Files.newOutputStream(staging); JarOutputStream jarOut = new JarOutputStream(out)) {
                for (Map.Entry<String, byte[]> entry : content.entrySet()) {
                    jarOut.putNextEntry(new JarEntry(entry.getKey()));
                    jarOut.write(entry.getValue());
                    jarOut.closeEntry();
                }
            }
            UserCache.publish(staging, jar);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + jar, e);
        }
    }

    private static Map<String, byte[]> content() {
        final Map<String, byte[]> content = new LinkedHashMap<>();
        for (String entry : ENTRIES) {
            try (InputStream in = LauncherJar.class.getClassLoader().getResourceAsStream(entry)) {
                if (in == null) {
                    throw new IllegalStateException("missing from the local-stack classes: " + entry);
                }
                content.put(entry, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + entry, e);
            }
        }
        return content;
    }

    private static String hash(final Map<String, byte[]> content) {
        try {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            content.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String classFile(final Class<?> type) {
        return type.getName().replace('.', '/') + ".class";
    }
}
