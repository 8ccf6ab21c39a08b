package io.ledgerstream.connectors.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.importer.DayMonthOrder;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2018-02-27|2018-02-27",
            "2013/01/17|2013-01-17",
            "2019.03.02.|2019-03-02",
            "2018-2-7T10:15:00Z|2018-02-07",
            "2018-02-27 10:15|2018-02-27",
            "20180227|2018-02-27",
            "201802271015|2018-02-27",
            "20091224120000[0:GMT]|2009-12-24",
            "02.03.2018|2018-03-02",
            "27 Feb 2018|2018-02-27",
            "10-Nov-9|2009-11-10",
            "Feb 27, 2018|2018-02-27",
            "3. März 2021|2021-03-03",
    })
    void readsDatesTheTextFixes(String text, String date) {
        assertThat(DateText.read(text)).map(DateText::fixed).contains(LocalDate.parse(date));
    }

    @Test
    void leavesTheOrderOfTwoNumbersToTheFile() {
        DateText date = DateText.read("4/1/08").orElseThrow();

        assertThat(date.fixed()).isNull();
        assertThat(date.resolve(DayMonthOrder.DAY_FIRST)).contains(LocalDate.of(2008, 1, 4));
        assertThat(date.resolve(DayMonthOrder.MONTH_FIRST)).contains(LocalDate.of(2008, 4, 1));
        assertThat(DateText.read("4/1/69").orElseThrow().year()).isEqualTo(1969);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-12.34", "2500.00", "12.34", "1,234.56", "2018-02-30", "2018-02", "2018-02-271", "201802",
            "2018022712", "4/1/208", "4/1-2008", "13.13.2018", "2018-02-27X", "20180227[GMT", "CARD 1913",
            "12 345"})
    void refusesWhatIsNoDate(String text) {
        assertThat(DateText.read(text)).isEmpty();
    }

    @Test
    void aTimeAfterTheDateStaysOnItsLine() {
        assertThat(DateText.read("4/1/2008 10:15")).isPresent();
        assertThat(DateText.read("4/1/2008 10:15\nnext line")).isEmpty();
        assertThat(DateText.read("2018-02-27 10:15\nnext line")).isEmpty();
    }

    /**
     * The hand-written scanner against the regexes it replaced (kept here as the reference): every
     * generated cell reads the same both ways.
     */
    @Test
    void readsEveryCellAsTheRegexesDid() {
        Random random = new Random(20261123);
        String[] symbols = {"-", "/", ".", " ", "T", ",", "[", "]", "Feb", "mars", "Okt.", "x", "\n", "0:GMT", ":"};
        int[] runLengths = {1, 1, 2, 2, 2, 3, 4, 4, 5, 6, 8, 10, 12, 14};
        int dates = 0;
        for (int i = 0; i < 300_000; i++) {
            StringBuilder cell = new StringBuilder();
            if (random.nextBoolean()) {
                // date-shaped: digits, separator, digits, separator, digits, maybe more
                String[] separators = {"-", "/", ".", " "};
                String separator = separators[random.nextInt(separators.length)];
                for (int p = 0; p < 5; p++) {
                    if (p % 2 == 0) {
                        appendDigits(cell, runLengths[random.nextInt(runLengths.length)], random);
                    } else {
                        // now and then a second separator unlike the first
                        cell.append(random.nextInt(5) == 0 ? separators[random.nextInt(separators.length)] : separator);
                    }
                }
                if (random.nextBoolean()) {
                    cell.append(symbols[random.nextInt(symbols.length)]);
                }
            } else {
                int parts = 1 + random.nextInt(7);
                for (int p = 0; p < parts; p++) {
                    if (random.nextBoolean()) {
                        appendDigits(cell, runLengths[random.nextInt(runLengths.length)], random);
                    } else {
                        cell.append(symbols[random.nextInt(symbols.length)]);
                    }
                }
            }
            String text = cell.toString();
            Optional<DateText> expected = Reference.read(text);
            assertThat(DateText.read(text)).as("'%s'", text).isEqualTo(expected);
            dates += expected.isPresent() ? 1 : 0;
        }
        assertThat(dates).as("generated cells that are dates").isGreaterThan(1_000);
    }

    private static void appendDigits(StringBuilder cell, int length, Random random) {
        for (int d = 0; d < length; d++) {
            cell.append((char) ('0' + (d == 0 ? random.nextInt(4) : random.nextInt(10))));
        }
    }

    /** DateText.read as it was written with regexes, before the numeric forms were scanned by hand. */
    private static final class Reference {
        private static final Pattern YEAR_FIRST =
                Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})\\.?(?:[T ].*)?");
        private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:\\d{4}|\\d{6})?(?:\\[.*])?");
        private static final Pattern YEAR_LAST =
                Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{2}|\\d{4})(?:[T ,].*)?");
        private static final Pattern NAMED_DAY_FIRST =
                Pattern.compile("(\\d{1,2})[-/. ]+(\\p{L}{3,9})\\.?[-/., ]+(\\d{1,4})(?:[T ].*)?");
        private static final Pattern NAMED_MONTH_FIRST = Pattern.compile("(\\p{L}{3,9})\\.? (\\d{1,2}),? (\\d{4})");
        private static final Map<String, Integer> MONTHS = Map.ofEntries(
                Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("fev", 2), Map.entry("mar", 3), Map.entry("mrt", 3),
                Map.entry("apr", 4), Map.entry("avr", 4), Map.entry("may", 5), Map.entry("mai", 5), Map.entry("mei", 5),
                Map.entry("jun", 6), Map.entry("juin", 6), Map.entry("jul", 7), Map.entry("juil", 7),
                Map.entry("aug", 8), Map.entry("aou", 8), Map.entry("sep", 9), Map.entry("oct", 10),
                Map.entry("okt", 10), Map.entry("nov", 11), Map.entry("dec", 12), Map.entry("dez", 12));

        static Optional<DateText> read(String text) {
            String cell = text.strip();
            if (cell.isEmpty()) {
                return Optional.empty();
            }
            if (!Character.isDigit(cell.charAt(0))) {
                Matcher named = NAMED_MONTH_FIRST.matcher(cell);
                return named.matches()
                        ? month(named.group(1)).flatMap(month -> fixed(num(named, 3), month, num(named, 2)))
                        : Optional.empty();
            }
            Matcher m = YEAR_FIRST.matcher(cell);
            if (m.matches()) {
                return fixed(num(m, 1), num(m, 3), num(m, 4));
            }
            m = COMPACT.matcher(cell);
            if (m.matches()) {
                return fixed(num(m, 1), num(m, 2), num(m, 3));
            }
            m = YEAR_LAST.matcher(cell);
            if (m.matches()) {
                int year = fullYear(m.group(4));
                if (".".equals(m.group(2))) {
                    return fixed(year, num(m, 3), num(m, 1));
                }
                return Optional.of(new DateText(null, num(m, 1), num(m, 3), year));
            }
            Matcher dayFirst = NAMED_DAY_FIRST.matcher(cell);
            if (dayFirst.matches()) {
                return month(dayFirst.group(2))
                        .flatMap(month -> fixed(fullYear(dayFirst.group(3)), month, num(dayFirst, 1)));
            }
            return Optional.empty();
        }

        private static Optional<Integer> month(String name) {
            String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT);
            if (plain.length() >= 4 && MONTHS.containsKey(plain.substring(0, 4))) {
                return Optional.of(MONTHS.get(plain.substring(0, 4)));
            }
            return Optional.ofNullable(MONTHS.get(plain.substring(0, 3)));
        }

        private static int fullYear(String digits) {
            int value = Integer.parseInt(digits);
            return digits.length() >= 3 ? value : value >= 69 ? 1900 + value : 2000 + value;
        }

        private static Optional<DateText> fixed(int year, int month, int day) {
            try {
                return Optional.of(new DateText(LocalDate.of(year, month, day), 0, 0, year));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }

        private static int num(Matcher m, int group) {
            return Integer.parseInt(m.group(group));
        }
    }
}
