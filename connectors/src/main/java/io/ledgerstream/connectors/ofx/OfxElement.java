package io.ledgerstream.connectors.ofx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One element of an OFX document, SGML or XML alike: a leaf with a text value ({@code <TRNAMT>-5.50})
 * or an aggregate with children ({@code <STMTTRN>...</STMTTRN>}). Names are upper case as OFX writes
 * them; {@code line} is the 1-based line of the start tag in the file.
 */
final class OfxElement {

    private final String name;
    private final int line;
    private final List<OfxElement> children = new ArrayList<>();
    private String text;

    OfxElement(String name, int line) {
        this.name = name;
        this.line = line;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    List<OfxElement> children() {
        return children;
    }

    /** The leaf's value as written (entities decoded, not stripped), or {@code null} for an aggregate. */
    String text() {
        return text;
    }

    void text(String value) {
        this.text = value;
    }

    /** The first direct child of this name. */
    Optional<OfxElement> child(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).findFirst();
    }

    /** The stripped text of the first direct child of this name; empty when absent or blank. */
    Optional<String> childText(String childName) {
        return child(childName).map(OfxElement::text).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Every element below this one named one of {@code names}, in document order, not looking inside a match. */
    List<OfxElement> descendants(Set<String> names) {
        List<OfxElement> found = new ArrayList<>();
        for (OfxElement child : children) {
            if (names.contains(child.name)) {
                found.add(child);
            } else {
                found.addAll(child.descendants(names));
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "<" + name + ">@" + line;
    }
}
