package io.ledgerstream.connectors.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.jsonl.JsonLinesParser;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * The JSON Lines parser on mutated canonical lines. There are no third-party JSON Lines samples: the
 * seeds are this project's own, in {@code JsonLinesParserFuzzTestInputs} beside the dictionaries,
 * where Jazzer looks for a fuzz test class's inputs.
 */
@Tag("fuzz-jsonl")
class JsonLinesParserFuzzTest {

    private static final ParserContract JSONL = new ParserContract("JSONL", new JsonLinesParser(),
            new ImportOptions("alice", "acc-1"), ".jsonl");

    @FuzzTest
    @DictionaryFile(resourcePath = "jsonl.dict")
    void shouldParseOrRefuseAnyFile(byte[] statement) throws Throwable {
        JSONL.check(statement);
    }

    @AfterAll
    static void reportExecutions() throws IOException {
        JSONL.close();
    }
}
