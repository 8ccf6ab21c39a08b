package io.ledgerstream.connectors.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
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

    @Test
    void shouldKeepTheIdsEveryEarlierImportGaveSoReimportsAddNothing() throws Exception {
        // the published formula, computed here independently: SHA-256 of the fields, each followed by
        // U+001F (absent as U+0000), then the occurrence in decimal; h- and the first 32 hex digits
        List<String> coffee = Arrays.asList("current", "2026-03-04", "-3.50", null, "CAFE");
        String canonical = "current\u001f2026-03-04\u001f-3.50\u001f\u0000\u001fCAFE\u001f";
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        ContentHashIds ids = new ContentHashIds();

        for (int occurrence = 0; occurrence < 3; occurrence++) {
            String expected = "h-" + HexFormat.of().formatHex(
                    sha256.digest((canonical + occurrence).getBytes(StandardCharsets.UTF_8))).substring(0, 32);
            assertThat(ids.next(coffee)).isEqualTo(expected);
        }
        assertThat(new ContentHashIds().next(List.of("current", "2026-03-04", "-3.50", "", "CAFE")))
                .as("pinned from the ids published before: a change here re-publishes every imported row")
                .isEqualTo("h-" + HexFormat.of().formatHex(sha256.digest(
                        "current\u001f2026-03-04\u001f-3.50\u001f\u001fCAFE\u001f0".getBytes(StandardCharsets.UTF_8)))
                        .substring(0, 32));
    }

    @Test
    void shouldNumberEachContentOnItsOwnAmongManyRepeatedOnes() throws Exception {
        // 200,000 rows over 60,000 contents, so the count table grows many times and holds
        // collisions of its slots; each id is computed here from the formula and a count kept apart
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        java.util.Random random = new java.util.Random(7);
        ContentHashIds ids = new ContentHashIds();
        int repeated = 0;
        for (int row = 0; row < 200_000; row++) {
            String amount = "-" + random.nextInt(60_000) + ".00";
            String canonical = "current\u001f2026-03-04\u001f" + amount + "\u001fCAFÉ\u001f";
            int occurrence = seen.merge(canonical, 1, Integer::sum) - 1;
            repeated += occurrence > 0 ? 1 : 0;
            String expected = "h-" + HexFormat.of().formatHex(
                    sha256.digest((canonical + occurrence).getBytes(StandardCharsets.UTF_8))).substring(0, 32);
            assertThat(ids.next(List.of("current", "2026-03-04", amount, "CAFÉ"))).isEqualTo(expected);
        }
        assertThat(repeated).isGreaterThan(100_000);
    }

    @Test
    void shouldCountTheAllZeroKeyApartFromTheEmptySlotsItLooksLike() {
        ContentHashIds.Occurrences occurrences = new ContentHashIds.Occurrences();

        assertThat(occurrences.increment(0, 0)).isZero();
        assertThat(occurrences.increment(0, 1)).isZero();
        assertThat(occurrences.increment(0, 0)).isEqualTo(1);
        assertThat(occurrences.increment(0, 1)).isEqualTo(1);
        assertThat(occurrences.increment(1, 0)).isZero();
    }
}
