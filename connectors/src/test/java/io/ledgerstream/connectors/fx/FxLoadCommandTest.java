package io.ledgerstream.connectors.fx;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ledgerstream.connectors.kafka.FakePublishers;
import io.ledgerstream.schemas.avro.FxRate;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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

    @Test
    void shouldFetchRatesFromAUrlAsTheEcbServesThem() throws IOException {
        byte[] daily = """
                <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
                  <Cube><Cube time="2026-11-20">
                    <Cube currency="USD" rate="1.1532"/>
                    <Cube currency="JPY" rate="181.12"/>
                  </Cube></Cube>
                </gesmes:Envelope>
                """.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stats/eurofxref/eurofxref-daily.xml", exchange -> {
            exchange.sendResponseHeaders(200, daily.length);
            exchange.getResponseBody().write(daily);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();

            int exit = run("--url", base + "/stats/eurofxref/eurofxref-daily.xml");
            int missing = run("--url", base + "/nothing-here.xml");

            assertThat(exit).isZero();
            assertThat(publishers.fx.published()).extracting(Map.Entry::getKey).containsExactly("USD:2026-11-20", "JPY:2026-11-20");
            assertThat(publishers.fx.values()).extracting(FxRate::getRate)
                    .containsExactly(new BigDecimal("1.1532000000"), new BigDecimal("181.1200000000"));
            assertThat(missing).isEqualTo(1);
            assertThat(err.toString()).contains("nothing-here.xml").contains("404");
        } finally {
            server.stop(0);
        }
    }
}
