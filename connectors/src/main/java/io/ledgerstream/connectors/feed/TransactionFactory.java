package io.ledgerstream.connectors.feed;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Writes one simulated user's transactions the way a bank feed shows them: numbered ids
 * ({@code mock-user-001-000123}), card descriptions such as {@code CARD ****4821 TESCO STORES 3297}
 * (now and then with the full card number), transfers and direct debits.
 */
final class TransactionFactory {

    private final String userId;
    private final String accountId;
    private final String cardNumber;
    private final String maskedCard;
    private final Dice dice;
    private int sequence;

    TransactionFactory(String userId, String accountId, String cardNumber, Dice dice) {
        this.userId = userId;
        this.accountId = accountId;
        this.cardNumber = cardNumber;
        this.maskedCard = "****" + cardNumber.substring(cardNumber.length() - 4);
        this.dice = dice;
    }

    /** A card payment at a shop: {@code CARD ****4821 TESCO STORES 3297}. */
    RawTransaction card(LocalDate day, long cents, String currency, Merchant merchant, String descriptor, int store) {
        String card = dice.chance(3, 100) ? cardNumber : maskedCard; // exercises redaction downstream
        // the bank's enrichment misses a merchant now and then; the descriptor still says who it was
        String merchantName = dice.chance(12, 100) ? null : merchant.name();
        return build(day, cents, currency, "CARD " + card + " " + descriptor + " " + store, merchantName, merchant.mcc());
    }

    /** A recurring card payment online, without a store number: {@code CARD ****4821 NETFLIX.COM}. */
    RawTransaction online(LocalDate day, long cents, String currency, Merchant merchant) {
        return build(day, cents, currency, "CARD " + maskedCard + " " + merchant.descriptor(), merchant.name(),
                merchant.mcc());
    }

    /** A direct debit of a utility: {@code DIRECT DEBIT VATTENFALL EUROPE SALES NOV 2026 REF 48213977}. */
    RawTransaction directDebit(LocalDate day, long cents, String currency, Merchant payee, String period) {
        String reference = String.format(Locale.ROOT, "%08d", dice.nextInt(100_000_000));
        return build(day, cents, currency, "DIRECT DEBIT " + payee.descriptor() + " " + period + " REF " + reference,
                payee.name(), payee.mcc());
    }

    /** A transfer in or out, described in full by the caller. */
    RawTransaction transfer(LocalDate day, long cents, String currency, String description, String counterparty) {
        return build(day, cents, currency, description, counterparty, null);
    }

    private RawTransaction build(LocalDate day, long cents, String currency, String description, String merchant,
                                 String mcc) {
        sequence++;
        return RawTransaction.newBuilder()
                .setTransactionId(String.format(Locale.ROOT, "mock-%s-%06d", userId, sequence))
                .setUserId(userId)
                .setAccountId(accountId)
                .setBookedAt(day.toString())
                .setAmount(BigDecimal.valueOf(cents, 2).toPlainString())
                .setCurrency(currency)
                .setDescription(description)
                .setMerchant(merchant)
                .setMcc(mcc)
                .setRemoved(false)
                .setSource(MockBankFeed.SOURCE)
                .build();
    }
}
