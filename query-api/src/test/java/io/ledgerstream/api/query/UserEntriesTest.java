package io.ledgerstream.api.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

class UserEntriesTest {

    /** A store iterator over given entries that remembers whether it was closed. */
    private static final class ListIterator implements KeyValueIterator<String, String> {
        private final Iterator<KeyValue<String, String>> entries;
        boolean closed;

        /** @param keysAndValues key, value, key, value, … (a null value is a deleted entry) */
        ListIterator(String... keysAndValues) {
            List<KeyValue<String, String>> pairs = new ArrayList<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                pairs.add(KeyValue.pair(keysAndValues[i], keysAndValues[i + 1]));
            }
            this.entries = pairs.iterator();
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public KeyValue<String, String> next() {
            return entries.next();
        }

        @Override
        public String peekNextKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void shouldReadEveryPartitionsEntriesInOrderAndCloseThemAll() {
        ListIterator empty = new ListIterator();
        ListIterator partition = new ListIterator("alice|2026-02", "feb",
                "alice|2026-03", "mar");

        List<String> values;
        try (UserEntries<String> entries = new UserEntries<>(List.of(empty, partition), "alice|")) {
            values = List.copyOf(iterate(entries));
        }

        assertThat(values).containsExactly("feb", "mar");
        assertThat(empty.closed).isTrue();
        assertThat(partition.closed).isTrue();
    }

    @Test
    void shouldSkipEntriesOfOtherUsersAndDeletedValues() {
        ListIterator partition = new ListIterator("alice|a", "kept", "alice|b", null,
                "alice2|a", "other user", "alice|c", "kept too");

        try (UserEntries<String> entries = new UserEntries<>(List.of(partition), "alice|")) {
            assertThat(iterate(entries)).containsExactly("kept", "kept too");
        }
    }

    @Test
    void shouldCloseIteratorsThatWereNeverRead() {
        ListIterator first = new ListIterator("alice|a", "a");
        ListIterator second = new ListIterator("alice|b", "b");

        try (UserEntries<String> entries = new UserEntries<>(List.of(first, second), "alice|")) {
            assertThat(entries.next()).isEqualTo("a");
        }

        assertThat(first.closed).isTrue();
        assertThat(second.closed).isTrue();
    }

    private static List<String> iterate(Iterator<String> values) {
        List<String> list = new ArrayList<>();
        values.forEachRemaining(list::add);
        return list;
    }
}
