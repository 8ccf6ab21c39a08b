package io.ledgerstream.connectors.camt;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML file into a tree of {@link XmlElement}s with the JDK's StAX parser, keeping each
 * element's start line. DTDs and external entities are refused (a statement never needs them, and
 * they are how XML files attack their readers). A statement is at most a few megabytes, so the
 * whole tree fits in memory and lets the parser look at an entry as a whole.
 */
final class XmlTreeReader {

    private final XMLInputFactory factory;

    XmlTreeReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /**
     * The document's root element.
     *
     * @throws IOException                if the file cannot be read
     * @throws StatementRefusedException  if it is not well-formed XML
     */
    XmlElement read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return readRoot(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
            throw new StatementRefusedException(file.getFileName() + " is not well-formed XML"
                    + (line > 0 ? " (line " + line + ")" : "") + ": " + e.getMessage(), e);
        }
    }

    private static XmlElement readRoot(XMLStreamReader xml) throws XMLStreamException {
        Deque<Builder> open = new ArrayDeque<>();
        XmlElement root = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                Map<String, String> attributes = new HashMap<>();
                for (int i = 0; i < xml.getAttributeCount(); i++) {
                    attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
                }
                String namespace = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
                open.push(new Builder(xml.getLocalName(), namespace, attributes, xml.getLocation().getLineNumber()));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (!open.isEmpty()) {
                    open.peek().text.append(xml.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                XmlElement done = open.pop().build();
                if (open.isEmpty()) {
                    root = done;
                } else {
                    open.peek().children.add(done);
                }
            }
        }
        if (root == null) {
            throw new XMLStreamException("no root element");
        }
        return root;
    }

    private static final class Builder {
        private final String name;
        private final String namespace;
        private final Map<String, String> attributes;
        private final int line;
        private final StringBuilder text = new StringBuilder();
        private final List<XmlElement> children = new ArrayList<>();

        Builder(String name, String namespace, Map<String, String> attributes, int line) {
            this.name = name;
            this.namespace = namespace;
            this.attributes = attributes;
            this.line = line;
        }

        XmlElement build() {
            return new XmlElement(name, namespace, attributes, text.toString(), children, line);
        }
    }
}
