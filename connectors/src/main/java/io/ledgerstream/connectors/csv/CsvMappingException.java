package io.ledgerstream.connectors.csv;

/**
 * A bank profile or {@code --csv} setting that cannot be used as given: an unknown profile or key,
 * a value that is not one of the allowed ones. The message says what is allowed.
 */
public class CsvMappingException extends IllegalArgumentException {

    public CsvMappingException(String message) {
        super(message);
    }

    public CsvMappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
