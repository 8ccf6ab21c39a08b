package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Splits CSV text into rows with Apache Commons CSV (quotes, doubled quotes, multi-line fields). */
final class CsvTokenizer {

    private CsvTokenizer() {
    }

    /**
     * The rows of the text, blank lines left out.
     *
     * @throws StatementRefusedException if the quoting is broken beyond reading
     */
    static List<CsvRow> rows(CsvText text, char delimiter, int limit) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setIgnoreEmptyLines(true)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
        List<CsvRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.text()), format)) {
            for (CSVRecord record : parser) {
                CsvRow row = new CsvRow(text.lineOf(record.getCharacterPosition()), record.toList());
                if (!row.isBlank()) {
                    rows.add(row);
                }
                if (rows.size() >= limit) {
                    break;
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new StatementRefusedException("the CSV quoting is broken: " + e.getMessage(), e);
        }
        return rows;
    }
}
