package io.ledgerstream.launcher;

import java.nio.file.Path;

/** The repository root, which {@code ./ledgerstream} passes as {@code -Dledgerstream.home}. */
final class ProjectHome {

    private ProjectHome() {
    }

    static Path path() {
        return Path.of(System.getProperty("ledgerstream.home", ".")).toAbsolutePath().normalize();
    }
}
