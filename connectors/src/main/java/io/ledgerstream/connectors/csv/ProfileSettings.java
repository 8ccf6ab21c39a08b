package io.ledgerstream.connectors.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the keys of a profile file and of {@code --csv KEY=VALUE} (the same keys) into a
 * {@link CsvProfile}, refusing unknown keys and values with what is allowed. The keys are
 * documented in {@code docs/csv-import.md}.
 */
final class ProfileSettings {

    /** Keys naming columns (a 1-based number or a header name; several separated by commas). */
    static final Map<String, ColumnRole> COLUMN_KEYS = columnKeys();

    /** Every other key. */
    static final List<String> OTHER_KEYS = List.of("bank", "encoding", "delimiter", "header-line", "skip-lines",
            "date-format", "date-order", "decimal-separator", "sign", "currency", "flag-out", "flag-in");

    private ProfileSettings() {
    }

    private static Map<String, ColumnRole> columnKeys() {
        Map<String, ColumnRole> keys = new LinkedHashMap<>();
        keys.put("date", ColumnRole.BOOKING_DATE);
        keys.put("value-date", ColumnRole.VALUE_DATE);
        keys.put("amount", ColumnRole.AMOUNT);
        keys.put("debit", ColumnRole.DEBIT);
        keys.put("credit", ColumnRole.CREDIT);
        keys.put("flag", ColumnRole.DIRECTION);
        keys.put("description", ColumnRole.DESCRIPTION);
        keys.put("payee", ColumnRole.PAYEE);
        keys.put("currency-column", ColumnRole.CURRENCY);
        keys.put("balance", ColumnRole.BALANCE);
        keys.put("id", ColumnRole.TRANSACTION_ID);
        keys.put("status", ColumnRole.STATUS);
        return Collections.unmodifiableMap(keys);
    }

    /** Every key, for messages and help. */
    static List<String> keys() {
        List<String> keys = new ArrayList<>(OTHER_KEYS);
        keys.addAll(COLUMN_KEYS.keySet());
        return keys;
    }

    /**
     * @param origin who gives the settings, for messages: {@code --csv}, {@code profile 'n26'}
     * @throws CsvMappingException if a key or value is not allowed
     */
    static CsvProfile parse(Map<String, String> settings, String origin) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<ColumnRole, List<ColumnRef>> columns = new EnumMap<>(ColumnRole.class);
        settings.forEach((rawKey, rawValue) -> {
            String key = rawKey.strip().toLowerCase(Locale.ROOT);
            String value = rawValue == null ? "" : rawValue.strip();
            String where = CsvProfiles.COMMAND_LINE.equals(origin) ? origin + " " + key + "=" + value
                    : origin + " (" + key + " = " + value + ")";
            if (value.isEmpty() && !"delimiter".equals(key)) {
                throw new CsvMappingException(where + ": no value");
            }
            if (COLUMN_KEYS.containsKey(key)) {
                List<ColumnRef> refs = Arrays.stream(value.split(",")).filter(part -> !part.isBlank())
                        .map(part -> ColumnRef.parse(part, where)).toList();
                if (refs.isEmpty()) {
                    throw new CsvMappingException(where + ": no column");
                }
                columns.put(COLUMN_KEYS.get(key), refs);
            } else if (OTHER_KEYS.contains(key)) {
                values.put(key, "delimiter".equals(key) ? rawValue : value);
            } else {
                throw new CsvMappingException(origin + ": unknown key '" + rawKey + "'; the keys are "
                        + String.join(", ", keys()));
            }
        });
        return new CsvProfile(origin, values.get("bank"), ProfileValues.encoding(values.get("encoding"), origin),
                ProfileValues.delimiter(values.get("delimiter"), origin),
                ProfileValues.count(values.get("header-line"), "header-line", origin),
                ProfileValues.count(values.get("skip-lines"), "skip-lines", origin), columns,
                ProfileValues.dateFormat(values.get("date-format"), origin),
                ProfileValues.dateOrder(values.get("date-order"), origin),
                ProfileValues.decimal(values.get("decimal-separator"), origin),
                ProfileValues.sign(values.get("sign"), origin), ProfileValues.currency(values.get("currency"), origin),
                ProfileValues.words(values.get("flag-out")), ProfileValues.words(values.get("flag-in")));
    }
}
