package io.ledgerstream.connectors.mt940;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code :61:} statement line: {@code 6!n[4!n]2a[1!a]15d1!a3!c16x[//16x]} and an optional
 * second line of supplementary details.
 *
 * @param valueDate     subfield 1
 * @param bookedAt      the entry date (subfield 2) when present, its year taken from the value date
 *                      and moved across a year end where that puts it nearer; else the value date
 * @param amount        signed: C and RD are money in, D and RC (reversal of a credit) money out
 * @param mark          C, D, RC or RD as written
 * @param typeCode      transaction type identification code, e.g. NTRF, N426, FMSC
 * @param customerRef   reference for the account owner, may be empty or NONREF
 * @param bankRef       reference of the account servicing institution (after '//'), or null
 * @param inlineName    text after the reference on the same line, set apart by a run of spaces
 *                      (Rabobank's counterparty name), or null
 * @param supplementary supplementary details on the following line(s), or null
 */
record EntryLine(LocalDate valueDate, LocalDate bookedAt, BigDecimal amount, String mark, String typeCode,
                 String customerRef, String bankRef, String inlineName, String supplementary) {

    /**
     * RC/RD before C/D, so 'RC' is a reversal; a letter after the mark is the funds code ('CR', 'DR', 'CN').
     * The decimal comma is optional because Knab writes 'C500NTRF'.
     */
    private static final Pattern LINE = Pattern.compile(
            "^(\\d{6})(\\d{4})?(RC|RD|C|D)([A-Z])?(\\d+(?:,\\d*)?)([A-Z][A-Z0-9]{3})(.*)$");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    /** The parsed line, or a problem naming the subfield at fault. */
    static Result parse(Mt940Field field) {
        List<String> lines = field.lines();
        String first = lines.get(0).strip();
        Matcher matcher = LINE.matcher(first);
        int detailsFrom = 1;
        if (!matcher.matches() && lines.size() > 1) {
            // a line broken inside the amount (':61:1811261126CR' / '30,00N062NONREF')
            matcher = LINE.matcher(first + lines.get(1).strip());
            detailsFrom = 2;
        }
        if (!matcher.matches()) {
            return Result.problem(":61:", "unparseable statement line", "'" + first + "' is not "
                    + "YYMMDD[MMDD] C|D|RC|RD amount type reference");
        }
        Optional<LocalDate> valueDate = SwiftDates.yymmdd(matcher.group(1));
        if (valueDate.isEmpty()) {
            return Result.problem("valueDate", "invalid date", "'" + matcher.group(1) + "' is no YYMMDD date");
        }
        LocalDate bookedAt = valueDate.get();
        if (matcher.group(2) != null) {
            Optional<LocalDate> entry = SwiftDates.entryDate(matcher.group(2), valueDate.get());
            if (entry.isEmpty()) {
                return Result.problem("entryDate", "invalid date", "'" + matcher.group(2) + "' is no MMDD date");
            }
            bookedAt = entry.get();
        }
        String mark = matcher.group(3);
        BigDecimal magnitude = SwiftAmounts.parse(matcher.group(5));
        BigDecimal amount = mark.equals("C") || mark.equals("RD") ? magnitude : magnitude.negate();
        String rest = matcher.group(7);
        String customerRef;
        String bankRef = null;
        String inlineName = null;
        int slashes = rest.indexOf("//");
        String afterRef;
        if (slashes >= 0) {
            customerRef = rest.substring(0, slashes).strip();
            String[] parts = SPACES.split(rest.substring(slashes + 2).strip(), 2);
            bankRef = parts[0].isEmpty() ? null : parts[0];
            afterRef = parts.length > 1 ? parts[1] : null;
        } else {
            String[] parts = SPACES.split(rest.strip(), 2);
            customerRef = parts[0];
            afterRef = parts.length > 1 ? parts[1] : null;
        }
        if (afterRef != null && !afterRef.isBlank()) {
            inlineName = afterRef.strip();
        }
        String details = String.join(" ", lines.subList(Math.min(detailsFrom, lines.size()), lines.size())
                .stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
        return new Result(new EntryLine(valueDate.get(), bookedAt, amount, mark, matcher.group(6), customerRef,
                bankRef, inlineName, details.isEmpty() ? null : details), null, null, null);
    }

    /** Either a line or what is wrong with it. */
    record Result(EntryLine line, String field, String reason, String detail) {
        static Result problem(String field, String reason, String detail) {
            return new Result(null, field, reason, detail);
        }
    }
}
