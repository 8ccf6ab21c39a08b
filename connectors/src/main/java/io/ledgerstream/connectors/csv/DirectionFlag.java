package io.ledgerstream.connectors.csv;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Debit/credit flags as banks write them: C/D, DEBIT/CREDIT, DR/CR, Af/Bij (NL), S/H and Soll/Haben (DE), D/K. */
final class DirectionFlag {

    private static final Set<String> OUT = Set.of("d", "dr", "db", "dbit", "debit", "debet", "af", "s", "soll",
            "withdrawal", "out", "-");
    private static final Set<String> IN = Set.of("c", "cr", "crdt", "credit", "bij", "h", "haben", "k", "kredit",
            "kreditas", "deposit", "in", "+");

    private DirectionFlag() {
    }

    /** True for money out, false for money in, empty when the text is no flag. */
    static Optional<Boolean> isOut(String text) {
        String flag = text.strip().toLowerCase(Locale.ROOT);
        if (OUT.contains(flag)) {
            return Optional.of(true);
        }
        return IN.contains(flag) ? Optional.of(false) : Optional.empty();
    }
}
