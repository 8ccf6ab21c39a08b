package io.ledgerstream.topology.categorize;

/** The rule-based categorizers shipped with the topology. */
public final class RuleCategorizers {

    private RuleCategorizers() {
    }

    /** MCC rules, then keyword rules; reads the rule files from the class path once. */
    public static CategorizerChain standard() {
        return CategorizerChain.of(MccCategorizer.load(MccDirectory.load()), KeywordCategorizer.load());
    }
}
