package io.ledgerstream.connectors.jsonl;

/** A line that is not one JSON object. */
public class JsonLineException extends Exception {

    public JsonLineException(String message) {
        super(message);
    }
}
