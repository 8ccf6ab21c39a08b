package io.ledgerstream.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Apicurio Registry distribution ({@code io.apicurio:apicurio-registry-app:3.0.9:zip:all}):
 * found on disk and unpacked once into {@code ~/.cache/ledgerstream/}.
 */
final class ApicurioDistribution {

    static final String VERSION = "3.0.9";
    /** A system property naming the zip, ahead of every other place it is looked for. */
    static final String ZIP_PROPERTY = "ledgerstream.apicurio.zip";

    private static final String ZIP_NAME = "apicurio-registry-app-" + VERSION + "-all.zip";

    private final Path runnerJar;
    private final String mainClass;

    private ApicurioDistribution(final Path runnerJar, final String mainClass) {
        this.runnerJar = runnerJar;
        this.mainClass = mainClass;
    }

    /** Unpacks the zip if not done before, and finds the runner jar inside. */
    static ApicurioDistribution unpacked() {
        final Path home = UserCache.root().resolve("apicurio-registry-" + VERSION);
        if (!Files.isDirectory(home)) {
            unpackOnce(locateZip(), home);
        }
        try (Stream<Path> files = Files.list(home)) {
            final Path runner = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new LocalStackException("no *-runner.jar in " + home
                            + ": delete that directory to unpack the distribution again"));
            try (JarFile jar = new JarFile(runner.toFile())) {
                return new ApicurioDistribution(runner, jar.getManifest().getMainAttributes().getValue("Main-Class"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Apicurio distribution in " + home, e);
        }
    }

    /** The Quarkus runner jar; its manifest puts {@code lib/} on the classpath. */
    Path runnerJar() {
        return runnerJar;
    }

    /** The runner jar's main class. */
    String mainClass() {
        return mainClass;
    }

    static Path locateZip() {
        final String property = System.getProperty(ZIP_PROPERTY);
        if (property != null && !property.isBlank()) {
            final Path zip = Path.of(property);
            if (!Files.isRegularFile(zip)) {
                throw new LocalStackException(ZIP_PROPERTY + " names " + zip + ", which does not exist");
            }
            return zip;
        }
        final Optional<Path> onClasspath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).filter(p -> p.getFileName() != null && p.getFileName().toString().equals(ZIP_NAME))
                .filter(Files::isRegularFile).findFirst();
        final Path inMavenRepository = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "apicurio",
                "apicurio-registry-app", VERSION, ZIP_NAME);
        return onClasspath.or(() -> Optional.of(inMavenRepository).filter(Files::isRegularFile))
                .orElseThrow(() -> new LocalStackException("cannot find " + ZIP_NAME + ": build the local-stack "
                        + "module once (it downloads it into " + inMavenRepository.getParent() + ") or set -D"
                        + ZIP_PROPERTY + "=<path>"));
    }

    /**
     * Unpacks {@code zip} into {@code target} unless that exists. The tree appears at once: it is
     * unpacked into a sibling directory first and renamed, so concurrent JVMs never see half of it.
     */
    static Path unpackOnce(final Path zip, final Path target) {
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            final Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
            try {
                unzip(zip, staging);
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
                // another JVM got there first: use its tree
            } finally {
                DataDirectory.deleteRecursively(staging);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + target, e);
        }
    }

    private static void unzip(final Path zip, final Path into) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            final Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                final ZipEntry entry = entries.nextElement();
                final Path destination = into.resolve(entry.getName()).normalize();
                if (!destination.startsWith(into)) {
                    throw new IOException("zip entry outside the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, destination);
                    }
                }
            }
        }
    }
}
