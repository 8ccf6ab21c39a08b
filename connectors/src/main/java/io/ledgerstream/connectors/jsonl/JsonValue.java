package io.ledgerstream.connectors.jsonl;

/**
 * One top-level value of a JSON line, kept as its source text so numbers are never read through a
 * double.
 *
 * @param text a string's content, a number's literal as written, "true"/"false", or {@code null}
 *             for an object or array
 */
public record JsonValue(Kind kind, String text) {

    /** The JSON types a field can have ({@code null} values are dropped, so absent and null agree). */
    public enum Kind { STRING, NUMBER, BOOLEAN, COMPOSITE }

    public boolean isString() {
        return kind == Kind.STRING;
    }
}
