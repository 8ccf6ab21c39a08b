package io.ledgerstream.connectors.csv;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words of a debit/credit flag column. {@link #USUAL} knows them as banks write them: C/D,
 * DEBIT/CREDIT, DR/CR, Af/Bij (NL), S/H and Soll/Haben (DE), D/K; a profile may name its own
 * ({@code flag-out}, {@code flag-in}).
 *
 * @param out lower-case words meaning money out
 * @param in  lower-case words meaning money in
 */
public record DirectionFlag(Set<String> out, Set<String> in) {

    /** The flags of the samples and of common exports; none holds a digit, which {@link #isOut} relies on. */
    public static final DirectionFlag USUAL = new DirectionFlag(
            Set.of("d", "dr", "db", "dbit", "debit", "debet", "af", "s", "soll", "withdrawal", "out", "outflow", "-"),
            Set.of("c", "cr", "crdt", "credit", "bij", "h", "haben", "k", "kredit", "kreditas", "deposit", "in",
                    "inflow", "+"));

    private static final int USUAL_LONGEST = Stream.concat(USUAL.out().stream(), USUAL.in().stream())
            .mapToInt(String::length).max().orElseThrow();

    public DirectionFlag {
        out = lowerCase(out);
        in = lowerCase(in);
    }

    /** True for money out, false for money in, empty when the text is none of these words. */
    public Optional<Boolean> read(String text) {
        String flag = text.strip().toLowerCase(Locale.ROOT);
        if (out.contains(flag)) {
            return Optional.of(true);
        }
        return in.contains(flag) ? Optional.of(false) : Optional.empty();
    }

    /** As {@link #read} with the usual words. */
    static Optional<Boolean> isOut(String text) {
        if (text.length() > USUAL_LONGEST && text.strip().length() > USUAL_LONGEST || hasDigit(text)) {
            // detection asks this of every cell, most of them longer than any flag (lower-casing
            // never shortens a text) or holding digits (no flag does): no lower-cased copy and no
            // set look-up for them
            return Optional.empty();
        }
        return USUAL.read(text);
    }

    private static Set<String> lowerCase(Set<String> words) {
        return words.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }
}
