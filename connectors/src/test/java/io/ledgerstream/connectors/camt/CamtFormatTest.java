package io.ledgerstream.connectors.camt;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.jsonl.JsonLinesParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@code --format auto} finds camt.053 files: extension, then the first kilobytes. */
class CamtFormatTest {

    private static String head(String sample) throws IOException {
        try (InputStream in = CamtFormatTest.class.getResourceAsStream("/bank-samples/camt053/" + sample)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"camt__camt053.v2.minimal.xml", "camt__camt053.v3.xml", "camt__camt053.v8.xml",
            "camt_parser__valid_example.xml", "camt_parser__valid_example_v4.xml", "camt_parser__valid_example_with_batch.xml"})
    void shouldRecognizeEverySampleByItsHead(String sample) throws IOException {
        String head = head(sample);

        assertThat(CamtParser.FORMAT.recognizes().test(head)).isTrue();
        assertThat(JsonLinesParser.FORMAT.recognizes().test(head)).as("jsonl must not claim it").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"transactionId\":\"t-1\",\"description\":\"camt.053 fee\"}",
            "Date,Description,Amount\n2026-03-04,camt.053 import fee,-1.00\n",
            "OFXHEADER:100\nDATA:OFXSGML\n<OFX><BANKMSGSRSV1><STMTTRNRS>",
            "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.08\"><BkToCstmrAcctRpt>",
            "<?xml version=\"1.0\"?><gesmes:Envelope xmlns:gesmes=\"http://www.gesmes.org/xml/2002-08-01\">",
            ":20:STARTUMSE\n:25:10020030/1234567\n:28C:00001/001\n"})
    void shouldNotRecognizeOtherFormats(String head) {
        assertThat(CamtParser.FORMAT.recognizes().test(head)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFEFF<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">",
            "<Document><BkToCstmrStmt><GrpHdr>"})
    void shouldRecognizeCamt053WithByteOrderMarkOrWithoutNamespace(String head) {
        assertThat(CamtParser.FORMAT.recognizes().test(head)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"statement.camt", "STATEMENT.CAMT", "2026-03.053"})
    void shouldClaimCamtAnd053Extensions(String fileName) {
        assertThat(CamtParser.FORMAT.name()).isEqualTo("camt");
        assertThat(CamtParser.FORMAT.matchesExtension(fileName)).isTrue();
        assertThat(CamtParser.FORMAT.matchesExtension("statement.xml")).as("xml is too generic").isFalse();
    }
}
