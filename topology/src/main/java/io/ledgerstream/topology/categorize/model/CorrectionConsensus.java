package io.ledgerstream.topology.categorize.model;

import io.ledgerstream.schemas.avro.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which merchants' categories users agree on, so that the model learns from corrections without
 * one user's odd correction rewriting a merchant for everyone. A user's corrections stay that
 * user's rules at once (the topology's correction tier); here each user counts once per merchant,
 * with their latest correction, and a merchant's category is agreed when at least
 * {@code minUsers} users chose it and they are more than half of the users who corrected it.
 */
public final class CorrectionConsensus {

    /** A user's correction of a merchant, in the order the user made them. */
    public record Vote(String userId, String merchant, Category category) {
    }

    /** An agreed category with the number of users behind it and of users who corrected the merchant at all. */
    public record Agreement(String merchant, Category category, int users, int voters) {
    }

    private CorrectionConsensus() {
    }

    /**
     * The agreed categories, most supported first.
     *
     * @param votes    corrections in the order they were made; a later one of a user replaces their earlier one
     * @param minUsers users who must agree, at least 1
     */
    public static List<Agreement> of(List<Vote> votes, int minUsers) {
        if (minUsers < 1) {
            throw new IllegalArgumentException("minUsers must be at least 1, got " + minUsers);
        }
        Map<String, Map<String, Category>> latestByMerchant = new LinkedHashMap<>();
        Map<String, String> spelling = new HashMap<>();
        for (Vote vote : votes) {
            String key = vote.merchant().strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                continue;
            }
            spelling.putIfAbsent(key, vote.merchant().strip());
            latestByMerchant.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(vote.userId(), vote.category());
        }
        List<Agreement> agreed = new ArrayList<>();
        latestByMerchant.forEach((merchant, byUser) -> {
            Map<Category, Integer> counts = new HashMap<>();
            byUser.values().forEach(category -> counts.merge(category, 1, Integer::sum));
            counts.forEach((category, users) -> {
                if (category != Category.UNCATEGORIZED && users >= minUsers && 2 * users > byUser.size()) {
                    agreed.add(new Agreement(spelling.get(merchant), category, users, byUser.size()));
                }
            });
        });
        agreed.sort(Comparator.comparingInt(Agreement::users).reversed().thenComparing(Agreement::merchant));
        return agreed;
    }
}
