package io.ledgerstream.connectors.importer;

import io.ledgerstream.connectors.camt.CamtParser;
import io.ledgerstream.connectors.csv.CsvStatementParser;
import io.ledgerstream.connectors.jsonl.JsonLinesParser;
import io.ledgerstream.connectors.mt940.Mt940Parser;
import io.ledgerstream.connectors.ofx.OfxStatementParser;
import io.ledgerstream.connectors.qif.QifParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The formats the importer knows, and how {@code --format} (or {@code auto}) picks one for a file. */
public final class StatementFormats {

    /** The {@code --format} value that picks by extension, then by content. */
    public static final String AUTO = "auto";

    private static final int SNIFF_BYTES = 4096;

    private final Map<String, StatementFormat> byName = new LinkedHashMap<>();

    public StatementFormats(List<StatementFormat> formats) {
        formats.forEach(format -> byName.put(format.name(), format));
    }

    /** Every format this build ships. */
    public static StatementFormats builtIn() {
        return new StatementFormats(List.of(JsonLinesParser.FORMAT, OfxStatementParser.FORMAT, QifParser.FORMAT,
                Mt940Parser.FORMAT, CamtParser.FORMAT, CsvStatementParser.FORMAT));
    }

    /** The format names, for help and error messages. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /**
     * The format for {@code file}: the one named, or with {@code auto} the one whose extension the
     * file has, else the one its first kilobytes look like.
     *
     * @throws UnknownFormatException if the name is unknown or auto cannot tell
     * @throws IOException            if auto needs to look inside and cannot read the file
     */
    public StatementFormat resolve(String requested, Path file) throws IOException {
        String name = requested == null ? AUTO : requested.strip().toLowerCase(Locale.ROOT);
        if (!AUTO.equals(name)) {
            return Optional.ofNullable(byName.get(name)).orElseThrow(() -> new UnknownFormatException(
                    "unknown format '" + requested + "'; known formats: " + AUTO + ", " + String.join(", ", names())));
        }
        String fileName = file.getFileName().toString();
        for (StatementFormat format : byName.values()) {
            if (format.matchesExtension(fileName)) {
                return format;
            }
        }
        String head = head(file);
        for (StatementFormat format : byName.values()) {
            if (format.recognizes().test(head)) {
                return format;
            }
        }
        throw new UnknownFormatException("cannot tell the format of " + fileName
                + " from its name or content; pass --format (known formats: " + String.join(", ", names()) + ")");
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // a cut-off multi-byte character at the end only affects the sniffed text, not the parse
            return new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
        }
    }
}
