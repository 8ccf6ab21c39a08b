package io.ledgerstream.connectors.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.qif.QifParser;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The QIF parser on mutated files; {@code --currency USD} given, as QIF names none. */
@Tag("fuzz-qif")
class QifParserFuzzTest {

    private static final ParserContract QIF = new ParserContract("QIF", new QifParser(),
            new ImportOptions("alice", "acc-1", "USD"), ".qif");

    static Stream<Arguments> samples() throws IOException, URISyntaxException {
        return SampleSeeds.of("qif");
    }

    @MethodSource("samples")
    @FuzzTest
    @DictionaryFile(resourcePath = "qif.dict")
    void shouldParseOrRefuseAnyFile(byte[] statement) throws Throwable {
        QIF.check(statement);
    }

    @AfterAll
    static void reportExecutions() throws IOException {
        QIF.close();
    }
}
