package io.ledgerstream.api.http.dto;

import io.ledgerstream.schemas.avro.MonthlySummary;
import java.util.List;

/** A user's months, oldest first. */
public record MonthsResponse(String userId, List<Month> months) {

    /** One month's totals in the base currency. */
    public record Month(String month, String currency, String income, String expenses, String net,
                        long transactionCount) {

        public static Month from(MonthlySummary summary) {
            String currency = summary.getCurrency();
            return new Month(summary.getMonth(), currency,
                    Money.format(summary.getIncome(), currency),
                    Money.format(summary.getExpenses(), currency),
                    Money.format(summary.getIncome().subtract(summary.getExpenses()), currency),
                    summary.getTransactionCount());
        }
    }

    public static MonthsResponse from(String userId, List<MonthlySummary> summaries) {
        return new MonthsResponse(userId, summaries.stream().map(Month::from).toList());
    }
}
