package io.ledgerstream.connectors.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.mt940.Mt940Parser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The MT940 parser on mutated statements, with and without the SWIFT envelope. */
@Tag("fuzz-mt940")
class Mt940ParserFuzzTest {

    private static final ParserContract MT940 = new ParserContract("MT940", new Mt940Parser(),
            new ImportOptions("alice", "acc-1"), ".sta");

    static Stream<Arguments> samples() throws IOException, URISyntaxException {
        return SampleSeeds.of("mt940");
    }

    @MethodSource("samples")
    @FuzzTest
    @DictionaryFile(resourcePath = "mt940.dict")
    void shouldParseOrRefuseAnyFile(byte[] statement) throws Throwable {
        MT940.check(statement);
    }

    @AfterAll
    static void reportExecutions() throws IOException {
        MT940.close();
    }
}
