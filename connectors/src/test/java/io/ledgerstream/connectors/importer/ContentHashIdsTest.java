package io.ledgerstream.connectors.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentHashIdsTest {

    @Test
    void shouldNumberIdenticalRowsSoEachKeepsItsOwnStableId() {
        List<String> coffee = List.of("alice", "2026-03-04", "-3.5", "EUR", "CAFE");
        ContentHashIds first = new ContentHashIds();
        ContentHashIds again = new ContentHashIds();

        String one = first.next(coffee);
        String two = first.next(coffee);

        assertThat(one).isNotEqualTo(two).startsWith("h-");
        assertThat(again.next(coffee)).isEqualTo(one);
        assertThat(again.next(coffee)).isEqualTo(two);
    }

    @Test
    void shouldTellAnAbsentFieldFromAnEmptyOne() {
        assertThat(new ContentHashIds().next(Arrays.asList("a", null)))
                .isNotEqualTo(new ContentHashIds().next(Arrays.asList("a", "")));
    }
}
