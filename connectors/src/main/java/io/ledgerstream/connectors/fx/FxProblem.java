package io.ledgerstream.connectors.fx;

/**
 * A rate element that could not be loaded.
 *
 * @param element the element as written, for instance {@code <Cube currency="USD" rate="1,08">}
 */
public record FxProblem(String file, int line, String element, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + element + ": " + message;
    }
}
