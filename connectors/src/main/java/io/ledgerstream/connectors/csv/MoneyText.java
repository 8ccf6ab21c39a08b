package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.CurrencyCodes;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount cell as written: {@code -12.34}, {@code 1.234,56}, {@code 11'373.94}, {@code 1 234,56},
 * {@code £500.00}, {@code ($85.00)}, {@code - $21.59}, {@code +$327.49}, {@code 12,34-}, {@code 8.99 EUR}.
 * The decimal separator is decided per file (see {@link DecimalSeparator}), so a cell keeps its
 * digits and separators until then. Never goes through a double.
 *
 * @param negative whether a minus, a trailing minus or accounting parentheses make it negative
 * @param signed   whether it carries any sign at all (+, -, parentheses)
 * @param body     the digits with their separators
 */
record MoneyText(boolean negative, boolean signed, String body) {

    private static final String SYMBOLS = "£$€¥₹";
    private static final Pattern SYMBOL = Pattern.compile("^[" + SYMBOLS + "]|[" + SYMBOLS + "]$");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d*\\.?\\d+");
    private static final Pattern GROUPED_BY_COMMA = Pattern.compile("\\d{1,3}(,\\d{3})+");
    private static final Pattern GROUPED_BY_POINT = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
    /** Longer than any amount as written: a longer cell is text (and peeling it sign by sign would take quadratic time). */
    private static final int MAX_LENGTH = 100;

    static Optional<MoneyText> read(String text) {
        // plain loops rather than regexes or streams: detection reads every cell of a file as money
        int firstDigit = -1;
        int lastDigit = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                firstDigit = firstDigit < 0 ? i : firstDigit;
                lastDigit = i;
            }
        }
        if (firstDigit < 0 || !onlyBodyBetween(text, firstDigit, lastDigit)) {
            return Optional.empty();
        }
        String s = hasSpace(text) ? SPACES.matcher(text).replaceAll("") : text;
        if (s.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        boolean negative = false;
        boolean signed = false;
        String before;
        do {
            before = s;
            if (s.length() >= 2 && s.startsWith("(") && s.endsWith(")")) {
                s = s.substring(1, s.length() - 1);
                negative = !negative;
                signed = true;
            }
            if (s.startsWith("-") || s.startsWith("\u2212")) {
                s = s.substring(1);
                negative = !negative;
                signed = true;
            } else if (s.startsWith("+")) {
                s = s.substring(1);
                signed = true;
            } else if (s.endsWith("-") && s.length() > 1) {
                s = s.substring(0, s.length() - 1);
                negative = !negative;
                signed = true;
            }
            s = withoutCurrency(s);
        } while (!s.equals(before) && !s.isEmpty());
        if (!isBody(s)) {
            return Optional.empty();
        }
        return Optional.of(new MoneyText(negative, signed, s));
    }

    /**
     * Whether everything between the first and the last digit can be part of an amount's body
     * (digits, separators, spaces that are dropped). Signs, symbols and currency codes are only ever
     * peeled off the ends, so a letter or a {@code *} in between means no amount: the common
     * description cell ({@code CARD ****1913 ALDI 1072}) is told without the regexes.
     */
    private static boolean onlyBodyBetween(String text, int firstDigit, int lastDigit) {
        for (int i = firstDigit + 1; i < lastDigit; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == ',' || c == '\'' || isDropped(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // printable ASCII is neither: only the rest is looked up
            if ((c <= ' ' || c >= 0x7f) && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                return true;
            }
        }
        return false;
    }

    /** The white space {@link #SPACES} drops. */
    private static boolean isDropped(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00A0'
                || c == '\u202F';
    }

    /** {@code (\d[\d.,']*)?\d|[.,]\d+}, checked by hand (once per amount cell of the file). */
    private static boolean isBody(String s) {
        if (s.isEmpty() || !isDigit(s.charAt(s.length() - 1))) {
            return false;
        }
        char first = s.charAt(0);
        if (first == '.' || first == ',') {
            return s.length() >= 2 && allDigits(s, 1);
        }
        if (!isDigit(first)) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isDigit(c) || c == '.' || c == ',' || c == '\'')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean allDigits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String withoutCurrency(String s) {
        // the cheap character tests first: this runs for every amount cell of a file
        String plain = s.isEmpty() || !isSymbol(s.charAt(0)) && !isSymbol(s.charAt(s.length() - 1))
                ? s : SYMBOL.matcher(s).replaceAll("");
        if (plain.length() > 3 && Character.isLetter(plain.charAt(0))
                && CurrencyCodes.normalize(plain.substring(0, 3)).isPresent()) {
            plain = plain.substring(3);
        }
        if (plain.length() > 3 && Character.isLetter(plain.charAt(plain.length() - 1))
                && CurrencyCodes.normalize(plain.substring(plain.length() - 3)).isPresent()) {
            plain = plain.substring(0, plain.length() - 3);
        }
        return plain;
    }

    private static boolean isSymbol(char c) {
        return SYMBOLS.indexOf(c) >= 0;
    }

    /** Whether the cell looks like money rather than a count or code: separators, symbols or a sign. */
    static boolean looksLikeMoney(String text) {
        return looksLikeMoney(text, read(text));
    }

    /** As {@link #looksLikeMoney(String)}, with the cell already {@link #read}. */
    static boolean looksLikeMoney(String text, Optional<MoneyText> money) {
        // checked by hand rather than with regexes: detection asks this of every amount cell
        if (money.isEmpty() || isLeadingZeroInteger(money.get().body())) {
            return false;
        }
        return money.get().signed() || hasCents(money.get().body()) || !onlyDigitsAndSeparators(text.strip());
    }

    /** {@code 0\d+}: an account or reference number, not an amount. */
    private static boolean isLeadingZeroInteger(String body) {
        return body.length() >= 2 && body.charAt(0) == '0' && allDigits(body, 1);
    }

    /** {@code .*[.,]\d{1,2}}. */
    private static boolean hasCents(String body) {
        int n = body.length();
        if (n < 2 || !isDigit(body.charAt(n - 1))) {
            return false;
        }
        return isDecimalMark(body.charAt(n - 2)) || n >= 3 && isDigit(body.charAt(n - 2)) && isDecimalMark(body.charAt(n - 3));
    }

    private static boolean isDecimalMark(char c) {
        return c == '.' || c == ',';
    }

    /** {@code [\d.,']+}. */
    private static boolean onlyDigitsAndSeparators(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isDigit(c) || c == '.' || c == ',' || c == '\'')) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** Whether the body is digits with at most one decimal separator, which ends the digits before the last. */
    private boolean isPlain(char decimalSeparator) {
        boolean separator = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == decimalSeparator && !separator && i < body.length() - 1) {
                separator = true;
            } else if (!isDigit(c)) {
                return false;
            }
        }
        return !body.isEmpty();
    }

    /**
     * The exact amount under the file's decimal separator, or empty when the digits do not fit it:
     * the other separator (or {@code '}) may only group the integer part in threes, so {@code 12,5}
     * under a decimal point is no amount rather than 125.
     */
    Optional<BigDecimal> value(char decimalSeparator) {
        if (isPlain(decimalSeparator)) { // most amounts: no grouping to check, one scan instead of regexes
            BigDecimal amount = new BigDecimal(decimalSeparator == '.' ? body : body.replace(decimalSeparator, '.'));
            return Optional.of(negative ? amount.negate() : amount);
        }
        String grouping = decimalSeparator == ',' ? "." : ",";
        String grouped = body.replace("'", grouping);
        int decimalAt = grouped.indexOf(decimalSeparator);
        String integer = decimalAt < 0 ? grouped : grouped.substring(0, decimalAt);
        boolean badGroups = integer.contains(grouping)
                && !(decimalSeparator == ',' ? GROUPED_BY_POINT : GROUPED_BY_COMMA).matcher(integer).matches();
        boolean groupedDecimals = decimalAt >= 0 && grouped.substring(decimalAt + 1).contains(grouping);
        if (badGroups || groupedDecimals) {
            return Optional.empty();
        }
        String plain = grouped.replace(grouping, "").replace(decimalSeparator, '.');
        if (!PLAIN_DECIMAL.matcher(plain).matches()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(plain.startsWith(".") ? "0" + plain : plain);
        return Optional.of(negative ? amount.negate() : amount);
    }
}
