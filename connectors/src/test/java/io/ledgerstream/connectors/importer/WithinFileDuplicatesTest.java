package io.ledgerstream.connectors.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class WithinFileDuplicatesTest {

    @Test
    void dropsOnlyARowEqualToTheLatestVersionOfItsId() {
        RawTransaction a = transaction("t-1", "-5.00", "COFFEE", null);
        RawTransaction b = transaction("t-1", "-5.50", "COFFEE", null);

        List<RawTransaction> kept = WithinFileDuplicates.drop(List.of(a, copy(a), b, copy(b), copy(a)));

        assertThat(kept).containsExactly(a, b, a);
    }

    @Test
    void tellsContentsApartThatOnlyMoveTextBetweenFields() {
        // the same characters split differently between description and merchant, or absent vs empty
        RawTransaction split = transaction("t-1", "-5.00", "BLUE", "BOTTLE");
        RawTransaction joined = transaction("t-1", "-5.00", "BLUEBOTTLE", "");
        RawTransaction absent = transaction("t-1", "-5.00", "BLUEBOTTLE", null);

        assertThat(WithinFileDuplicates.drop(List.of(split, joined, absent))).containsExactly(split, joined, absent);
    }

    @Test
    void keepsEveryRowOfAContentHashIdWhichNoRowOfAFileCanRepeat() {
        String id = new ContentHashIds().next(List.of("current", "2026-03-04", "-5.00", "COFFEE"));
        RawTransaction hashed = transaction(id, "-5.00", "COFFEE", null);
        RawTransaction bankId = transaction("h-" + "0".repeat(31), "-5.00", "COFFEE", null); // one digit short

        assertThat(ContentHashIds.isContentHash(id)).isTrue();
        assertThat(WithinFileDuplicates.drop(List.of(hashed, copy(hashed), bankId, copy(bankId))))
                .containsExactly(hashed, hashed, bankId);
    }

    private static RawTransaction copy(RawTransaction transaction) {
        return RawTransaction.newBuilder(transaction).build();
    }

    private static RawTransaction transaction(String id, String amount, String description, String merchant) {
        return RawTransaction.newBuilder().setTransactionId(id).setUserId("alice").setAccountId("current")
                .setBookedAt("2026-03-04").setAmount(amount).setCurrency("EUR").setDescription(description)
                .setMerchant(merchant).setMcc(null).setRemoved(false).setSource("import:test.csv").build();
    }
}
