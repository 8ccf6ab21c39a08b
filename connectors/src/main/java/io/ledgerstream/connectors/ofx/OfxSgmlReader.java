package io.ledgerstream.connectors.ofx;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of an OFX file, from {@code <OFX>} on, into a tree of {@link OfxElement}s. One
 * tolerant reader serves OFX 1.x SGML (leaf tags never closed), OFX 2.x XML, and what banks really
 * send in between: ANZ's OFX 2.03 file has an XML declaration yet leaves its leaf tags unclosed.
 *
 * <p>Rules: a start tag followed by text (or CDATA) is a leaf and ends at the next tag, its own end
 * tag being optional; an end tag closes the nearest open element of that name, and any element it
 * closes on the way that never got its own end tag was an empty SGML leaf ({@code <NAME>} with no
 * value), so its would-be children are handed back to its parent. Headers, processing instructions
 * and comments are skipped; the five XML entities, {@code &nbsp;} and numeric references are decoded.
 */
final class OfxSgmlReader {

    private static final Pattern OFX_START = Pattern.compile("<OFX\\s*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9._:-]*)\\s*(/?)>");
    private static final String CDATA_START = "<![CDATA[";
    /**
     * Far deeper than OFX nests (about ten levels, a few more while empty SGML leaves wait for their
     * parent's end tag). Without a bound, a file of nothing but start tags would overflow the stack of
     * the readers of the tree, and closing them all would take quadratic time.
     */
    private static final int MAX_DEPTH = 256;

    /** The document: a synthetic root whose one child is {@code OFX}. */
    OfxElement read(String text) {
        Matcher ofx = OFX_START.matcher(text);
        if (!ofx.find()) {
            throw new StatementRefusedException("not an OFX file: it has no <OFX> element");
        }
        return new Parse(text).run(ofx.start());
    }

    private static final class Parse {
        private final String text;
        private final LineIndex lines;
        private final OfxElement root = new OfxElement("#document", 1);
        private final Deque<OfxElement> open = new ArrayDeque<>();
        private final StringBuilder pendingText = new StringBuilder();
        private boolean pendingHasData;
        private OfxElement lastLeaf;

        Parse(String text) {
            this.text = text;
            this.lines = new LineIndex(text);
            open.push(root);
        }

        OfxElement run(int from) {
            int pos = from;
            Matcher tag = TAG.matcher(text);
            while (pos < text.length()) {
                int lt = text.indexOf('<', pos);
                if (lt < 0) {
                    addText(text.substring(pos));
                    break;
                }
                addText(text.substring(pos, lt));
                if (text.startsWith(CDATA_START, lt)) {
                    int end = text.indexOf("]]>", lt);
                    end = end < 0 ? text.length() : end;
                    pendingText.append(text, lt + CDATA_START.length(), end);
                    pendingHasData = true;
                    pos = Math.min(text.length(), end + 3);
                } else if (text.startsWith("<!--", lt) || text.startsWith("<?", lt) || text.startsWith("<!", lt)) {
                    String close = text.startsWith("<!--", lt) ? "-->" : text.startsWith("<?", lt) ? "?>" : ">";
                    int end = text.indexOf(close, lt);
                    pos = end < 0 ? text.length() : end + close.length();
                } else if (tag.region(lt, text.length()).lookingAt()) {
                    String name = tag.group(2).toUpperCase(Locale.ROOT);
                    if (tag.group(1).isEmpty()) {
                        startTag(name, lines.lineAt(lt), !tag.group(3).isEmpty());
                    } else {
                        endTag(name);
                    }
                    pos = tag.end();
                } else {
                    addText("<"); // a lone '<' in SGML text, e.g. "A<B"
                    pos = lt + 1;
                }
            }
            flushText();
            return root;
        }

        private void addText(String chunk) {
            pendingText.append(OfxEntities.decode(chunk));
            pendingHasData |= !chunk.isBlank();
        }

        /** Text after a start tag makes that element a leaf, closed here whether or not it has an end tag. */
        private void flushText() {
            OfxElement top = open.peek();
            if (pendingHasData && top != root && top.children().isEmpty() && top.text() == null) {
                top.text(pendingText.toString());
                open.pop();
                lastLeaf = top;
            }
            pendingText.setLength(0);
            pendingHasData = false;
        }

        private void startTag(String name, int line, boolean selfClosing) {
            flushText();
            OfxElement element = new OfxElement(name, line);
            open.peek().children().add(element);
            lastLeaf = null;
            if (selfClosing) {
                element.text("");
                lastLeaf = element;
            } else {
                if (open.size() > MAX_DEPTH) {
                    throw new StatementRefusedException("elements nested more than " + MAX_DEPTH + " deep at line "
                            + line + ": not an OFX statement");
                }
                open.push(element);
            }
        }

        private void endTag(String name) {
            flushText();
            if (lastLeaf != null && lastLeaf.name().equals(name)) {
                lastLeaf = null; // the optional end tag of the leaf just read
                return;
            }
            lastLeaf = null;
            if (open.stream().noneMatch(element -> element != root && element.name().equals(name))) {
                return; // a stray end tag: nothing to close
            }
            while (true) {
                OfxElement closed = open.pop();
                if (closed.name().equals(name)) {
                    if (closed.children().isEmpty() && closed.text() == null) {
                        closed.text(""); // <FITID></FITID>: an empty leaf
                    }
                    return;
                }
                hoistChildren(closed, open.peek());
            }
        }

        /** {@code closed} never got its end tag: it was an empty leaf, and what followed belongs to its parent. */
        private static void hoistChildren(OfxElement closed, OfxElement parent) {
            int at = parent.children().indexOf(closed);
            parent.children().addAll(at + 1, closed.children());
            closed.children().clear();
            closed.text("");
        }
    }
}
