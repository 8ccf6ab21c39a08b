package io.ledgerstream.connectors.ofx;

import io.ledgerstream.connectors.importer.AmountText;
import io.ledgerstream.connectors.importer.ImportProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads OFX leaf values of a row (dates, amounts, text), reporting what is wrong with the row's line. */
final class OfxValues {

    // YYYYMMDD, then optionally HHMMSS.XXX[gmt offset:tz]; only the date part is the booking date
    private static final Pattern DATE = Pattern.compile("(\\d{8})(?:\\d{2,6}(?:\\.\\d{1,3})?)?(?:\\[[^]]*])?");
    // OFX lets the decimal point be a comma, and writes "-.50" for -0.50
    private static final Pattern COMMA_DECIMAL = Pattern.compile("([+-]?\\d*),(\\d+)");
    private static final Pattern BARE_FRACTION = Pattern.compile("([+-]?)\\.(\\d+)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private OfxValues() {
    }

    /** The element's date part as YYYY-MM-DD, or {@code null} with a problem added. */
    static String date(OfxElement row, String element, String file, List<ImportProblem> problems) {
        Optional<String> text = row.childText(element);
        if (text.isEmpty()) {
            problems.add(new ImportProblem(file, row.line(), element, "missing", "the row has no " + element));
            return null;
        }
        Matcher matcher = DATE.matcher(text.get());
        try {
            if (matcher.matches()) {
                return LocalDate.parse(matcher.group(1), DateTimeFormatter.BASIC_ISO_DATE).toString();
            }
        } catch (DateTimeParseException e) {
            // falls through to the problem below
        }
        problems.add(new ImportProblem(file, row.line(), element, "invalid date",
                "'" + text.get() + "' is not an OFX date YYYYMMDD[HHMMSS[.XXX][offset]]"));
        return null;
    }

    /** The amount as a plain decimal string with its scale as written, or {@code null} with a problem added. */
    static String amount(OfxElement row, String element, String file, List<ImportProblem> problems) {
        Optional<String> text = row.childText(element);
        if (text.isEmpty()) {
            problems.add(new ImportProblem(file, row.line(), element, "missing", "the row has no " + element));
            return null;
        }
        String written = text.get();
        String normalized = written;
        Matcher comma = COMMA_DECIMAL.matcher(normalized);
        if (comma.matches()) {
            normalized = comma.group(1) + "." + comma.group(2);
        }
        Matcher bare = BARE_FRACTION.matcher(normalized);
        if (bare.matches()) {
            normalized = bare.group(1) + "0." + bare.group(2);
        }
        Optional<BigDecimal> amount = AmountText.parse(normalized);
        if (amount.isEmpty()) {
            problems.add(new ImportProblem(file, row.line(), element, "unparseable amount",
                    "'" + written + "' is not an OFX amount like -12.34"));
            return null;
        }
        return amount.get().toPlainString();
    }

    /** Stripped, with every run of whitespace made one space. */
    static String singleSpaced(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ");
    }
}
