package io.ledgerstream.connectors.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The tokenizer against Apache Commons CSV, which read the statements before it, configured as it
 * was then: on generated texts full of quotes, delimiters and line breaks, both must give the same
 * rows, the same cells and the line each row starts on.
 */
class CsvTokenizerTest {

    private static final char[] ALPHABET = {'a', 'b', '1', ' ', ',', ';', '"', '"', '\n', '\r', '\t', 'é'};

    /** A row as both sides give it: its line and its cells. */
    private record Row(int line, List<String> cells) {
    }

    @Test
    @DisplayName("Reads 200,000 generated texts exactly as Commons CSV does")
    void shouldReadGeneratedTextsAsCommonsCsvDoes() {
        Random random = new Random(20261124);
        int multiLineCells = 0;
        int cellsWithQuotes = 0;
        int rowsCompared = 0;
        for (int i = 0; i < 200_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            String text = new String(chars);
            char delimiter = random.nextBoolean() ? ',' : ';';
            List<Row> expected = commonsCsv(text, delimiter);
            assertThat(ours(text, delimiter)).as("text %s, delimiter %s", quoted(text), delimiter)
                    .isEqualTo(expected);
            for (Row row : expected) {
                rowsCompared++;
                multiLineCells += (int) row.cells().stream().filter(c -> c.contains("\n") || c.contains("\r")).count();
                cellsWithQuotes += (int) row.cells().stream().filter(c -> c.contains("\"")).count();
            }
        }
        // the texts exercised what the tokenizer is for, not only plain cells
        assertThat(rowsCompared).isGreaterThan(500_000);
        assertThat(multiLineCells).isGreaterThan(10_000);
        assertThat(cellsWithQuotes).isGreaterThan(10_000);
    }

    @Test
    @DisplayName("Doubled quotes, text after a closing quote, a quote left open, blank rows and line breaks")
    void shouldReadMalformedQuotingLeniently() {
        String text = "\"a \"\"b\"\" c\"d , x\r\n\r\n , \n\"two\nlines\",\"\"\"\"\n e \"f\" ,\"open\nto the end";
        assertThat(ours(text, ',')).containsExactly(
                new Row(1, List.of("a \"b\" cd", "x")),
                new Row(4, List.of("two\nlines", "\"")),
                new Row(6, List.of("e \"f\"", "open\nto the end")));
        assertThat(ours(text, ',')).isEqualTo(commonsCsv(text, ','));
    }

    @Test
    @DisplayName("Stops after the number of rows asked for")
    void shouldStopAtLimit() {
        String text = "a,b\n\nc,d\ne,f\n";
        assertThat(ours(text, ',')).hasSize(3);
        assertThat(CsvTokenizer.rows(new CsvText(text, StandardCharsets.UTF_8), ',', 2))
                .extracting(CsvRow::line).containsExactly(1, 3);
    }

    private static List<Row> ours(String text, char delimiter) {
        List<Row> rows = new ArrayList<>();
        for (CsvRow row : CsvTokenizer.rows(new CsvText(text, StandardCharsets.UTF_8), delimiter, Integer.MAX_VALUE)) {
            rows.add(new Row(row.line(), row.cells()));
        }
        return rows;
    }

    /** The rows as Commons CSV reads them, blank ones left out, cells stripped. */
    private static List<Row> commonsCsv(String text, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setIgnoreEmptyLines(true)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList().stream().map(String::strip).toList();
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    rows.add(new Row(lineOfRecord(text, (int) record.getCharacterPosition()), cells));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * The line a record starts on: Commons CSV's position is where the reading of the record began,
     * before any blank lines it skipped, so the record's first character is past those line breaks.
     */
    private static int lineOfRecord(String text, int position) {
        int start = position;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        int line = 1;
        for (int i = 0; i < start; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    private static String quoted(String text) {
        return "'" + text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "'";
    }
}
