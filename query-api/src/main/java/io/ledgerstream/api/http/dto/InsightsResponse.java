package io.ledgerstream.api.http.dto;

import io.ledgerstream.api.insight.Insights;
import java.util.List;

/** What is worth saying about a user's month ({@link Insights}), each as a sentence with what it is about. */
public record InsightsResponse(String userId, String month, List<InsightView> insights) {

    /** One insight; {@code amount} is the figure it is about, a decimal string in {@code currency}. */
    public record InsightView(String kind, String message, String category, String amount, String currency) {
    }

    public static InsightsResponse from(String userId, String month, String currency, List<Insights.Insight> insights) {
        return new InsightsResponse(userId, month, insights.stream().map(insight -> new InsightView(insight.kind(),
                insight.message(), insight.category() == null ? null : insight.category().name(),
                Money.format(insight.amount(), currency), currency)).toList());
    }
}
