package io.ledgerstream.connectors.mt940;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the bank-specific structures of {@code :86:}:
 * <ul>
 * <li>German (ZKA/DK) and Polish subfields: a 3-digit business code, then '?NN' (Triodos: '&gt;NN')
 * subfields: ?00 posting text, ?20..?29 and ?60..?63 remittance (one text cut into 27-character
 * pieces, so joined without separator), ?32/?33 name. SEPA remittance is the text after 'SVWZ+'
 * when there is one.</li>
 * <li>Dutch SEPA keywords: '/NAME/', '/REMI/' among '/EREF/', '/BENM/', '/ORDP/', '/ISDT/'...</li>
 * <li>Knab's '/NAAM: ' at the end of free text.</li>
 * </ul>
 * Anything else is kept as it is, single-spaced.
 */
final class InformationReader {

    private static final Pattern SUBFIELDS_START = Pattern.compile("^\\d{3}([?>])\\d{2}.*", Pattern.DOTALL);
    private static final Pattern SEPA_KEYWORD = Pattern.compile(
            "(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT|SQTP|PURP)\\+");
    private static final Pattern DUTCH_KEYWORD = Pattern.compile(
            "/(EREF|BENM|ORDP|NAME|REMI|ISDT|CSID|MARF|PREF|CNTP|TRCD|BUSP|RTRN|IBAN|BIC|ADDR|ID|SVCL|ULTC|ULTD"
                    + "|ULTB|PURP|CDTRREFTP|CDTRREF|CD|ISSR|FEES|OCMT|ACHT|EXCH|CHGS)/");
    private static final int SUBFIELD_LENGTH = 27;
    private static final Pattern KNAB_NAME = Pattern.compile("/NAAM: (.+)$");

    private InformationReader() {
    }

    static Counterparty read(String information) {
        String text = information.strip();
        Matcher subfields = SUBFIELDS_START.matcher(text);
        if (subfields.matches()) {
            return subfields(text.substring(3), subfields.group(1).charAt(0));
        }
        if (text.startsWith("/") && (text.contains("/NAME/") || text.contains("/REMI/"))) {
            return dutch(text);
        }
        Matcher knab = KNAB_NAME.matcher(text);
        String name = knab.find() ? InformationText.singleSpaced(knab.group(1)) : null;
        return new Counterparty(name, InformationText.singleSpaced(text));
    }

    private static Counterparty subfields(String text, char mark) {
        Map<Integer, StringBuilder> fields = new TreeMap<>();
        Matcher matcher = Pattern.compile(Pattern.quote(String.valueOf(mark)) + "(\\d{2})").matcher(text);
        int previousEnd = -1;
        int previousKey = -1;
        while (matcher.find()) {
            if (previousKey >= 0) {
                fields.computeIfAbsent(previousKey, k -> new StringBuilder()).append(text, previousEnd, matcher.start());
            }
            previousKey = Integer.parseInt(matcher.group(1));
            previousEnd = matcher.end();
        }
        if (previousKey >= 0) {
            fields.computeIfAbsent(previousKey, k -> new StringBuilder()).append(text.substring(previousEnd));
        }
        List<String> remittance = new ArrayList<>();
        fields.forEach((key, value) -> {
            if ((key >= 20 && key <= 29) || (key >= 60 && key <= 63)) {
                remittance.add(value.toString());
            }
        });
        String name = InformationText.singleSpaced(continued(List.of(value(fields, 32), value(fields, 33))));
        String purpose = InformationText.singleSpaced(sepaPurpose(continued(remittance)));
        List<String> parts = new ArrayList<>();
        parts.add(InformationText.singleSpaced(value(fields, 0)));
        parts.add(name);
        parts.add(purpose);
        return new Counterparty(name.isEmpty() ? null : name, joined(parts));
    }

    /** The text after 'SVWZ+' up to the next SEPA keyword, or the whole remittance when it has none. */
    private static String sepaPurpose(String remittance) {
        int start = remittance.indexOf("SVWZ+");
        if (start < 0) {
            return remittance;
        }
        String after = remittance.substring(start + "SVWZ+".length());
        Matcher next = SEPA_KEYWORD.matcher(after);
        return next.find() ? after.substring(0, next.start()) : after;
    }

    private static Counterparty dutch(String text) {
        Map<String, String> values = new TreeMap<>();
        Matcher matcher = DUTCH_KEYWORD.matcher(text);
        String key = null;
        int from = 0;
        while (matcher.find()) {
            if (key != null) {
                values.putIfAbsent(key, text.substring(from, matcher.start()));
            }
            key = matcher.group(1);
            from = matcher.end();
        }
        if (key != null) {
            values.putIfAbsent(key, text.substring(from));
        }
        String name = InformationText.singleSpaced(values.getOrDefault("NAME", ""));
        String remittance = values.getOrDefault("REMI", "").replaceFirst("^(USTD|STRD)//", "");
        remittance = InformationText.singleSpaced(remittance.replaceAll("/+$", ""));
        String description = joined(List.of(name, remittance));
        return new Counterparty(name.isEmpty() ? null : name,
                description.isEmpty() ? InformationText.singleSpaced(text) : description);
    }

    /**
     * Subfields that continue one text: a full one (27 characters) was cut wherever the limit fell
     * ('KOS' / 'TEN'), so the next follows without a separator; a shorter one ended a phrase.
     */
    private static String continued(List<String> pieces) {
        StringBuilder text = new StringBuilder();
        boolean previousFull = false;
        for (String piece : pieces) {
            if (!text.isEmpty() && !piece.isEmpty() && !previousFull) {
                text.append(' ');
            }
            text.append(piece);
            previousFull = piece.length() >= SUBFIELD_LENGTH;
        }
        return text.toString();
    }

    private static String value(Map<Integer, StringBuilder> fields, int key) {
        StringBuilder value = fields.get(key);
        return value == null ? "" : value.toString();
    }

    private static String joined(List<String> parts) {
        return String.join(" ", parts.stream().filter(part -> !part.isEmpty()).toList());
    }
}
