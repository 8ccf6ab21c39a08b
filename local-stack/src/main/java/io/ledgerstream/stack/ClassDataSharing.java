package io.ledgerstream.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Class-data sharing for a child JVM. The first run on a given JDK and classpath writes an archive of
 * the classes it loaded when it exits; later runs map that archive and start with little more than
 * half the CPU (measured here: the broker 4.0 s instead of 7.3 s, on 2 cores that is seconds of wall
 * time). Archives live in {@code ~/.cache/ledgerstream/cds/}; one unused for two weeks is deleted.
 *
 * <p>A child writes into a file of its own, published under the shared name only once it has exited,
 * so two JVMs starting at once never write into the same archive. {@code -Dledgerstream.cds=false}
 * turns the whole thing off.
 */
final class ClassDataSharing {

    static final String SWITCH_PROPERTY = "ledgerstream.cds";

    private static final Duration UNUSED_LIFETIME = Duration.ofDays(14);
    private static final Duration STAGING_LIFETIME = Duration.ofDays(1);

    private final List<String> jvmOptions;
    private final Path archive;
    private final Path staging;

    private ClassDataSharing(final List<String> jvmOptions, final Path archive, final Path staging) {
        this.jvmOptions = jvmOptions;
        this.archive = archive;
        this.staging = staging;
    }

    /**
     * @param name names the archive, for instance {@code kafka}
     * @param javaBinary the JVM that will run the child
     * @param classpath the child's classpath: jars only, or the JVM refuses to write an archive
     */
    static ClassDataSharing forChild(final String name, final String javaBinary, final List<Path> classpath) {
        if ("false".equalsIgnoreCase(System.getProperty(SWITCH_PROPERTY))) {
            return new ClassDataSharing(List.of(), null, null);
        }
        final Path dir = UserCache.dir("cds");
        removeStale(dir);
        final String key = name + "-" + hash(javaBinary + "\n" + System.getProperty("java.vm.version") + "\n" + classpath);
        final Path archive = dir.resolve(key + ".jsa");
        // warnings only: a dump lists every class it skips
        final String quiet = "-Xlog:cds*=error";
        if (Files.isRegularFile(archive)) {
            touch(archive);
            return new ClassDataSharing(List.of(quiet, "-XX:SharedArchiveFile=" + archive), archive, null);
        }
        final Path staging = dir.resolve(key + "." + UUID.randomUUID() + ".tmp");
        return new ClassDataSharing(List.of(quiet, "-XX:ArchiveClassesAtExit=" + staging), archive, staging);
    }

    /** The options that map the archive, or that write it at exit. */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    /**
     * Called once the child has exited: publishes the archive it wrote, if it wrote one during a
     * healthy run. A child that failed early has loaded only part of its classes; its archive is
     * thrown away so that the next run writes a complete one.
     *
     * @param healthy whether the child was ready and running until it was told to stop
     */
    void childExited(final boolean healthy) {
        if (staging == null) {
            return;
        }
        try {
            if (healthy && Files.isRegularFile(staging) && Files.size(staging) > 0) {
                UserCache.publish(staging, archive);
            } else {
                Files.deleteIfExists(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + archive, e);
        }
    }

    private static void removeStale(final Path dir) {
        final Instant now = Instant.now();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                final String fileName = file.getFileName().toString();
                final Duration lifetime = fileName.endsWith(".tmp") ? STAGING_LIFETIME : UNUSED_LIFETIME;
                if (Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(lifetime))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // a cache that cannot be tidied still works
        }
    }

    private static void touch(final Path archive) {
        try {
            Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // only the clean-up of unused archives depends on it
        }
    }

    private static String hash(final String text) {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
