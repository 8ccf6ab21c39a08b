package io.ledgerstream.api.http.dto;

import io.ledgerstream.schemas.avro.PaymentSeries;
import io.ledgerstream.schemas.avro.SeriesPayment;
import io.ledgerstream.topology.detect.Cadence;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's recurring payments (subscriptions and bills) and what they come to per month, by
 * currency (a user who changed base currency has series in both).
 */
public record RecurringPaymentsResponse(String userId, List<RecurringPayment> payments, Map<String, String> monthlyTotals) {

    /**
     * One merchant paid at a cadence: the latest amount that kept it, when it was paid and when the
     * next payment is expected, and the amount per month it comes to.
     */
    public record RecurringPayment(String merchant, String category, String cadence, String amount, String currency,
                                   String lastPaid, String nextExpected, String monthlyAmount) {
    }

    public static RecurringPaymentsResponse from(String userId, List<PaymentSeries> series) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        List<RecurringPayment> payments = series.stream().map(one -> {
            Cadence cadence = Cadence.valueOf(one.getCadence());
            int digits = Money.fractionDigits(one.getCurrency());
            BigDecimal monthly = cadence.perMonth(one.getAmount(), digits >= 0 ? digits : 4);
            totals.merge(one.getCurrency(), monthly, BigDecimal::add);
            List<SeriesPayment> paid = one.getPayments();
            return new RecurringPayment(one.getMerchant(), one.getCategory().name(), cadence.name(),
                    Money.format(one.getAmount(), one.getCurrency()), one.getCurrency(),
                    paid.get(paid.size() - 1).getDate().toString(),
                    one.getNextExpected() == null ? null : one.getNextExpected().toString(),
                    Money.format(monthly, one.getCurrency()));
        }).toList();
        Map<String, String> monthlyTotals = new TreeMap<>();
        totals.forEach((currency, total) -> monthlyTotals.put(currency, Money.format(total, currency)));
        return new RecurringPaymentsResponse(userId, payments, monthlyTotals);
    }
}
