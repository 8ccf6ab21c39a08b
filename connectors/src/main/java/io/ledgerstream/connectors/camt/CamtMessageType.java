package io.ledgerstream.connectors.camt;

import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which ISO 20022 message a document is, and refuses everything but a camt.053 statement.
 * The type comes from the root's namespace ({@code urn:iso:std:iso:20022:tech:xsd:camt.053.001.08});
 * a document without one is judged by the message element under {@code Document}.
 */
final class CamtMessageType {

    private static final Pattern ISO_NAMESPACE =
            Pattern.compile("urn:iso:std:iso:20022:tech:xsd:([a-z]{4}\\.\\d{3}\\.\\d{3}\\.\\d{2})");
    private static final String STATEMENT_ELEMENT = "BkToCstmrStmt";
    private static final String STATEMENT_TYPE = "camt.053";

    /** What other messages are, for a refusal a person understands. */
    private static final Map<String, String> KNOWN = Map.of(
            "camt.052", "a bank-to-customer account report (an interim report of entries not yet in a statement)",
            "camt.054", "a debit/credit notification (single payments, not a statement)",
            "pain.001", "a payment initiation (a transfer order sent to the bank)",
            "pain.002", "a payment status report",
            "pain.008", "a direct debit initiation");
    private static final Map<String, String> BY_ELEMENT = Map.of(
            "BkToCstmrAcctRpt", "camt.052",
            "BkToCstmrDbtCdtNtfctn", "camt.054",
            "CstmrCdtTrfInitn", "pain.001",
            "CstmrPmtStsRpt", "pain.002",
            "CstmrDrctDbtInitn", "pain.008");

    private CamtMessageType() {
    }

    /**
     * The {@code BkToCstmrStmt} element of a camt.053 document.
     *
     * @throws StatementRefusedException naming the message type when the document is anything else
     */
    static XmlElement statementMessage(XmlElement root, String fileName) {
        String type = typeOf(root);
        if (type.isEmpty()) {
            throw new StatementRefusedException(fileName + " is not an ISO 20022 message (root element <"
                    + root.name() + ">, namespace '" + root.namespace()
                    + "'); only camt.053 statements can be imported");
        }
        if (!type.startsWith(STATEMENT_TYPE)) {
            String what = KNOWN.getOrDefault(type.length() >= 8 ? type.substring(0, 8) : type, "not a bank statement");
            throw new StatementRefusedException(fileName + " is an ISO 20022 " + type + " message, " + what
                    + "; only camt.053 bank-to-customer statements can be imported");
        }
        return root.child(STATEMENT_ELEMENT).orElseThrow(() -> new StatementRefusedException(fileName
                + " declares " + type + " but has no " + STATEMENT_ELEMENT + " element under " + root.name()));
    }

    /** {@code camt.053.001.02}, {@code camt.052} (from the message element), or empty when unknown. */
    private static String typeOf(XmlElement root) {
        Matcher matcher = ISO_NAMESPACE.matcher(root.namespace().strip().toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            return matcher.group(1);
        }
        if (!"Document".equals(root.name())) {
            return "";
        }
        for (XmlElement message : root.children()) {
            if (STATEMENT_ELEMENT.equals(message.name())) {
                return STATEMENT_TYPE;
            }
            if (BY_ELEMENT.containsKey(message.name())) {
                return BY_ELEMENT.get(message.name());
            }
        }
        return "";
    }
}
