package io.ledgerstream.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code ~/.cache/ledgerstream/}: what the local stack derives once and reuses across runs. */
final class UserCache {

    private UserCache() {
    }

    /** The cache itself; not created here. */
    static Path root() {
        return Path.of(System.getProperty("user.home"), ".cache", "ledgerstream");
    }

    /** A directory under the cache, created if needed. */
    static Path dir(final String name) {
        final Path dir = root().resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cache directory " + dir, e);
        }
        return dir;
    }

    /**
     * Moves a finished file into place in one step, so concurrent JVMs see the whole file or none;
     * one that is there already (written by another JVM, same content) is replaced.
     */
    static void publish(final Path finished, final Path target) throws IOException {
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
