package io.ledgerstream.connectors.feed;

import java.math.BigInteger;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Valid-looking (checksum-correct) card numbers and IBANs for simulated users, so descriptions
 * that carry one exercise the pipeline's PII redaction the way real ones would. They belong to
 * nobody: the digits are drawn from the feed's seeded generator.
 */
final class BankIdentifiers {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private BankIdentifiers() {
    }

    /** A 16-digit Visa-style number (leading 4) with a correct Luhn check digit. */
    static String cardNumber(RandomGenerator random) {
        StringBuilder digits = new StringBuilder("4");
        while (digits.length() < 15) {
            digits.append(random.nextInt(10));
        }
        return digits.append(luhnCheckDigit(digits)).toString();
    }

    static int luhnCheckDigit(CharSequence payload) {
        int sum = 0;
        for (int i = payload.length() - 1, position = 0; i >= 0; i--, position++) {
            int digit = payload.charAt(i) - '0';
            if (position % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** An IBAN with correct check digits: DE (18 digits) or GB (bank code and 14 digits). */
    static String iban(String country, RandomGenerator random) {
        StringBuilder bban = new StringBuilder();
        if ("GB".equals(country)) {
            bban.append(new String[] {"NWBK", "BARC", "LOYD", "HBUK"}[random.nextInt(4)]);
            appendDigits(bban, 14, random);
        } else {
            appendDigits(bban, 18, random);
        }
        return country + checkDigits(country, bban.toString()) + bban;
    }

    /** ISO 13616 check digits: 98 minus (BBAN + country + "00", letters as numbers) mod 97. */
    static String checkDigits(String country, String bban) {
        String rearranged = (bban + country + "00").toUpperCase(Locale.ROOT);
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(NINETY_SEVEN).intValue();
        return String.format(Locale.ROOT, "%02d", check);
    }

    private static void appendDigits(StringBuilder target, int count, RandomGenerator random) {
        for (int i = 0; i < count; i++) {
            target.append(random.nextInt(10));
        }
    }
}
