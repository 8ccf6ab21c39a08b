package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.CurrencyCodes;
import io.ledgerstream.connectors.importer.DayMonthOrder;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementFormat;
import io.ledgerstream.connectors.importer.StatementParser;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The importer's {@code csv} format: banks' CSV exports, whose layout is detected per file (see
 * {@link LayoutDetector}): encoding, delimiter, preamble and header, column roles in several
 * languages, date order, decimal separator and sign convention. A bank profile or {@code --csv}
 * settings ({@link ImportOptions#csv()}, see {@link CsvProfiles}) state any of these instead. One
 * transaction per booked row; pending rows and balance or total lines are skipped and counted; a
 * row that cannot be read is a problem with its line while the rest goes on. Where detection is
 * unsure the file is refused with what is ambiguous and the setting that resolves it. Tokenizing
 * ({@link CsvTokenizer}) and detection are this package's own.
 */
public final class CsvStatementParser implements StatementParser {

    /** The format as the importer registers it: {@code .csv}, {@code .tsv}, or delimited text. */
    public static final StatementFormat FORMAT =
            new StatementFormat("csv", List.of("csv", "tsv"), CsvSniffer::recognizes, new CsvStatementParser());

    /** The {@code source} of imported transactions is this prefix and the file's name. */
    public static final String SOURCE_PREFIX = "import:";

    private final DayMonthOrder dateOrder;

    /** A parser that reads the date order off each file, unless the options state it. */
    public CsvStatementParser() {
        this(null);
    }

    /**
     * A parser told the date order, for files whose dates read both ways; {@code null} to detect.
     * A {@code date-order} in the options' profile or settings overrides it.
     */
    public CsvStatementParser(DayMonthOrder dateOrder) {
        this.dateOrder = dateOrder;
    }

    /**
     * @throws CsvMappingException       if the options' profile or settings cannot be used
     * @throws StatementRefusedException if the layout is ambiguous or the profile does not fit the file
     */
    @Override
    public void parse(Path file, ImportOptions options, ParseResult.Builder result) throws IOException {
        String fileName = file.getFileName().toString();
        CsvProfile profile = CsvProfiles.of(options.csv(), dateOrder);
        CsvText text = read(file, profile);
        if (text.text().isBlank()) {
            throw new StatementRefusedException(fileName + " is empty: no header and no rows");
        }
        if (options.userId() == null) {
            throw new StatementRefusedException(fileName + ": CSV statements name no user; pass --user");
        }
        LayoutDetector.Detected detected;
        try {
            detected = LayoutDetector.detect(text, profile);
        } catch (StatementRefusedException e) {
            throw new StatementRefusedException(fileName + ": " + e.getMessage(), e);
        }
        String currency = defaultCurrency(fileName, options, detected.layout());
        CsvRowMapper mapper = new CsvRowMapper(fileName, detected, options.userId(), options.accountId(), currency);
        result.rowsExpected(detected.dataRows().size());
        int continuations = ContinuationRows.forEachJoined(detected.dataRows(), detected.layout(),
                row -> mapper.map(row, result));
        for (int i = 0; i < continuations; i++) {
            result.rowRead().skipped(RowKinds.CONTINUATION);
        }
    }

    /** The file's text; its bytes are let go once decoded, before the rows are read. */
    private static CsvText read(Path file, CsvProfile profile) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return profile.encoding() != null ? CsvText.decode(bytes, profile.encoding()) : CsvText.decode(bytes);
    }

    /** The layout detected for a file, without importing it. */
    public static CsvLayout detectLayout(Path file) throws IOException {
        return LayoutDetector.detect(CsvText.decode(Files.readAllBytes(file)), CsvProfile.NONE).layout();
    }

    private static String defaultCurrency(String fileName, ImportOptions options, CsvLayout layout) {
        if (options.currency() != null) {
            return CurrencyCodes.normalize(options.currency()).orElseThrow(() -> new StatementRefusedException(
                    "--currency '" + options.currency() + "' is not an ISO 4217 currency code"));
        }
        if (layout.currency() != null) {
            return layout.currency();
        }
        if (layout.column(ColumnRole.CURRENCY) == CsvLayout.NONE) {
            throw new StatementRefusedException(fileName + " names no currency (no currency column); pass"
                    + " --currency with the account's ISO 4217 code (for example --currency EUR), or"
                    + " --csv currency-column=NAME");
        }
        return null;
    }
}
