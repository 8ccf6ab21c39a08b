package io.ledgerstream.connectors.fx;

/** The document is not XML, or not in the ECB's reference-rate format at all. */
public class EcbFormatException extends RuntimeException {

    public EcbFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
