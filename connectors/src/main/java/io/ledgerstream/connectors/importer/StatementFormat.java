package io.ledgerstream.connectors.importer;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One statement format the importer knows: its {@code --format} name, the file extensions and
 * content that identify it for {@code --format auto}, and its parser.
 *
 * @param name        the {@code --format} value, lower case
 * @param extensions  file extensions, without the dot, that mean this format
 * @param recognizes  whether the first kilobytes of a file look like this format
 */
public record StatementFormat(String name, List<String> extensions, Predicate<String> recognizes,
                              StatementParser parser) {

    public StatementFormat {
        extensions = List.copyOf(extensions);
    }

    /** Whether {@code fileName} ends in one of this format's extensions, in any case. */
    public boolean matchesExtension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(extension -> lower.endsWith("." + extension));
    }
}
