package io.ledgerstream.connectors.connect;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the statement files of the watched directory that are ready to read.
 *
 * <p>A file still being written must not be read half-way, so two rules apply, both: names that
 * writers use while writing are ignored (starting with '.', ending in {@code .part} or {@code .tmp},
 * in any case), and any other file is ready only once its size and modification time are the same
 * in two scans in a row. Only regular files directly inside the directory count, so the finished
 * and failed subdirectories are never read. Ready files come oldest first (then by name), the
 * order in which statements arrived.
 */
final class DirectoryScan {

    private final Path directory;
    private Map<Path, Snapshot> previous = Map.of();

    DirectoryScan(Path directory) {
        this.directory = directory;
    }

    /** What one scan saw of a file. */
    private record Snapshot(long size, FileTime modified) {
    }

    /** Scans once: the files that have not changed since the previous scan. */
    List<Path> readyFiles() throws IOException {
        Map<Path, Snapshot> seen = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, DirectoryScan::mayBeStatement)) {
            for (Path entry : entries) {
                BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class);
                if (attributes.isRegularFile()) {
                    seen.put(entry, new Snapshot(attributes.size(), attributes.lastModifiedTime()));
                }
            }
        }
        List<Path> ready = new ArrayList<>();
        seen.forEach((file, now) -> {
            if (now.equals(previous.get(file))) {
                ready.add(file);
            }
        });
        ready.sort(Comparator.comparing((Path file) -> seen.get(file).modified()).thenComparing(Path::getFileName));
        previous = seen;
        return ready;
    }

    /** Whether a name may be a finished statement rather than a file still being written. */
    static boolean mayBeStatement(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !lower.endsWith(".part") && !lower.endsWith(".tmp");
    }
}
