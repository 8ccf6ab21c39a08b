package io.ledgerstream.connectors.qif;

import io.ledgerstream.connectors.importer.ContentHashIds;
import io.ledgerstream.connectors.importer.DayMonthOrder;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Turns one record of a bank, card, cash or asset/liability section into a {@link RawTransaction}.
 *
 * <ul>
 *   <li>Amount: {@code T}, else {@code U}, sign as written. QIF writers already put money out as
 *       negative in every section, card charges included (Quicken, GnuCash, Actual), so nothing is
 *       flipped.</li>
 *   <li>Description: payee ({@code P}) and memo ({@code M}), single-spaced. The category
 *       ({@code L}) is left out: it is the user's own label, not what the bank said, and the
 *       categoriser decides categories.</li>
 *   <li>Merchant: the payee. Id: a content hash over account, date, amount, payee, memo and check
 *       number ({@code N}, not unique); cleared status and category are left out because a user
 *       reconciling or re-categorising before the next export must not change the id.</li>
 *   <li>Splits are one transaction for the total; {@link QifSplits} checks that they add up.</li>
 * </ul>
 */
final class QifTransactionMapper {

    private final String file;
    private final String userId;
    private final String defaultAccount;
    private final String currency;
    private final DayMonthOrder order;
    private final ContentHashIds ids = new ContentHashIds();

    QifTransactionMapper(String file, String userId, String defaultAccount, String currency, DayMonthOrder order) {
        this.file = file;
        this.userId = userId;
        this.defaultAccount = defaultAccount;
        this.currency = currency;
        this.order = order;
    }

    /** The transaction (absent when the record is unusable) and every problem found. */
    record Mapped(Optional<RawTransaction> transaction, List<ImportProblem> problems) {
    }

    Mapped map(QifRecord record, String source) {
        List<ImportProblem> problems = new ArrayList<>();
        String bookedAt = bookedAt(record, problems);
        BigDecimal amount = amount(record, problems);
        if (bookedAt == null || amount == null) {
            return new Mapped(Optional.empty(), problems);
        }
        QifSplits.check(record, amount, file).ifPresent(problems::add);
        String account = record.account() != null ? record.account() : defaultAccount;
        String payee = record.first('P').filter(p -> !p.isBlank()).orElse(null);
        String memo = record.first('M').filter(m -> !m.isBlank()).orElse(null);
        String checkNumber = record.first('N').filter(n -> !n.isBlank()).orElse(null);
        String id = ids.next(Arrays.asList(account, bookedAt, amount.stripTrailingZeros().toPlainString(), currency,
                payee, memo, checkNumber));
        RawTransaction transaction = RawTransaction.newBuilder()
                .setTransactionId(id)
                .setUserId(userId)
                .setAccountId(account)
                .setBookedAt(bookedAt)
                .setAmount(amount.toPlainString())
                .setCurrency(currency)
                .setDescription(singleSpaced(payee, memo))
                .setMerchant(payee == null ? null : singleSpaced(payee, null))
                .setMcc(null)
                .setRemoved(false)
                .setSource(source)
                .build();
        return new Mapped(Optional.of(transaction), problems);
    }

    private String bookedAt(QifRecord record, List<ImportProblem> problems) {
        Optional<String> text = record.first('D');
        if (text.isEmpty() || text.get().isBlank()) {
            problems.add(new ImportProblem(file, record.line(), "D", "missing", "the record has no date"));
            return null;
        }
        Optional<LocalDate> date = QifDate.read(text.get()).flatMap(d -> d.resolve(order));
        if (date.isEmpty()) {
            problems.add(new ImportProblem(file, record.line(), "D", "invalid date",
                    "'" + text.get() + "' is not a date (" + orderName() + ")"));
            return null;
        }
        return date.get().toString();
    }

    private BigDecimal amount(QifRecord record, List<ImportProblem> problems) {
        Optional<String> text = record.first('T').or(() -> record.first('U'));
        if (text.isEmpty() || text.get().isBlank()) {
            problems.add(new ImportProblem(file, record.line(), "T", "missing", "the record has no T or U amount"));
            return null;
        }
        Optional<BigDecimal> amount = QifAmount.parse(text.get());
        if (amount.isEmpty()) {
            problems.add(new ImportProblem(file, record.line(), "T", "unparseable amount",
                    "'" + text.get() + "' is not an amount like -1,234.56"));
            return null;
        }
        return amount.get();
    }

    private String orderName() {
        return order == DayMonthOrder.DAY_FIRST ? "the file writes day/month" : "the file writes month/day";
    }

    private static String singleSpaced(String first, String second) {
        String joined = first == null ? (second == null ? "" : second) : (second == null ? first : first + " " + second);
        return joined.strip().replaceAll("\\s+", " ");
    }
}
