package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.CurrencyCodes;
import io.ledgerstream.connectors.importer.DayMonthOrder;
import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values of profile keys other than columns, each read or refused with what is allowed;
 * {@code null} in, {@code null} out (the key was not given).
 */
final class ProfileValues {

    private static final Map<String, SignConvention> SIGNS = Map.of("as-written", SignConvention.AS_WRITTEN,
            "inverted", SignConvention.INVERTED, "unsigned-is-out", SignConvention.UNSIGNED_IS_OUT,
            "flag", SignConvention.FLAG, "debit-credit", SignConvention.DEBIT_CREDIT_COLUMNS);

    private ProfileValues() {
    }

    static Charset encoding(String value, String origin) {
        if (value == null) {
            return null;
        }
        try {
            return Charset.forName(value);
        } catch (IllegalArgumentException e) {
            throw new CsvMappingException(origin + ": unknown encoding '" + value
                    + "' (for example UTF-8, windows-1252, windows-1250, ISO-8859-1)", e);
        }
    }

    static Character delimiter(String value, String origin) {
        if (value == null) {
            return null;
        }
        String plain = value.strip().toLowerCase(Locale.ROOT);
        if ("tab".equals(plain) || "\t".equals(value) || "\\t".equals(plain)) {
            return '\t';
        }
        if (plain.length() != 1 || "\"\r\n".contains(plain)) {
            throw new CsvMappingException(origin + ": delimiter '" + value + "' is not one character;"
                    + " use , ; | or tab");
        }
        return plain.charAt(0);
    }

    static Integer count(String value, String key, String origin) {
        if (value == null) {
            return null;
        }
        if ("none".equalsIgnoreCase(value)) {
            return 0;
        }
        if (!value.matches("\\d{1,6}")) {
            throw new CsvMappingException(origin + ": " + key + " '" + value + "' is not a line count (0, 1, 2, ...)");
        }
        return Integer.parseInt(value);
    }

    static String dateFormat(String value, String origin) {
        if (value == null) {
            return null;
        }
        try {
            DateTimeFormatter.ofPattern(value, Locale.ENGLISH);
            return value;
        } catch (IllegalArgumentException e) {
            throw new CsvMappingException(origin + ": date-format '" + value + "' is no date pattern"
                    + " (for example dd.MM.yyyy, MM/dd/yyyy, d MMM yy, yyyyMMdd): " + e.getMessage(), e);
        }
    }

    static DayMonthOrder dateOrder(String value, String origin) {
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "day-first" -> DayMonthOrder.DAY_FIRST;
            case "month-first" -> DayMonthOrder.MONTH_FIRST;
            default -> throw new CsvMappingException(origin + ": date-order '" + value
                    + "' is neither day-first nor month-first");
        };
    }

    static Character decimal(String value, String origin) {
        if (value == null) {
            return null;
        }
        if (!".".equals(value) && !",".equals(value)) {
            throw new CsvMappingException(origin + ": decimal-separator '" + value + "' is neither . nor ,");
        }
        return value.charAt(0);
    }

    static SignConvention sign(String value, String origin) {
        if (value == null) {
            return null;
        }
        SignConvention sign = SIGNS.get(value.toLowerCase(Locale.ROOT));
        if (sign == null) {
            throw new CsvMappingException(origin + ": sign '" + value + "' is none of "
                    + "as-written, inverted, unsigned-is-out, flag, debit-credit");
        }
        return sign;
    }

    static String currency(String value, String origin) {
        if (value == null) {
            return null;
        }
        return CurrencyCodes.normalize(value).orElseThrow(() -> new CsvMappingException(origin + ": currency '"
                + value + "' is not an ISO 4217 code"));
    }

    static Set<String> words(String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(w -> !w.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
