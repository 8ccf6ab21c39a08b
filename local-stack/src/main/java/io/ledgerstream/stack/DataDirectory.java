package io.ledgerstream.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The directory that holds a local stack's data, configuration and logs. It is marked as ours, so a
 * reset never wipes a directory that the stack did not create.
 */
final class DataDirectory {

    private static final String MARKER = ".ledgerstream-local-stack";

    private DataDirectory() {
    }

    /**
     * Creates the directory if needed, wiping it first when {@code reset} is set.
     *
     * @return the directory as an absolute path
     * @throws LocalStackException if a reset is asked for a directory with foreign content
     */
    static Path prepare(final Path dir, final boolean reset) {
        final Path root = dir.toAbsolutePath().normalize();
        try {
            if (reset && Files.exists(root)) {
                if (!Files.exists(root.resolve(MARKER)) && !isEmpty(root)) {
                    throw new LocalStackException("refusing to wipe " + root
                            + ": it is not empty and was not created by the local stack");
                }
                deleteRecursively(root);
            }
            Files.createDirectories(root);
            if (!Files.exists(root.resolve(MARKER))) {
                Files.writeString(root.resolve(MARKER), "Data of a Ledgerstream local stack: Kafka, registry, logs.\n");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + root, e);
        }
    }

    /** Deletes a directory tree; does nothing if it does not exist. */
    static void deleteRecursively(final Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static boolean isEmpty(final Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
