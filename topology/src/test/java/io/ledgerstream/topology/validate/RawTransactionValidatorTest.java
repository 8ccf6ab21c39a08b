package io.ledgerstream.topology.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.schemas.avro.RawTransaction;
import io.ledgerstream.topology.reject.Rejection;
import io.ledgerstream.topology.reject.RejectionReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RawTransactionValidatorTest {

    private static RawTransaction.Builder valid() {
        return RawTransaction.newBuilder().setTransactionId("t-1").setUserId("alice").setAccountId(null)
                .setBookedAt("2026-03-04").setAmount("-12.34").setCurrency("EUR").setDescription("x")
                .setMerchant(null).setMcc(null).setRemoved(false).setSource(null);
    }

    private static Optional<Rejection> validate(RawTransaction.Builder raw) {
        return RawTransactionValidator.validate("alice", raw.build());
    }

    @Test
    void shouldAcceptAValidTransaction() {
        assertThat(validate(valid())).isEmpty();
        assertThat(validate(valid().setMcc("5411"))).isEmpty();
        assertThat(validate(valid().setMcc(""))).as("a blank mcc counts as none").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.0001", "+12", "9999999999999999.9999", "-5.120000", "1234567890123456"})
    void shouldAcceptPlainDecimalAmountsWithinTheWireFormat(String amount) {
        assertThat(validate(valid().setAmount(amount))).isEmpty();
    }

    @ParameterizedTest(name = "amount {0}")
    @CsvSource(delimiter = '|', value = {
            "12,34|not a plain decimal", "1E+3|not a plain decimal", ".5|not a plain decimal", "''|not a plain decimal",
            "1 000|not a plain decimal", "-1.23456|more than 4 decimals", "12345678901234567|more than 16 integer digits"})
    void shouldRejectRowWithUnparseableAmount(String amount, String problem) {
        Rejection rejection = validate(valid().setAmount(amount)).orElseThrow();

        assertThat(rejection.reason()).isEqualTo(RejectionReason.BAD_AMOUNT);
        assertThat(rejection.field()).isEqualTo("amount");
        assertThat(rejection.detail()).contains("amount '" + amount + "'", problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026-3-4", "04.03.2026", "20260304", "+12026-03-04", ""})
    void shouldRejectADateThatIsNotIso(String bookedAt) {
        Rejection rejection = validate(valid().setBookedAt(bookedAt)).orElseThrow();

        assertThat(rejection.reason()).isEqualTo(RejectionReason.BAD_DATE);
        assertThat(rejection.detail()).contains("bookedAt '" + bookedAt + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EURO", "eur", "XYZ", "E1R", ""})
    void shouldRejectACurrencyThatIsNotAnIsoCode(String currency) {
        assertThat(validate(valid().setCurrency(currency))).get().extracting(Rejection::reason)
                .isEqualTo(RejectionReason.UNKNOWN_CURRENCY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"541", "54111", "54a1"})
    void shouldRejectAnMccThatIsNotFourDigits(String mcc) {
        assertThat(validate(valid().setMcc(mcc))).get().extracting(Rejection::reason).isEqualTo(RejectionReason.BAD_MCC);
    }

    @Test
    void shouldRejectMissingIdsBeforeAnythingElse() {
        assertThat(validate(valid().setTransactionId("").setAmount("bad"))).get()
                .extracting(Rejection::reason, Rejection::field)
                .containsExactly(RejectionReason.MISSING_FIELD, "transactionId");
        assertThat(RawTransactionValidator.validate("alice", valid().setUserId(" ").build())).get()
                .extracting(Rejection::reason, Rejection::field)
                .containsExactly(RejectionReason.MISSING_FIELD, "userId");
    }

    @Test
    void shouldRejectAKeyThatIsNotTheUserId() {
        assertThat(RawTransactionValidator.validate("bob", valid().build())).get()
                .extracting(Rejection::reason).isEqualTo(RejectionReason.KEY_MISMATCH);
        assertThat(RawTransactionValidator.validate(null, valid().build())).get()
                .extracting(Rejection::reason).isEqualTo(RejectionReason.KEY_MISMATCH);
    }

    @Test
    void shouldRejectAUserIdWithTheKeySeparator() {
        Rejection rejection = RawTransactionValidator.validate("a|b", valid().setUserId("a|b").build()).orElseThrow();

        assertThat(rejection.reason()).isEqualTo(RejectionReason.BAD_USER_ID);
        assertThat(rejection.detail()).contains("'a|b'");
    }
}
