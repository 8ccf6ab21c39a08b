package io.ledgerstream.topology.enrich;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks card numbers, IBANs and account numbers in a description, keeping the last four digits:
 * {@code "DE89 3704 0044 0532 0130 00"} becomes {@code "****3000"}.
 *
 * <p>An IBAN is two letters, two check digits and 11 to 30 letters or digits, written solid or in
 * groups of four. A card or account number is a run of at least eight digits, in which single
 * spaces or dashes may separate the groups. A date written with dashes (2026-03-04, 04-03-2026)
 * is not a number to hide and stays as it is.
 */
public final class DescriptionRedactor {

    private static final String MASK = "****";
    private static final int KEPT_DIGITS = 4;
    private static final Pattern IBAN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![\\p{L}\\p{N}])");
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\p{L}\\p{N}])\\d(?:[ -]?\\d){7,}(?![\\p{L}\\p{N}])");
    private static final Pattern DASHED_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}-\\d{2}-\\d{4}");

    private DescriptionRedactor() {
    }

    /** The description with every long number masked; null stays null. */
    public static String redact(String description) {
        if (description == null) {
            return null;
        }
        return mask(DIGIT_RUN, mask(IBAN, description));
    }

    private static String mask(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String found = matcher.group();
            String replacement = DASHED_DATE.matcher(found).matches() ? found : MASK + lastDigits(found);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String lastDigits(String number) {
        String digits = number.replaceAll("\\D", "");
        return digits.substring(Math.max(0, digits.length() - KEPT_DIGITS));
    }
}
