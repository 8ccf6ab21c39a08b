package io.ledgerstream.connectors.ofx;

import io.ledgerstream.connectors.importer.StatementText;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an OFX file's bytes into text in the charset its header names: OFX 1 {@code ENCODING:UTF-8}
 * or {@code CHARSET:1252}/{@code ISO-8859-1}, OFX 2 {@code <?xml encoding="...">}. Without a usable
 * declaration it is UTF-8 when the bytes are valid UTF-8, else Windows-1252, which every byte decodes in.
 */
final class OfxText {

    private static final Charset WINDOWS_1252 = StatementText.WINDOWS_1252;
    private static final int HEADER_BYTES = 1024;
    private static final Pattern XML_ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern V1_ENCODING = Pattern.compile("ENCODING\\s*:\\s*([A-Za-z0-9-]+)");
    private static final Pattern V1_CHARSET = Pattern.compile("CHARSET\\s*:\\s*([A-Za-z0-9-]+)");

    private OfxText() {
    }

    static String decode(byte[] bytes) {
        String header = new String(bytes, 0, Math.min(bytes.length, HEADER_BYTES), StandardCharsets.ISO_8859_1)
                .toUpperCase(Locale.ROOT);
        Charset declared = declared(header);
        String text = declared != null ? new String(bytes, declared) : StatementText.decode(bytes).text();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Charset declared(String header) {
        Matcher xml = XML_ENCODING.matcher(header);
        if (header.contains("<?XML") && xml.find()) {
            String name = xml.group(1);
            // US-ASCII files still carry the odd accented byte: read them as the Windows superset
            return name.equals("UTF-8") ? StandardCharsets.UTF_8 : name.contains("ASCII") ? WINDOWS_1252 : named(name);
        }
        Matcher encoding = V1_ENCODING.matcher(header);
        if (encoding.find() && encoding.group(1).equals("UTF-8")) {
            return StandardCharsets.UTF_8;
        }
        Matcher charset = V1_CHARSET.matcher(header);
        if (charset.find()) {
            String name = charset.group(1);
            return name.equals("1252") || name.contains("8859-1") ? WINDOWS_1252 : null;
        }
        return null;
    }

    private static Charset named(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null; // unknown or unsupported: fall back to detection
        }
    }

}
