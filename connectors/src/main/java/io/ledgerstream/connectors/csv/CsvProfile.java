package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.DayMonthOrder;
import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a bank profile, a profile file or {@code --csv} states about a CSV layout; every field left
 * {@code null} (or a role left out) is detected instead. Read by {@link ProfileSettings}, found by
 * {@link CsvProfiles}, applied by {@link LayoutDetector}: one mapper for every bank.
 *
 * @param origin           who says it, for messages: {@code profile 'n26'}, {@code --csv}
 * @param bank             the bank and export it describes, for people
 * @param encoding         the text encoding
 * @param delimiter        the field separator
 * @param headerLine       the 1-based line of the header row; 0 when the file has none
 * @param skipLines        lines before the data of a file without a header (an account line)
 * @param columns          the columns of each role it names, in role order
 * @param dateFormat       a {@link DateTimeFormatter} pattern the date cells start with
 * @param dateOrder        the order of numeric day-month-year dates
 * @param decimalSeparator {@code .} or {@code ,}
 * @param sign             how the amounts say money out from money in
 * @param currency         the ISO 4217 code of rows that name none
 * @param flagOut          the flag column's words for money out, else the usual ones
 * @param flagIn           the flag column's words for money in, else the usual ones
 */
record CsvProfile(String origin, String bank, Charset encoding, Character delimiter, Integer headerLine,
                  Integer skipLines, Map<ColumnRole, List<ColumnRef>> columns, String dateFormat,
                  DayMonthOrder dateOrder, Character decimalSeparator, SignConvention sign, String currency,
                  Set<String> flagOut, Set<String> flagIn) {

    /** Nothing stated: everything is detected. */
    static final CsvProfile NONE = new CsvProfile("detection", null, null, null, null, null, Map.of(), null, null,
            null, null, null, null, null);

    CsvProfile {
        Map<ColumnRole, List<ColumnRef>> copy = new EnumMap<>(ColumnRole.class);
        columns.forEach((role, refs) -> copy.put(role, List.copyOf(refs)));
        columns = Collections.unmodifiableMap(copy);
    }

    /** Only a date order, as {@code new CsvStatementParser(order)} is told. */
    static CsvProfile ofDateOrder(DayMonthOrder order) {
        return order == null ? NONE : new CsvProfile("the parser", null, null, null, null, null, Map.of(), null, order,
                null, null, null, null, null);
    }

    /** This profile with every field and column role that {@code other} states replaced by its. */
    CsvProfile overriddenBy(CsvProfile other) {
        Map<ColumnRole, List<ColumnRef>> merged = new EnumMap<>(ColumnRole.class);
        merged.putAll(columns);
        merged.putAll(other.columns);
        return new CsvProfile(other == NONE ? origin : other.origin, or(other.bank, bank), or(other.encoding, encoding),
                or(other.delimiter, delimiter), or(other.headerLine, headerLine), or(other.skipLines, skipLines),
                merged,
                or(other.dateFormat, dateFormat), or(other.dateOrder, dateOrder),
                or(other.decimalSeparator, decimalSeparator), or(other.sign, sign), or(other.currency, currency),
                or(other.flagOut, flagOut), or(other.flagIn, flagIn));
    }

    /** The flag words: the stated ones, else the usual ones. */
    DirectionFlag flags() {
        return new DirectionFlag(or(flagOut, DirectionFlag.USUAL.out()), or(flagIn, DirectionFlag.USUAL.in()));
    }

    /** The date pattern compiled (English month names in any case), or {@code null}. */
    DateTimeFormatter dateFormatter() {
        return dateFormat == null ? null : new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(dateFormat).toFormatter(Locale.ENGLISH);
    }

    /** Whether some column is named by its header name, so the file must have that header. */
    boolean namesColumns() {
        return columns.values().stream().flatMap(List::stream).anyMatch(ColumnRef::named);
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
