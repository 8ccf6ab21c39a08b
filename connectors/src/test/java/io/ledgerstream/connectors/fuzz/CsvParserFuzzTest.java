package io.ledgerstream.connectors.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ledgerstream.connectors.csv.CsvStatementParser;
import io.ledgerstream.connectors.importer.ImportOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSV parser on mutated bank exports; {@code --currency EUR} given, as most exports name none. */
@Tag("fuzz-csv")
class CsvParserFuzzTest {

    private static final ParserContract CSV = new ParserContract("CSV", new CsvStatementParser(),
            new ImportOptions("alice", "acc-1", "EUR"), ".csv");

    static Stream<Arguments> samples() throws IOException, URISyntaxException {
        return SampleSeeds.of("csv");
    }

    @MethodSource("samples")
    @FuzzTest
    @DictionaryFile(resourcePath = "csv.dict")
    void shouldParseOrRefuseAnyFile(byte[] statement) throws Throwable {
        CSV.check(statement);
    }

    @AfterAll
    static void reportExecutions() throws IOException {
        CSV.close();
    }
}
