package io.ledgerstream.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of a child JVM: our own java binary, class-data sharing, and {@link OrphanGuard}
 * in front of the real main class.
 */
final class ChildJvm {

    private final List<String> command;
    private final ClassDataSharing classDataSharing;

    private ChildJvm(final List<String> command, final ClassDataSharing classDataSharing) {
        this.command = command;
        this.classDataSharing = classDataSharing;
    }

    /**
     * @param name a short name, used for the class-data-sharing archive
     * @param jvmOptions heap size, system properties and the like
     * @param classpath the child's classpath; the {@link LauncherJar} is appended
     * @param mainClass the class whose {@code main} the child runs
     * @param args the arguments of that {@code main}
     */
    static ChildJvm of(final String name, final List<String> jvmOptions, final List<Path> classpath,
            final String mainClass, final List<String> args) {
        final List<Path> fullClasspath = new ArrayList<>(classpath);
        fullClasspath.add(LauncherJar.path());
        final String java = javaBinary();
        final ClassDataSharing classDataSharing = ClassDataSharing.forChild(name, java, fullClasspath);

        final List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(classDataSharing.jvmOptions());
        command.add("-cp");
        command.add(fullClasspath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(OrphanGuard.class.getName());
        command.add(mainClass);
        command.addAll(args);
        return new ChildJvm(List.copyOf(command), classDataSharing);
    }

    /**
     * The jars on this JVM's classpath (Surefire is set up to pass the real one, not a manifest jar).
     * Directories such as {@code target/classes} are left out: a child needs none of them, and their
     * presence would stop class-data sharing.
     */
    static List<Path> ownJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .map(Path::of)
                .filter(Files::isRegularFile)
                .toList();
    }

    /** The java binary of this JVM, so children run on the same JDK. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    List<String> command() {
        return command;
    }

    /**
     * To be called once the child has exited.
     *
     * @param healthy whether it was ready and still running until it was told to stop
     */
    void exited(final boolean healthy) {
        classDataSharing.childExited(healthy);
    }
}
