package io.ledgerstream.topology.categorize.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.topology.categorize.model.CorrectionConsensus.Agreement;
import io.ledgerstream.topology.categorize.model.CorrectionConsensus.Vote;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectionConsensusTest {

    private static Vote vote(String user, String merchant, Category category) {
        return new Vote(user, merchant, category);
    }

    @Test
    void shouldNotLetOneUsersOddCorrectionChangeAMerchantForEveryone() {
        assertThat(CorrectionConsensus.of(List.of(vote("mallory", "Tesco", Category.ENTERTAINMENT)), 3)).isEmpty();
    }

    @Test
    void shouldAgreeWhenEnoughUsersChoseTheSameCategory() {
        List<Vote> votes = List.of(
                vote("alice", "Zorblax Labs", Category.ENTERTAINMENT),
                vote("bob", "ZORBLAX LABS", Category.ENTERTAINMENT),
                vote("carol", " zorblax labs ", Category.ENTERTAINMENT));

        assertThat(CorrectionConsensus.of(votes, 3))
                .containsExactly(new Agreement("Zorblax Labs", Category.ENTERTAINMENT, 3, 3));
    }

    @Test
    void shouldCountEachUserOnceWithTheirLatestCorrection() {
        List<Vote> votes = List.of(
                vote("alice", "Zorblax", Category.ENTERTAINMENT),
                vote("alice", "Zorblax", Category.ENTERTAINMENT),
                vote("alice", "Zorblax", Category.ENTERTAINMENT),
                vote("bob", "Zorblax", Category.TRAVEL),
                vote("bob", "Zorblax", Category.ENTERTAINMENT),
                vote("carol", "Zorblax", Category.ENTERTAINMENT),
                vote("carol", "Zorblax", Category.TRAVEL));

        assertThat(CorrectionConsensus.of(votes, 2)).as("alice and bob now say ENTERTAINMENT, carol TRAVEL")
                .containsExactly(new Agreement("Zorblax", Category.ENTERTAINMENT, 2, 3));
        assertThat(CorrectionConsensus.of(votes, 3)).as("three repeats by alice are one user").isEmpty();
    }

    @Test
    void shouldNeedMoreThanHalfOfTheUsersWhoCorrectedTheMerchant() {
        List<Vote> votes = List.of(
                vote("a", "Zorblax", Category.ENTERTAINMENT), vote("b", "Zorblax", Category.ENTERTAINMENT),
                vote("c", "Zorblax", Category.ENTERTAINMENT), vote("d", "Zorblax", Category.TRAVEL),
                vote("e", "Zorblax", Category.TRAVEL), vote("f", "Zorblax", Category.TRAVEL));

        assertThat(CorrectionConsensus.of(votes, 3)).as("three against three: no agreement").isEmpty();
        assertThat(CorrectionConsensus.of(votes.subList(0, 5), 3))
                .containsExactly(new Agreement("Zorblax", Category.ENTERTAINMENT, 3, 5));
    }

    @Test
    void shouldNeverLearnUncategorized() {
        List<Vote> votes = List.of(vote("a", "Zorblax", Category.UNCATEGORIZED),
                vote("b", "Zorblax", Category.UNCATEGORIZED), vote("c", "Zorblax", Category.UNCATEGORIZED));

        assertThat(CorrectionConsensus.of(votes, 3)).isEmpty();
    }
}
