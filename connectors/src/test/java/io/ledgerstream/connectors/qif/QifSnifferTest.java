package io.ledgerstream.connectors.qif;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QifSnifferTest {

    @ParameterizedTest
    @ValueSource(strings = {"!Type:Bank\nD1/2/2024\n", "\uFEFF  \n!type:CCard\n", "!Account\nNChecking\n^\n",
            "!Option:AutoSwitch\n!Account\n"})
    void shouldRecognizeTextStartingWithAQifHeader(String head) {
        assertThat(QifParser.FORMAT.recognizes().test(head)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"transactionId\":\"t-1\"}", "OFXHEADER:100\nDATA:OFXSGML\n", "<?xml version=\"1.0\"?><Document>",
            "Date,Amount,Description\n", ":20:STARTUMSE\n:25:12345\n", "{1:F01INGBNL2AXXXX}", ""})
    void shouldNotRecognizeOtherFormats(String head) {
        assertThat(QifParser.FORMAT.recognizes().test(head)).isFalse();
    }

    @Test
    void shouldLookPastCommentLinesBeforeTheHeader() {
        assertThat(QifParser.FORMAT.recognizes().test("### exported by quiffen\n### second comment\n\n!Type:Bank\n")).isTrue();
        assertThat(QifParser.FORMAT.recognizes().test("### only a comment\n")).isFalse();
    }

    @Test
    void shouldClaimTheQifExtensionInAnyCase() {
        assertThat(QifParser.FORMAT.name()).isEqualTo("qif");
        assertThat(QifParser.FORMAT.matchesExtension("export.QIF")).isTrue();
        assertThat(QifParser.FORMAT.matchesExtension("export.csv")).isFalse();
    }
}
