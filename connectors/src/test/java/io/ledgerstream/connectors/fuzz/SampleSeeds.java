package io.ledgerstream.connectors.fuzz;

import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The real statement files of one format ({@code bank-samples/FORMAT} in the test resources) as
 * named arguments of a fuzz test: Jazzer runs them first and mutates them (its seed corpus), and
 * without {@code JAZZER_FUZZ} the fuzz test runs on just these. The {@code @MethodSource} must come
 * before {@code @FuzzTest}, whose own argument sources Jazzer requires to be the last.
 */
final class SampleSeeds {

    private SampleSeeds() {
    }

    static Stream<Arguments> of(String format) throws IOException, URISyntaxException {
        Path folder = Path.of(SampleSeeds.class.getResource("/bank-samples/" + format).toURI());
        List<Arguments> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                seeds.add(arguments(named(file.getFileName().toString(), Files.readAllBytes(file))));
            }
        }
        return seeds.stream();
    }
}
