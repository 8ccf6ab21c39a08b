package io.ledgerstream.connectors.camt;

import java.util.Optional;

/**
 * An entry's status: {@code <Sts>BOOK</Sts>} up to camt.053.001.06, {@code <Sts><Cd>BOOK</Cd></Sts>}
 * from .07 on ({@code Prtry} for a bank's own code). Only BOOK entries are transactions; PDNG
 * (pending) and INFO (for information) come back booked, or never; FUTR is booked in the future.
 */
enum EntryStatus {
    BOOKED("BOOK", null),
    PENDING("PDNG", "pending entry (PDNG)"),
    INFORMATION("INFO", "information-only entry (INFO)"),
    FUTURE("FUTR", "future entry (FUTR)");

    private final String code;
    private final String skipReason;

    EntryStatus(String code, String skipReason) {
        this.code = code;
        this.skipReason = skipReason;
    }

    /** The reason the report counts a skipped entry under; {@code null} for booked entries. */
    String skipReason() {
        return skipReason;
    }

    /** The code as written in the entry ({@code BOOK}), if any. */
    static Optional<String> codeOf(XmlElement entry) {
        return entry.child("Sts").flatMap(status -> status.textAt("Cd")
                .or(() -> status.textAt("Prtry"))
                .or(() -> Optional.of(status.text().strip()).filter(text -> !text.isEmpty())));
    }

    /** The status of this code, if it is one of the four the standard defines. */
    static Optional<EntryStatus> of(String code) {
        for (EntryStatus status : values()) {
            if (status.code.equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
