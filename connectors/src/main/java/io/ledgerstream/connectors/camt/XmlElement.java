package io.ledgerstream.connectors.camt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a parsed XML document, reduced to what a CAMT reader needs: its local name
 * (namespaces dropped, so every camt.053 version reads alike), its attributes by local name, its
 * own text, its children in order, and the line its start tag is on (for problem reports). The
 * namespace is kept only to name the message type.
 */
record XmlElement(String name, String namespace, Map<String, String> attributes, String text,
                  List<XmlElement> children, int line) {

    XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** The first child named {@code childName}, if any. */
    Optional<XmlElement> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    /** Every child named {@code childName}, in document order. */
    List<XmlElement> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The element at the end of a path of child names, taking the first match at each step. */
    Optional<XmlElement> at(String... path) {
        Optional<XmlElement> current = Optional.of(this);
        for (String step : path) {
            current = current.flatMap(element -> element.child(step));
        }
        return current;
    }

    /** The stripped, non-empty text at the end of a path of child names. */
    Optional<String> textAt(String... path) {
        return at(path).map(XmlElement::text).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Every element named {@code descendantName} below this one, depth first, in document order. */
    List<XmlElement> descendants(String descendantName) {
        List<XmlElement> found = new ArrayList<>();
        collect(descendantName, found);
        return found;
    }

    private void collect(String descendantName, List<XmlElement> found) {
        for (XmlElement c : children) {
            if (c.name.equals(descendantName)) {
                found.add(c);
            }
            c.collect(descendantName, found);
        }
    }
}
