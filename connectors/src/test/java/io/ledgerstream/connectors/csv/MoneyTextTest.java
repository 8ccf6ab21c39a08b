package io.ledgerstream.connectors.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.importer.CurrencyCodes;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-12.34|.|-12.34", "1.234,56|,|1234.56", "11'373.94|.|11373.94", "1 234,56|,|1234.56",
            "£500.00|.|500.00", "($85.00)|.|-85.00", "- $21.59|.|-21.59", "+$327.49|.|327.49", "12,34-|,|-12.34",
            "8.99 EUR|.|8.99", "EUR -8.99|.|-8.99", ".5|.|0.5", "7|.|7"})
    void readsAmountsAsBanksWriteThem(String text, char decimal, String amount) {
        assertThat(MoneyText.read(text).flatMap(m -> m.value(decimal))).contains(new BigDecimal(amount));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"CARD ****1913 ALDI 1072", "12-34", "12 EUR 34", "Shop 12", "abc", "1.2.",
            "12\u20033"})
    void refusesWhatIsNoAmount(String text) {
        assertThat(MoneyText.read(text)).isEmpty();
    }

    /**
     * The hand-written checks against the regex-only reading they replaced (kept here as the
     * reference): every generated cell reads the same both ways.
     */
    @Test
    void readsEveryCellAsTheRegexesDid() {
        Random random = new Random(20261123);
        String[] pieces = {"0", "1", "5", "9", "12", "345", ".", ",", "'", " ", "\u00A0", "\u2003", "-", "+", "(",
                ")", "\u2212", "$", "£", "€", "EUR", "usd", "GBP", "ABC", "x", "*", "CARD", "\t"};
        int amounts = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder cell = new StringBuilder();
            int parts = 1 + random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                cell.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = cell.toString();
            Optional<MoneyText> expected = Reference.read(text);
            assertThat(MoneyText.read(text)).as("'%s'", text).isEqualTo(expected);
            assertThat(MoneyText.looksLikeMoney(text)).as("looks like money: '%s'", text)
                    .isEqualTo(Reference.looksLikeMoney(text, expected));
            if (expected.isPresent()) {
                for (char decimal : new char[] {'.', ','}) {
                    assertThat(expected.get().value(decimal)).as("'%s' under '%s'", text, decimal)
                            .isEqualTo(Reference.value(expected.get(), decimal));
                }
            }
            amounts += expected.isPresent() ? 1 : 0;
        }
        assertThat(amounts).as("generated cells that are amounts").isGreaterThan(10_000);
    }

    /** MoneyText.read and value as they were before the hand-written checks. */
    private static final class Reference {
        private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d*\\.?\\d+");
        private static final Pattern GROUPED_BY_COMMA = Pattern.compile("\\d{1,3}(,\\d{3})+");
        private static final Pattern GROUPED_BY_POINT = Pattern.compile("\\d{1,3}(\\.\\d{3})+");

        private static final Pattern LEADING_ZERO_INTEGER = Pattern.compile("0\\d+");
        private static final Pattern CENTS = Pattern.compile(".*[.,]\\d{1,2}");
        private static final Pattern DIGITS_AND_SEPARATORS = Pattern.compile("[\\d.,']+");

        static boolean looksLikeMoney(String text, Optional<MoneyText> money) {
            if (money.isEmpty() || LEADING_ZERO_INTEGER.matcher(money.get().body()).matches()) {
                return false;
            }
            return money.get().signed() || CENTS.matcher(money.get().body()).matches()
                    || !DIGITS_AND_SEPARATORS.matcher(text.strip()).matches();
        }

        static Optional<BigDecimal> value(MoneyText money, char decimalSeparator) {
            String grouping = decimalSeparator == ',' ? "." : ",";
            String grouped = money.body().replace("'", grouping);
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
            return Optional.of(money.negative() ? amount.negate() : amount);
        }

        private static final Pattern BODY = Pattern.compile("(\\d[\\d.,']*)?\\d|[.,]\\d+");
        private static final String SYMBOLS = "£$€¥₹";
        private static final Pattern SYMBOL = Pattern.compile("^[" + SYMBOLS + "]|[" + SYMBOLS + "]$");
        private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u202F]");

        static Optional<MoneyText> read(String text) {
            if (text.chars().noneMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            String s = SPACES.matcher(text).replaceAll("");
            if (s.length() > 100) {
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
                s = SYMBOL.matcher(s).replaceAll("");
                if (s.length() > 3 && Character.isLetter(s.charAt(0))
                        && CurrencyCodes.normalize(s.substring(0, 3)).isPresent()) {
                    s = s.substring(3);
                }
                if (s.length() > 3 && Character.isLetter(s.charAt(s.length() - 1))
                        && CurrencyCodes.normalize(s.substring(s.length() - 3)).isPresent()) {
                    s = s.substring(0, s.length() - 3);
                }
            } while (!s.equals(before) && !s.isEmpty());
            return BODY.matcher(s).matches() ? Optional.of(new MoneyText(negative, signed, s)) : Optional.empty();
        }
    }
}
