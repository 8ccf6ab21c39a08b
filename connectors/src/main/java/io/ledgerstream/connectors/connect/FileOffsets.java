package io.ledgerstream.connectors.connect;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * The source partitions and offsets of the connector. A partition is one file: the watched
 * directory, the file's name and the SHA-256 of its bytes, so a file replaced by another of the
 * same name is a new partition. Its offset is the index (in the file's list of transactions to
 * publish, from 0) of the last record emitted, so a restarted task resumes right after it.
 */
final class FileOffsets {

    static final String DIRECTORY = "directory";
    static final String FILE = "file";
    static final String SHA_256 = "sha256";
    static final String INDEX = "index";

    private FileOffsets() {
    }

    static Map<String, String> partition(Path directory, String fileName, String sha256) {
        return Map.of(DIRECTORY, directory.toString(), FILE, fileName, SHA_256, sha256);
    }

    static Map<String, Long> offset(long index) {
        return Map.of(INDEX, index);
    }

    /** The index of the first record not yet committed for {@code partition}: 0 for a file never seen. */
    static long firstUncommitted(OffsetStorageReader reader, Map<String, String> partition) {
        Map<String, Object> offset = reader.offset(partition);
        if (offset == null || offset.get(INDEX) == null) {
            return 0;
        }
        if (!(offset.get(INDEX) instanceof Number index)) {
            throw new ConnectException("stored offset of " + partition + " is not a number: " + offset);
        }
        return index.longValue() + 1;
    }
}
