package io.ledgerstream.connectors.importer;

/**
 * The file as a whole is not a statement this parser can import, and why: an OFX error response,
 * an investment-only OFX, a CAMT.052 interim report, a QIF without a currency and no
 * {@code --currency}. Nothing from such a file is published.
 */
public class StatementRefusedException extends RuntimeException {

    public StatementRefusedException(String message) {
        super(message);
    }

    public StatementRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
