package io.ledgerstream.connectors.mt940;

import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a file (one {@code :20:} block): its account, opening balance and entries.
 * A fragment with {@code :61:} lines before any {@code :20:} becomes a statement without header.
 */
final class Mt940Statement {

    private String account;
    private Balance opening;
    private final List<Entry> entries = new ArrayList<>();

    String account() {
        return account;
    }

    void account(String value) {
        account = value == null || value.isBlank() ? null : value.strip();
    }

    Balance opening() {
        return opening;
    }

    void opening(Balance value) {
        opening = value;
    }

    List<Entry> entries() {
        return entries;
    }

    /** A {@code :61:} field and the {@code :86:} fields that follow it. */
    record Entry(Mt940Field line, List<Mt940Field> information) {
        Entry(Mt940Field line) {
            this(line, new ArrayList<>());
        }
    }
}
