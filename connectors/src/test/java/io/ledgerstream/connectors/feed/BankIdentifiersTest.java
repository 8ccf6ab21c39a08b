package io.ledgerstream.connectors.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BankIdentifiersTest {

    private final SplittableRandom random = new SplittableRandom(1);

    @Test
    void shouldMakeCardNumbersThatPassTheLuhnCheck() {
        for (int i = 0; i < 50; i++) {
            String number = BankIdentifiers.cardNumber(random);
            assertThat(number).hasSize(16).startsWith("4");
            assertThat(BankIdentifiers.luhnCheckDigit(number.substring(0, 15)))
                    .isEqualTo(number.charAt(15) - '0');
        }
        assertThat(BankIdentifiers.luhnCheckDigit("7992739871")).isEqualTo(3); // the textbook example
    }

    @Test
    void shouldMakeIbansWhoseCheckDigitsVerify() {
        assertThat(BankIdentifiers.checkDigits("DE", "370400440532013000")).isEqualTo("89"); // a published example
        for (String country : new String[] {"DE", "GB"}) {
            String iban = BankIdentifiers.iban(country, random);
            assertThat(mod97(iban)).isEqualTo(1);
        }
    }

    private static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        rearranged.chars().forEach(c -> digits.append(Character.isDigit(c) ? String.valueOf((char) c) : String.valueOf(c - 'A' + 10)));
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    }
}
