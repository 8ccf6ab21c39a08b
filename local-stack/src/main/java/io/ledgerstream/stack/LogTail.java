package io.ledgerstream.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The end of a log file, quoted in error messages so a failed start explains itself. */
final class LogTail {

    private static final int TAIL_BYTES = 8192;

    private LogTail() {
    }

    /** The last 8 KiB of {@code logFile}, from the first full line on; a note if it cannot be read. */
    static String of(final Path logFile) {
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            final long start = Math.max(0, channel.size() - TAIL_BYTES);
            final ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the buffer is full
            }
            final String tail = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            return start == 0 ? tail : tail.substring(tail.indexOf('\n') + 1);
        } catch (IOException e) {
            return "(cannot read the log: " + e + ")";
        }
    }
}
