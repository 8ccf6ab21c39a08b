package io.ledgerstream.connectors.mt940;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Joins the physical lines of {@code :86:} fields into one text. SWIFT cuts lines at 65 characters
 * wherever that falls, mid-word included ('CONTRA ACCOUN' / 'T HOLDER', 'EXAMPLESTR' / 'ASSE'), so a
 * line that reached the limit is continued without a separator, keeping its own trailing blank if
 * it had one; a shorter line ended where the bank meant it to, and is continued after a space. A
 * line ending in a subfield mark ('?' or '>') is continued without a separator too, so '?' / '22'
 * stays the subfield '?22', and so is one followed by a line starting with a subfield mark.
 */
final class InformationText {

    private static final int SWIFT_LINE = 65;
    private static final Pattern SUBFIELD_START = Pattern.compile("[?>]\\d{2}");

    private InformationText() {
    }

    static String join(List<Mt940Field> fields) {
        StringBuilder text = new StringBuilder();
        for (Mt940Field field : fields) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            appendField(field, text);
        }
        return text.toString();
    }

    private static void appendField(Mt940Field field, StringBuilder text) {
        List<String> lines = field.lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // the first line's length counts its tag, as SWIFT does
            int length = line.length() + (i == 0 ? field.tag().length() + 2 : 0);
            String stripped = line.stripTrailing();
            boolean full = length >= SWIFT_LINE;
            text.append(full ? line : stripped);
            boolean last = i == lines.size() - 1;
            if (!last && !full && !stripped.endsWith("?") && !stripped.endsWith(">")
                    && !SUBFIELD_START.matcher(lines.get(i + 1)).lookingAt()) {
                text.append(' ');
            }
        }
    }

    /** Runs of white space as one space, ends stripped. */
    static String singleSpaced(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
