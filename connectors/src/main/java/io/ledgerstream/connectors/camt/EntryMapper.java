package io.ledgerstream.connectors.camt;

import io.ledgerstream.connectors.importer.AmountText;
import io.ledgerstream.connectors.importer.CurrencyCodes;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the booked facts of one entry ({@code Ntry}): amount and sign, currency, booking date, the
 * bank's reference. Collects every problem of the entry, each with the line of the element at fault.
 *
 * <p>Sign: {@code CdtDbtInd} DBIT is money out (negative), CRDT money in. For a reversal
 * ({@code RvslInd} true) the standard says the indicator already is the direction of the reversing
 * booking (a reversed debit is booked CRDT), so the sign follows {@code CdtDbtInd} unchanged; only
 * the counterparty side flips (see {@link EntryText}).
 */
final class EntryMapper {

    /** The pipeline keeps at most this many significant decimals (RawTransactionValidator). */
    static final int MAX_FRACTION_DIGITS = 4;
    private static final Pattern ISO_DATE_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private final String file;
    private final String statementCurrency;
    private final String optionCurrency;

    /**
     * @param statementCurrency the account's {@code Acct/Ccy}, or {@code null}
     * @param optionCurrency    {@code --currency}, or {@code null}
     */
    EntryMapper(String file, String statementCurrency, String optionCurrency) {
        this.file = file;
        this.statementCurrency = statementCurrency;
        this.optionCurrency = optionCurrency;
    }

    /** The entry's booked facts, or the problems that keep it out. */
    record Mapped(BookedEntry entry, List<ImportProblem> problems) {
    }

    /** An entry's facts, before it gets an id. */
    record BookedEntry(int line, String bookedAt, String amount, String currency, String description,
                       String merchant, String bankReference) {
    }

    Mapped map(XmlElement entry) {
        List<ImportProblem> problems = new ArrayList<>();
        Optional<XmlElement> amountElement = entry.child("Amt");
        String currency = currency(entry, amountElement, problems);
        Boolean moneyOut = moneyOut(entry, problems);
        String amount = amount(entry, amountElement, moneyOut, problems);
        String bookedAt = bookedAt(entry, problems);
        if (!problems.isEmpty()) {
            return new Mapped(null, problems);
        }
        boolean reversal = entry.textAt("RvslInd").map(v -> v.equals("true") || v.equals("1")).orElse(false);
        EntryText text = EntryText.of(entry, moneyOut, reversal, currency);
        return new Mapped(new BookedEntry(entry.line(), bookedAt, amount, currency, text.description(),
                text.merchant(), bankReference(entry).orElse(null)), List.of());
    }

    /**
     * The bank's own id: {@code Ntry/AcctSvcrRef}, else {@code Ntry/NtryRef}, else the first detail's
     * {@code TxDtls/Refs/AcctSvcrRef}.
     */
    static Optional<String> bankReference(XmlElement entry) {
        return entry.textAt("AcctSvcrRef")
                .or(() -> entry.textAt("NtryRef"))
                .or(() -> entry.at("NtryDtls").flatMap(details -> details.textAt("TxDtls", "Refs", "AcctSvcrRef")));
    }

    private String currency(XmlElement entry, Optional<XmlElement> amount, List<ImportProblem> problems) {
        String written = amount.map(a -> a.attributes().get("Ccy")).orElse(null);
        if (written == null) {
            written = statementCurrency != null ? statementCurrency : optionCurrency;
        }
        if (written == null) {
            throw new StatementRefusedException(file + ": the entry on line " + entry.line()
                    + " names no currency (no Amt/@Ccy, no Acct/Ccy); pass --currency");
        }
        Optional<String> code = CurrencyCodes.normalize(written);
        if (code.isEmpty()) {
            problems.add(problem(entry, amount, "currency", "unknown currency",
                    "'" + written + "' is not an ISO 4217 code"));
        }
        return code.orElse(null);
    }

    private Boolean moneyOut(XmlElement entry, List<ImportProblem> problems) {
        Optional<String> indicator = entry.textAt("CdtDbtInd");
        if (indicator.isPresent() && (indicator.get().equals("DBIT") || indicator.get().equals("CRDT"))) {
            return indicator.get().equals("DBIT");
        }
        problems.add(problem(entry, entry.child("CdtDbtInd"), "CdtDbtInd",
                indicator.isEmpty() ? "missing" : "invalid indicator",
                indicator.map(value -> "'" + value + "' is neither CRDT nor DBIT").orElse("no CdtDbtInd")));
        return null;
    }

    private String amount(XmlElement entry, Optional<XmlElement> element, Boolean moneyOut,
                          List<ImportProblem> problems) {
        Optional<String> text = element.map(XmlElement::text).map(String::strip);
        if (text.isEmpty() || text.get().isEmpty()) {
            problems.add(problem(entry, element, "Amt", "missing", "no amount"));
            return null;
        }
        Optional<BigDecimal> parsed = AmountText.parse(text.get()).filter(value -> !text.get().startsWith("+")
                && !text.get().startsWith("-"));
        if (parsed.isEmpty()) {
            problems.add(problem(entry, element, "Amt", "unparseable amount",
                    "'" + text.get() + "' is not an unsigned decimal like 12.34"));
            return null;
        }
        if (parsed.get().stripTrailingZeros().scale() > MAX_FRACTION_DIGITS) {
            // never rounded: a fraction of a cent the bank booked is the user's to look at
            problems.add(problem(entry, element, "Amt", "too many decimals", "'" + text.get() + "' has more than "
                    + MAX_FRACTION_DIGITS + " significant decimals, which the pipeline cannot carry; not rounded"));
            return null;
        }
        if (moneyOut == null) {
            return null;
        }
        // as written (scale kept), negative for money out; a zero amount stays unsigned
        return (moneyOut && parsed.get().signum() != 0 ? parsed.get().negate() : parsed.get()).toPlainString();
    }

    private String bookedAt(XmlElement entry, List<ImportProblem> problems) {
        Optional<XmlElement> date = entry.child("BookgDt").or(() -> entry.child("ValDt"));
        Optional<String> text = date.flatMap(d -> d.textAt("Dt").or(() -> d.textAt("DtTm")));
        if (text.isEmpty()) {
            problems.add(problem(entry, date, "BookgDt", "missing", "no booking date and no value date"));
            return null;
        }
        try {
            // a DtTm's date part as the bank wrote it: the booking day in the bank's time zone
            if (ISO_DATE_START.matcher(text.get()).matches()) {
                return LocalDate.parse(text.get().substring(0, 10)).toString();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(problem(entry, date, date.get().name(), "invalid date",
                "'" + text.get() + "' is not an ISO date YYYY-MM-DD"));
        return null;
    }

    private ImportProblem problem(XmlElement entry, Optional<XmlElement> at, String field, String reason,
                                  String detail) {
        return new ImportProblem(file, at.map(XmlElement::line).orElse(entry.line()), field, reason, detail);
    }
}
