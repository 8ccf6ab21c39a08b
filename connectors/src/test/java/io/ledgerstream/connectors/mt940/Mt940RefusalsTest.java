package io.ledgerstream.connectors.mt940;

import static io.ledgerstream.connectors.mt940.Samples.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mt940RefusalsTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseMt942InterimReport() {
        assertThatThrownBy(() -> parse("mt940__mt942.sta"))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("MT942 interim report");
    }

    @Test
    void shouldRefuseMt942NamedInEnvelope() throws IOException {
        Path file = Files.writeString(dir.resolve("interim.sta"), "{1:F01BANKDEFFXXXX0000000000}{2:O942BANKDEFFXXXXN}{4:\n"
                + ":20:X\n:25:123\n:28C:1\n:61:2001010101C1,00NTRFNONREF\n-}\n");
        assertThatThrownBy(() -> new Mt940Parser().parse(file, Samples.ALICE))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("interim report");
    }

    @Test
    void shouldRefuseSparkasseFragmentWithoutCurrencyAndAskForIt() {
        assertThatThrownBy(() -> parse("mt940__sparkassen.sta"))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("--currency");
    }

    @Test
    void shouldReadSparkasseFragmentWithTornTagsWhenCurrencyIsGiven() throws IOException {
        ParseResult result = parse("mt940__sparkassen.sta", new ImportOptions("alice", "acc-1", "EUR"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.transactions()).hasSize(1);
        RawTransaction row = result.transactions().get(0);
        assertThat(row.getAmount()).isEqualTo("30.00");
        assertThat(row.getBookedAt()).isEqualTo("2018-11-26");
        assertThat(row.getCurrency()).isEqualTo("EUR");
        assertThat(row.getAccountId()).isEqualTo("acc-1");
        assertThat(row.getDescription()).isEqualTo("GUTSCHR. UEBERWEISUNG Test");
    }

    @Test
    void shouldRefuseTextWithoutAnyStatement() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.sta"), "just some text\nno tags here\n");
        assertThatThrownBy(() -> new Mt940Parser().parse(file, Samples.ALICE))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("no MT940 statement");
    }
}
