package io.ledgerstream.connectors.importer;

/**
 * Why one row of a statement was not imported.
 *
 * @param file   the file's name
 * @param line   the 1-based line the row starts on
 * @param field  the field at fault, or {@code null} when the row as a whole is (not JSON)
 * @param reason a short, fixed phrase that groups problems in the report ("missing", "invalid date")
 * @param detail what exactly was wrong, quoting the offending value
 */
public record ImportProblem(String file, int line, String field, String reason, String detail) {

    /** The group this problem is counted under in the report: field and reason. */
    public String kind() {
        return field == null ? reason : field + ": " + reason;
    }

    /** {@code FILE:LINE: field: reason: detail}. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + kind() + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
