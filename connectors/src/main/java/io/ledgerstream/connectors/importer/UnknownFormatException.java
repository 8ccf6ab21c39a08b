package io.ledgerstream.connectors.importer;

/** The importer refuses a file whose format it was not told and cannot tell, or a format it lacks. */
public class UnknownFormatException extends RuntimeException {

    public UnknownFormatException(String message) {
        super(message);
    }
}
