package io.ledgerstream.connectors.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.kafka.FakePublishers;
import io.ledgerstream.schemas.avro.FxRate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FxLoadCommandTest {

    @TempDir
    Path dir;

    private final FakePublishers publishers = new FakePublishers();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new FxLoadCommand(publishers));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void shouldPublishTheSampleKeyedByCurrencyAndDateWhenNoFileIsGiven() {
        int exit = run();

        assertThat(exit).isZero();
        assertThat(publishers.fx.published()).hasSize(FxRates.loadSample().rates().size())
                .allSatisfy(e -> assertThat(e.getKey()).isEqualTo(
                        e.getValue().getCurrency() + ":" + e.getValue().getDate()));
        assertThat(publishers.fx.published()).extracting(Map.Entry::getKey).contains("USD:2026-11-16");
        assertThat(out.toString()).contains("published").contains("13 currencies");
    }

    @Test
    void shouldPublishTheGoodRatesOfAFileAndFailOnTheBadOne() throws IOException {
        Path file = Files.writeString(dir.resolve("eurofxref-daily.xml"), """
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                  <Cube><Cube time="2026-03-04">
                    <Cube currency="USD" rate="1.0791"/>
                    <Cube currency="GBP" rate="n/a"/>
                  </Cube></Cube>
                </gesmes:Envelope>
                """);

        int exit = run(file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(publishers.fx.values()).extracting(FxRate::getCurrency).containsExactly("USD");
        assertThat(publishers.fx.values()).extracting(FxRate::getSource).containsExactly("ECB");
        assertThat(err.toString()).contains("eurofxref-daily.xml:4: <Cube currency=\"GBP\" rate=\"n/a\">");
    }

    @Test
    void shouldPublishNothingOnADryRun() {
        assertThat(run("--dry-run")).isZero();
        assertThat(publishers.fxOpened).isZero();
        assertThat(out.toString()).contains("dry run");
    }
}
