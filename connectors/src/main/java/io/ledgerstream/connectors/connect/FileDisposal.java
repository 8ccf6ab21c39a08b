package io.ledgerstream.connectors.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Moves a file out of the watched directory once the task is done with it: into the finished
 * directory with {@code <name>.report.txt} beside it, or into the failed directory with
 * {@code <name>.error.txt}. A name already taken there gets a counter ({@code march-1.csv}), so an
 * earlier file is never overwritten. The note is written before the move: a crash in between
 * leaves the file in place to be handled again, never a moved file without its note.
 */
final class FileDisposal {

    private final Path finished;
    private final Path failed;

    FileDisposal(Path finished, Path failed) {
        this.finished = finished;
        this.failed = failed;
    }

    void createDirectories() {
        try {
            Files.createDirectories(finished);
            Files.createDirectories(failed);
        } catch (IOException e) {
            throw new ConnectException("cannot create " + finished + " or " + failed + ": " + e.getMessage(), e);
        }
    }

    /** Moves {@code file} to the finished directory with its report; returns where it went. */
    Path finished(Path file, String report) {
        return moveWithNote(file, finished, ".report.txt", report);
    }

    /** Moves {@code file} to the failed directory with the reason; returns where it went. */
    Path failed(Path file, String reason) {
        return moveWithNote(file, failed, ".error.txt", reason);
    }

    private static Path moveWithNote(Path file, Path directory, String noteSuffix, String note) {
        Path target = freeName(directory, file.getFileName().toString(), noteSuffix);
        try {
            Files.writeString(target.resolveSibling(target.getFileName() + noteSuffix), note, StandardCharsets.UTF_8);
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // another file system: a copy and delete, which a crash may leave half done (the file stays)
                Files.move(file, target);
            }
            return target;
        } catch (NoSuchFileException e) {
            if (Files.notExists(file)) {
                return target; // someone removed it meanwhile: nothing to move, the note says what became of it
            }
            throw cannotMove(file, target, e);
        } catch (IOException e) {
            throw cannotMove(file, target, e);
        }
    }

    private static ConnectException cannotMove(Path file, Path target, IOException e) {
        return new ConnectException("cannot move " + file + " to " + target + ": " + e.getMessage(), e);
    }

    private static Path freeName(Path directory, String name, String noteSuffix) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        Path candidate = directory.resolve(name);
        for (int counter = 1; Files.exists(candidate) || Files.exists(directory.resolve(candidate.getFileName()
                + noteSuffix)); counter++) {
            candidate = directory.resolve(stem + "-" + counter + extension);
        }
        return candidate;
    }
}
