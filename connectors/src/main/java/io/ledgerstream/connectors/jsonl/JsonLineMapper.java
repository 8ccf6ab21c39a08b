package io.ledgerstream.connectors.jsonl;

import io.ledgerstream.connectors.importer.AmountText;
import io.ledgerstream.connectors.importer.CurrencyCodes;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ImportProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the fields of one JSON line against the canonical format of DESIGN.md and applies the
 * import options ({@code --user}, {@code --account}). Collects every problem of the line, each
 * naming its field, rather than stopping at the first.
 */
final class JsonLineMapper {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MCC = Pattern.compile("\\d{4}");

    private final String file;
    private final ImportOptions options;

    JsonLineMapper(String file, ImportOptions options) {
        this.file = file;
        this.options = options;
    }

    /** The result for one line: a canonical line when {@code problems} is empty. */
    record Mapped(CanonicalLine line, List<ImportProblem> problems) {
    }

    Mapped map(int lineNumber, Map<String, JsonValue> fields) {
        List<ImportProblem> problems = new ArrayList<>();
        JsonFields f = new JsonFields(fields, file, lineNumber, problems);

        String transactionId = f.optionalString("transactionId");
        String userId = user(f.optionalString("userId"), lineNumber, problems);
        String accountId = Optional.ofNullable(f.optionalString("accountId")).orElse(options.accountId());
        String bookedAt = date(f.requiredString("bookedAt"), lineNumber, problems);
        String amount = amount(fields.get("amount"), lineNumber, problems);
        String currency = currency(f.requiredString("currency"), lineNumber, problems);
        String description = Optional.ofNullable(f.optionalString("description")).orElse("");
        String merchant = f.optionalString("merchant");
        String mcc = mcc(fields.get("mcc"), lineNumber, problems);
        boolean removed = f.optionalBoolean("removed");

        if (!problems.isEmpty()) {
            return new Mapped(null, problems);
        }
        return new Mapped(new CanonicalLine(transactionId, userId, accountId, bookedAt, amount, currency,
                description, merchant, mcc, removed), List.of());
    }

    private String user(String lineUser, int line, List<ImportProblem> problems) {
        String override = options.userId();
        if (override == null) {
            if (lineUser == null) {
                problems.add(problem(line, "userId", "missing", "no userId on the line and no --user given"));
            }
            return lineUser;
        }
        if (lineUser != null && !lineUser.equals(override)) {
            problems.add(problem(line, "userId", "user mismatch",
                    "line belongs to '" + lineUser + "', importing for --user '" + override + "'"));
        }
        return override;
    }

    private String date(String text, int line, List<ImportProblem> problems) {
        if (text == null) {
            return null;
        }
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text).toString();
            }
        } catch (DateTimeParseException e) {
            // falls through to the problem below
        }
        problems.add(problem(line, "bookedAt", "invalid date", "'" + text + "' is not a date YYYY-MM-DD"));
        return null;
    }

    private String amount(JsonValue value, int line, List<ImportProblem> problems) {
        if (value == null) {
            problems.add(problem(line, "amount", "missing", ""));
            return null;
        }
        if (value.kind() == JsonValue.Kind.NUMBER && (value.text().contains("e") || value.text().contains("E"))) {
            problems.add(problem(line, "amount", "unparseable amount",
                    value.text() + " has an exponent; write the amount as a decimal string like \"-12.34\""));
            return null;
        }
        if (value.kind() != JsonValue.Kind.STRING && value.kind() != JsonValue.Kind.NUMBER) {
            problems.add(problem(line, "amount", "unparseable amount", "not a decimal string"));
            return null;
        }
        Optional<BigDecimal> parsed = AmountText.parse(value.text().strip());
        if (parsed.isEmpty()) {
            problems.add(problem(line, "amount", "unparseable amount",
                    "'" + value.text() + "' is not a plain decimal like \"-12.34\""));
            return null;
        }
        return parsed.get().toPlainString();
    }

    private String currency(String text, int line, List<ImportProblem> problems) {
        if (text == null) {
            return null;
        }
        Optional<String> code = CurrencyCodes.normalize(text);
        if (code.isEmpty()) {
            problems.add(problem(line, "currency", "unknown currency", "'" + text + "' is not an ISO 4217 code"));
        }
        return code.orElse(null);
    }

    private String mcc(JsonValue value, int line, List<ImportProblem> problems) {
        if (value == null) {
            return null;
        }
        if ((value.kind() == JsonValue.Kind.STRING || value.kind() == JsonValue.Kind.NUMBER)
                && MCC.matcher(value.text()).matches()) {
            return value.text();
        }
        problems.add(problem(line, "mcc", "invalid mcc", "'" + value.text() + "' is not four digits"));
        return null;
    }

    private ImportProblem problem(int line, String field, String reason, String detail) {
        return new ImportProblem(file, line, field, reason, detail);
    }
}
