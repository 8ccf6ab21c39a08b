package io.ledgerstream.connectors.qif;

/**
 * Tells QIF from other text for {@code --format auto}: after an optional byte order mark and
 * whitespace, the text starts with a QIF header ({@code !Type:}, {@code !Account} or
 * {@code !Option:}, in any case). No other format the importer knows starts with {@code !}.
 */
final class QifSniffer {

    private static final String[] HEADERS = {"!Type:", "!Account", "!Option:"};

    private QifSniffer() {
    }

    /** A QIF header first, after any '#' comment lines (which some exporters write, e.g. quiffen). */
    static boolean recognizes(String head) {
        String text = head.replace("\uFEFF", "").stripLeading();
        while (text.startsWith("#")) {
            int endOfLine = text.indexOf('\n');
            text = endOfLine < 0 ? "" : text.substring(endOfLine + 1).stripLeading();
        }
        for (String header : HEADERS) {
            if (text.regionMatches(true, 0, header, 0, header.length())) {
                return true;
            }
        }
        return false;
    }
}
