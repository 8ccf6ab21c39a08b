package io.ledgerstream.connectors.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.ofx.OfxStatementParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The OFX parser on mutated OFX 1.x (SGML) and 2.x (XML) statements. */
@Tag("fuzz-ofx")
class OfxParserFuzzTest {

    private static final ParserContract OFX = new ParserContract("OFX", new OfxStatementParser(),
            new ImportOptions("alice", "acc-1"), ".ofx");

    static Stream<Arguments> samples() throws IOException, URISyntaxException {
        return SampleSeeds.of("ofx");
    }

    @MethodSource("samples")
    @FuzzTest
    @DictionaryFile(resourcePath = "ofx.dict")
    void shouldParseOrRefuseAnyFile(byte[] statement) throws Throwable {
        OFX.check(statement);
    }

    @AfterAll
    static void reportExecutions() throws IOException {
        OFX.close();
    }
}
