package io.ledgerstream.connectors.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --format auto} picks the right parser for every real sample file, whatever its name says. */
class AutoFormatTest {

    private static final Map<String, String> FORMAT_OF_FOLDER = Map.of(
            "ofx", "ofx", "camt053", "camt", "mt940", "mt940", "qif", "qif", "csv", "csv");

    static List<Path> samples() throws IOException, URISyntaxException {
        Path root = Path.of(AutoFormatTest.class.getResource("/bank-samples").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> FORMAT_OF_FOLDER.containsKey(f.getParent().getFileName().toString()))
                    .sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldPickTheFormatOfEverySampleByNameOrContent(Path sample) throws IOException {
        String expected = FORMAT_OF_FOLDER.get(sample.getParent().getFileName().toString());

        StatementFormat byName = StatementFormats.builtIn().resolve(StatementFormats.AUTO, sample);
        Path renamed = Files.createTempFile("statement", ".download");
        try {
            Files.copy(sample, renamed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            StatementFormat byContent = StatementFormats.builtIn().resolve(StatementFormats.AUTO, renamed);

            assertThat(byName.name()).isEqualTo(expected);
            assertThat(byContent.name()).as("from the content alone").isEqualTo(expected);
        } finally {
            Files.delete(renamed);
        }
    }
}
