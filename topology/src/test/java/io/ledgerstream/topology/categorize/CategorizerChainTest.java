package io.ledgerstream.topology.categorize;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.Category;
import io.ledgerstream.schemas.avro.CategorySource;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CategorizerChainTest {

    private static final CategoryDecision GROCERIES =
            new CategoryDecision(Category.FOOD_AND_DRINK, "GROCERIES", CategorySource.KEYWORD, true);

    private static TransactionFeatures features(String merchant, Direction direction) {
        return new TransactionFeatures("alice", "t-1", merchant, "CARD PAYMENT", null, direction,
                direction == Direction.MONEY_IN ? BigDecimal.TEN : BigDecimal.TEN.negate());
    }

    private static CorrectionLookup corrections(Map<String, Category> byTransaction, Map<String, Category> byMerchant) {
        return new CorrectionLookup() {
            @Override
            public Optional<Category> forTransaction(String userId, String transactionId) {
                return Optional.ofNullable(byTransaction.get(userId + "/" + transactionId));
            }

            @Override
            public Optional<Category> forMerchant(String userId, String merchant) {
                return Optional.ofNullable(byMerchant.get(userId + "/" + merchant));
            }
        };
    }

    @Test
    void shouldTakeTheFirstDecision() {
        CategorizerChain chain = CategorizerChain.of(features -> Optional.empty(), features -> Optional.of(GROCERIES),
                features -> { throw new AssertionError("not asked once a categorizer decided"); });

        assertThat(chain.decide(features("Tesco", Direction.MONEY_OUT))).isEqualTo(GROCERIES);
    }

    @Test
    void shouldPreferTheUsersTransactionCorrectionToTheirMerchantCorrectionToRules() {
        Categorizer byUser = new UserCorrectionCategorizer(corrections(
                Map.of("alice/t-1", Category.MEDICAL), Map.of("alice/Tesco", Category.GENERAL_MERCHANDISE)));
        CategorizerChain chain = CategorizerChain.of(byUser, features -> Optional.of(GROCERIES));

        assertThat(chain.decide(features("Tesco", Direction.MONEY_OUT)))
                .isEqualTo(new CategoryDecision(Category.MEDICAL, null, CategorySource.USER_CORRECTION, true));
        assertThat(chain.decide(new TransactionFeatures("alice", "t-2", "Tesco", "", null, Direction.MONEY_OUT, BigDecimal.TEN.negate())))
                .isEqualTo(new CategoryDecision(Category.GENERAL_MERCHANDISE, null, CategorySource.USER_CORRECTION, false));
        assertThat(chain.decide(new TransactionFeatures("bob", "t-1", "Tesco", "", null, Direction.MONEY_OUT, BigDecimal.TEN.negate())))
                .isEqualTo(GROCERIES);
    }

    @Test
    void shouldFallBackToTransferInForMoneyInAndUncategorizedForMoneyOut() {
        CategorizerChain nothing = CategorizerChain.of(features -> Optional.empty());

        assertThat(nothing.decide(features(null, Direction.MONEY_IN)))
                .isEqualTo(new CategoryDecision(Category.TRANSFER_IN, null, CategorySource.NONE, false));
        assertThat(nothing.decide(features(null, Direction.MONEY_OUT)))
                .isEqualTo(new CategoryDecision(Category.UNCATEGORIZED, null, CategorySource.NONE, false));
    }

    @Test
    void shouldUseMccRulesBeforeKeywordsInTheStandardRules() {
        CategorizerChain standard = RuleCategorizers.standard();

        CategoryDecision decision = standard.decide(
                new TransactionFeatures("alice", "t-1", "Tesco Cafe", "", "5812", Direction.MONEY_OUT, BigDecimal.TEN.negate()));

        assertThat(decision.source()).isEqualTo(CategorySource.MCC);
        assertThat(decision.subcategory()).isEqualTo("RESTAURANTS");
    }
}
