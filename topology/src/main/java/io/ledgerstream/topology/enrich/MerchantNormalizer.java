package io.ledgerstream.topology.enrich;

import io.ledgerstream.topology.categorize.CsvResource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Finds a readable merchant name, the same for every way a bank writes it.
 *
 * <ol>
 *   <li>A payment processor's prefix goes ({@code SQ *BLUE BOTTLE}, {@code PAYPAL *NETFLIX},
 *       {@code SUMUP *CAFE X}); after any other name a {@code *} starts an order reference, which
 *       goes too ({@code AMZN MKTP US*2K4XY}).
 *   <li>A known merchant ({@code merchant-aliases.csv}) gets its own name: "Amazon", "Uber Eats".
 *   <li>Otherwise, from the description: leading payment-method words (CARD, POS, SEPA, …), masked
 *       numbers, dates and other numbers before the name are skipped; the name ends at the first
 *       number after it (a store or terminal number, a date, a reference); places at its end
 *       ({@code cities.csv}: cities and country codes) go; its first few words are written in title
 *       case. A merchant the feed names keeps its own words and case (spaces tidied).
 * </ol>
 * {@code "CARD ****1234 TESCO STORES 3297 LONDON"} gives "Tesco", {@code "STARBUCKS LONDON GB"}
 * "Starbucks", {@code "SQ *BLUE BOTTLE"} "Blue Bottle".
 */
public final class MerchantNormalizer {

    private static final int MAX_WORDS = 3;
    private static final Set<String> PREFIXES = Set.of("card", "debit", "credit", "pos", "sepa", "paypal", "visa",
            "mastercard", "maestro", "contactless", "purchase", "payment", "to", "from", "at", "dd", "so", "bgc",
            "fps", "ec", "girocard", "kartenzahlung", "lastschrift", "basislastschrift", "ref", "transaction", "txn");
    /** Payment processors that write themselves before the merchant, followed by a {@code *}. */
    private static final Set<String> PROCESSORS = Set.of("sq", "sqsp", "square", "paypal", "pp", "sumup", "iz",
            "izettle", "zettle", "tst", "toast", "sp", "stripe", "google", "gpay", "apl", "applepay", "wpy", "crv",
            "pos", "eb", "fs", "ckr", "klarna");
    /** A token without letters (numbers, dates, times, amounts) or a masked number. */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[^\\p{L}]*\\d[^\\p{L}]*|\\*+\\d*|#\\d+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}.'&]+$");
    private static final Pattern MASKED = Pattern.compile("\\*+\\d*");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Alias words (joined by one space) to the merchant's name. */
    private static final Map<String, String> ALIASES = aliases();
    private static final int LONGEST_ALIAS = ALIASES.keySet().stream()
            .mapToInt(alias -> alias.split(" ").length).max().orElse(0);
    private static final Set<List<String>> PLACES = places();

    private MerchantNormalizer() {
    }

    /** The merchant to show, or null when neither field yields one. */
    public static String normalize(String merchant, String redactedDescription) {
        if (merchant != null && !merchant.isBlank()) {
            String named = afterProcessor(SPACES.matcher(merchant.strip()).replaceAll(" "));
            String known = known(named);
            return known != null ? known : beforeReference(named);
        }
        if (redactedDescription == null) {
            return null;
        }
        String description = afterProcessor(redactedDescription.strip());
        String known = known(description);
        if (known != null) {
            return known;
        }
        String derived = fromDescription(beforeReference(description));
        String knownDerived = derived == null ? null : known(derived);
        return knownDerived != null ? knownDerived : derived;
    }

    /** The text after a processor's prefix ({@code SQ *}, {@code PAYPAL *}), or the text as it is. */
    static String afterProcessor(String text) {
        int star = separatorStar(text);
        if (star < 0) {
            return text;
        }
        String[] head = text.substring(0, star).strip().split("\\s+");
        return PROCESSORS.contains(head[head.length - 1].toLowerCase(Locale.ROOT))
                ? afterProcessor(text.substring(star + 1).strip()) : text;
    }

    /** The text before a {@code *} that follows a name ({@code AMZN MKTP US*2K4XY}: an order reference). */
    static String beforeReference(String text) {
        int star = separatorStar(text);
        if (star < 0) {
            return text;
        }
        String head = text.substring(0, star).strip();
        return head.chars().anyMatch(Character::isLetter) ? head : text;
    }

    /** The first {@code *} that is not part of a masked number ({@code ****1234}), or -1. */
    private static int separatorStar(String text) {
        for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', star + 1)) {
            int start = text.lastIndexOf(' ', star) + 1;
            int end = text.indexOf(' ', star);
            String token = text.substring(start, end < 0 ? text.length() : end);
            if (!MASKED.matcher(token).matches()) {
                return star;
            }
        }
        return -1;
    }

    /** The name of the known merchant the text starts with, or null. */
    static String known(String text) {
        List<String> words = Arrays.stream(NOT_ALPHANUMERIC.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty()).toList();
        // after payment-method words and numbers, as a description starts ("CARD ****1234 TESCO")
        int start = 0;
        while (start < words.size() - 1 && (PREFIXES.contains(words.get(start)) || isNumber(words.get(start)))) {
            start++;
        }
        for (int length = Math.min(LONGEST_ALIAS, words.size() - start); length >= 1; length--) {
            String name = ALIASES.get(String.join(" ", words.subList(start, start + length)));
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(Character::isDigit);
    }

    static String fromDescription(String description) {
        List<String> words = new ArrayList<>();
        for (String token : description.toLowerCase(Locale.ROOT).strip().split("\\s+")) {
            if (NUMBER_LIKE.matcher(token).matches()) {
                if (!words.isEmpty()) {
                    break;
                }
                continue;
            }
            String word = EDGE_PUNCTUATION.matcher(token).replaceAll("");
            if (word.isEmpty() || (words.isEmpty() && isPrefix(word))) {
                continue;
            }
            words.add(word);
        }
        withoutPlaces(words);
        List<String> shown = words.subList(0, Math.min(MAX_WORDS, words.size())).stream()
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1)).toList();
        return shown.isEmpty() ? null : String.join(" ", shown);
    }

    /** Drops places from the end of the words, as long as one word remains. */
    private static void withoutPlaces(List<String> words) {
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (int length = Math.min(3, words.size() - 1); length >= 1 && !dropped; length--) {
                List<String> tail = words.subList(words.size() - length, words.size());
                if (PLACES.contains(tail.stream().map(MerchantNormalizer::bare).toList())) {
                    tail.clear();
                    dropped = true;
                }
            }
        }
    }

    private static String bare(String word) {
        return NOT_ALPHANUMERIC.matcher(word).replaceAll("");
    }

    /** A payment-method word, alone or hyphenated with others ("sepa-lastschrift"). */
    private static boolean isPrefix(String word) {
        for (String part : word.split("-")) {
            if (!PREFIXES.contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        List<CSVRecord> records = CsvResource.read("/io/ledgerstream/topology/enrich/merchant-aliases.csv");
        for (CSVRecord record : records.subList(1, records.size())) {
            String alias = String.join(" ", NOT_ALPHANUMERIC.split(record.get(0).toLowerCase(Locale.ROOT)));
            if (aliases.put(alias, record.get(1)) != null) {
                throw new IllegalStateException("merchant-aliases.csv names '" + alias + "' twice");
            }
        }
        return Map.copyOf(aliases);
    }

    private static Set<List<String>> places() {
        Set<List<String>> places = new HashSet<>();
        List<CSVRecord> records = CsvResource.read("/io/ledgerstream/topology/enrich/cities.csv");
        for (CSVRecord record : records.subList(1, records.size())) {
            places.add(List.of(record.get(0).toLowerCase(Locale.ROOT).split(" ")));
        }
        return Set.copyOf(places);
    }
}
