package io.ledgerstream.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's compatibility gate: every schema in {@code schema-baseline/} (the last released
 * version) must still be readable by the schema the code now generates (BACKWARD compatibility:
 * new readers read old data, which is what a registry with the default rule enforces too).
 * After a release, refresh the baseline with the released schemas; never edit it to make this pass.
 */
class SchemaEvolutionTest {

    static List<Path> baselines() throws IOException, URISyntaxException {
        Path dir = Path.of(SchemaEvolutionTest.class.getResource("/schema-baseline").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baselines")
    void currentSchemaShouldReadDataWrittenWithTheBaseline(Path baselineFile) throws Exception {
        Schema baseline;
        try (InputStream in = Files.newInputStream(baselineFile)) {
            baseline = new Schema.Parser().parse(in);
        }
        Class<?> generated = Class.forName(baseline.getFullName());
        Schema current = SpecificData.get().getSchema(generated);

        SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(current, baseline);

        assertThat(result.getType())
                .as("%s is not backward compatible with its baseline: %s", baseline.getFullName(),
                        result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }
}
