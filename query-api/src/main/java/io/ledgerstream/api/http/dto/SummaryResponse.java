package io.ledgerstream.api.http.dto;

import io.ledgerstream.schemas.avro.MonthlySummary;
import java.util.Map;
import java.util.TreeMap;

/** A user's month in the base currency; expenses are a positive total, net = income − expenses. */
public record SummaryResponse(String userId, String month, String currency, String income, String expenses,
                              String net, long transactionCount, Map<String, String> byCategory,
                              String essential, String discretionary) {

    public static SummaryResponse from(MonthlySummary summary) {
        String currency = summary.getCurrency();
        Map<String, String> byCategory = new TreeMap<>();
        summary.getByCategory().forEach((category, amount) -> byCategory.put(category, Money.format(amount, currency)));
        return new SummaryResponse(summary.getUserId(), summary.getMonth(), currency,
                Money.format(summary.getIncome(), currency),
                Money.format(summary.getExpenses(), currency),
                Money.format(summary.getIncome().subtract(summary.getExpenses()), currency),
                summary.getTransactionCount(), byCategory,
                Money.format(summary.getEssential(), currency),
                Money.format(summary.getDiscretionary(), currency));
    }
}
