package io.ledgerstream.connectors.ofx;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code <STATUS>} of an OFX response: code 0 is success; any other code with severity ERROR
 * (or with no severity) means the bank answered with an error instead of what was asked.
 *
 * @param code     the numeric code as written
 * @param severity INFO, WARN or ERROR
 * @param message  the bank's words, or empty
 * @param line     the line of the {@code <STATUS>} tag
 */
record OfxStatus(String code, String severity, String message, int line) {

    /** The {@code STATUS} directly inside {@code response}, if it has one. */
    static Optional<OfxStatus> of(OfxElement response) {
        return response.child("STATUS").map(status -> new OfxStatus(
                status.childText("CODE").orElse(""),
                status.childText("SEVERITY").orElse("").toUpperCase(Locale.ROOT),
                status.childText("MESSAGE").orElse(""),
                status.line()));
    }

    boolean isError() {
        return !code.equals("0") && (severity.isEmpty() || severity.equals("ERROR"));
    }

    /** {@code code 2000 (ERROR) "General Server Error"}. */
    String describe() {
        return "code " + code + (severity.isEmpty() ? "" : " (" + severity + ")")
                + (message.isEmpty() ? "" : " \"" + message + "\"");
    }
}
