package io.ledgerstream.connectors.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvSnifferTest {

    @Test
    void shouldRecognizeHeaderedCsv() {
        assertThat(CsvStatementParser.FORMAT.recognizes().test("\uFEFFDate,Description,Amount\n2024-03-01,Tea,-2\n"))
                .isTrue();
        assertThat(CsvSniffer.recognizes("Buchungstag;Betrag\n01.03.2024;-1,00\n")).isTrue();
    }

    @Test
    void shouldRecognizeHeaderlessRowsStartingWithDates() {
        assertThat(CsvSniffer.recognizes("16-11-2012;Cafe;-48,00\n17-11-2012;Bus;-2,00\n")).isTrue();
    }

    @Test
    void shouldNotClaimOtherFormats() {
        assertThat(CsvSniffer.recognizes("{\"transactionId\":\"t-1\",\"amount\":\"-1,00\"}\n")).isFalse();
        assertThat(CsvSniffer.recognizes("OFXHEADER:100\nDATA:OFXSGML\n")).isFalse();
        assertThat(CsvSniffer.recognizes("<?xml version=\"1.0\"?><Document/>")).isFalse();
        assertThat(CsvSniffer.recognizes(":20:STARTUMS\n:25:12345678/0001\n:61:2403010301D12,34NMSCNONREF\n"))
                .isFalse();
        assertThat(CsvSniffer.recognizes("!Type:Bank\nD03/01/2024\nT-1,00\n^\n")).isFalse();
    }

    @Test
    void shouldRecognizeEveryCopiedCsvSampleAndNoOtherSample() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of(getClass().getResource("/bank-samples").toURI());
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                byte[] bytes = java.nio.file.Files.readAllBytes(file);
                String head = new String(bytes, 0, Math.min(4096, bytes.length), java.nio.charset.StandardCharsets.UTF_8);
                boolean csv = file.getParent().getFileName().toString().equals("csv");
                assertThat(CsvSniffer.recognizes(head)).as(file.getFileName().toString()).isEqualTo(csv);
            }
        }
    }

    @Test
    void shouldNotClaimPlainProse() {
        assertThat(CsvSniffer.recognizes("Hello, world.\nThis is a letter, not a statement.\n")).isFalse();
    }

    @Test
    void shouldRegisterCsvAndTsvExtensions() {
        assertThat(CsvStatementParser.FORMAT.name()).isEqualTo("csv");
        assertThat(CsvStatementParser.FORMAT.matchesExtension("export.CSV")).isTrue();
        assertThat(CsvStatementParser.FORMAT.matchesExtension("export.tsv")).isTrue();
        assertThat(CsvStatementParser.FORMAT.matchesExtension("export.txt")).isFalse();
    }
}
