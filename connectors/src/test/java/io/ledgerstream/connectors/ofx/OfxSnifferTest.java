package io.ledgerstream.connectors.ofx;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.jsonl.JsonLinesParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OfxSnifferTest {

    private static String head(String sample) throws IOException {
        try (InputStream in = OfxSnifferTest.class.getResourceAsStream("/bank-samples/ofx/" + sample)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ofxparse__checking.ofx", "ofxparse__suncorp.ofx", "ofxparse__anzcc.ofx",
            "ofxparse__bank_medium.ofx", "ofxparse__ofx-v102-empty-tags.ofx", "ofxparse__multiple_accounts2.ofx",
            "ofxparse__error_message.ofx"})
    void shouldRecognizeEveryOfxSampleAndNoOtherFormatShould(String sample) throws IOException {
        String head = head(sample);

        assertThat(OfxStatementParser.FORMAT.recognizes().test(head)).isTrue();
        assertThat(JsonLinesParser.FORMAT.recognizes().test(head)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"bookedAt\":\"2026-03-04\",\"amount\":\"-1.00\",\"currency\":\"EUR\"}",
        "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>",
        ":20:STARTUMS\n:25:12345678/0001\n:28C:1/1\n:60F:C240101EUR100,00\n",
        "!Type:Bank\nD03/04/2026\nT-12.34\nPTESCO\n^\n",
        "Date,Description,Amount\n2026-03-04,OFX MEMBERSHIP <OFFER>,-12.34\n"})
    void shouldNotRecognizeOtherFormats(String head) {
        assertThat(OfxStatementParser.FORMAT.recognizes().test(head)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"statement.ofx", "STATEMENT.QFX"})
    void shouldClaimTheOfxAndQfxExtensions(String name) {
        assertThat(OfxStatementParser.FORMAT.matchesExtension(name)).isTrue();
        assertThat(OfxStatementParser.FORMAT.name()).isEqualTo("ofx");
    }
}
