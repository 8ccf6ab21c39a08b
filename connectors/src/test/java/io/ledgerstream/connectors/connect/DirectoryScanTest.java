package io.ledgerstream.connectors.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryScanTest {

    @TempDir
    Path inbox;

    @Test
    void shouldOfferAFileOnlyOnceItIsUnchangedInTwoScansInARow() throws Exception {
        DirectoryScan scan = new DirectoryScan(inbox);
        Path file = Files.writeString(inbox.resolve("march.csv"), "Date,Amount\n");

        assertThat(scan.readyFiles()).as("first sight").isEmpty();
        Files.writeString(file, "Date,Amount\n2026-03-01,-1.00\n");
        assertThat(scan.readyFiles()).as("grew since").isEmpty();
        assertThat(scan.readyFiles()).containsExactly(file);
    }

    @Test
    void shouldIgnoreHiddenPartialAndTemporaryNamesAndDirectories() throws Exception {
        DirectoryScan scan = new DirectoryScan(inbox);
        Files.writeString(inbox.resolve(".march.csv"), "x");
        Files.writeString(inbox.resolve("march.csv.part"), "x");
        Files.writeString(inbox.resolve("march.csv.TMP"), "x");
        Files.createDirectories(inbox.resolve("finished"));

        scan.readyFiles();

        assertThat(scan.readyFiles()).isEmpty();
    }

    @Test
    void shouldOfferTheOldestFileFirst() throws Exception {
        DirectoryScan scan = new DirectoryScan(inbox);
        Path april = Files.writeString(inbox.resolve("a-april.csv"), "x");
        Path march = Files.writeString(inbox.resolve("b-march.csv"), "x");
        Files.setLastModifiedTime(april, FileTime.from(Instant.parse("2026-04-30T00:00:00Z")));
        Files.setLastModifiedTime(march, FileTime.from(Instant.parse("2026-03-31T00:00:00Z")));

        scan.readyFiles();

        assertThat(scan.readyFiles()).containsExactly(march, april);
    }
}
