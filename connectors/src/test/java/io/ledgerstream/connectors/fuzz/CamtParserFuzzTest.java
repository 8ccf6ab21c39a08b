package io.ledgerstream.connectors.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ledgerstream.connectors.camt.CamtParser;
import io.ledgerstream.connectors.importer.ImportOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CAMT.053 parser on mutated statements of versions 02 to 08. */
@Tag("fuzz-camt")
class CamtParserFuzzTest {

    private static final ParserContract CAMT = new ParserContract("CAMT", new CamtParser(),
            new ImportOptions("alice", "acc-1"), ".xml");

    static Stream<Arguments> samples() throws IOException, URISyntaxException {
        return SampleSeeds.of("camt053");
    }

    @MethodSource("samples")
    @FuzzTest
    @DictionaryFile(resourcePath = "camt.dict")
    void shouldParseOrRefuseAnyFile(byte[] statement) throws Throwable {
        CAMT.check(statement);
    }

    @AfterAll
    static void reportExecutions() throws IOException {
        CAMT.close();
    }
}
