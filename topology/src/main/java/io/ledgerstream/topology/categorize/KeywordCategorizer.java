package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.CategorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Categorizes by keywords found in the merchant and description, with the rules of
 * {@code keyword-rules.csv}; the first matching row wins, so specific rows come before general ones
 * ("uber eats" before "uber", merchants before "transfer"). A keyword matches whole words; one
 * ending in {@code *} matches any word starting with it.
 */
public final class KeywordCategorizer implements Categorizer {

    static final String RESOURCE = "keyword-rules.csv";
    private static final String WORD_CHARACTER = "[\\p{L}\\p{N}]";

    private record KeywordRule(Pattern pattern, Optional<Direction> direction, CategoryDecision decision) {
    }

    private final List<KeywordRule> rules;

    private KeywordCategorizer(List<KeywordRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules shipped with the topology. */
    public static KeywordCategorizer load() {
        List<KeywordRule> rules = new ArrayList<>();
        for (CSVRecord row : CsvResource.read(RESOURCE)) {
            if (!"keyword".equals(row.get(0))) {
                rules.add(new KeywordRule(pattern(row.get(0)), RuleColumns.direction(row, 1),
                        RuleColumns.decision(row, 2, CategorySource.KEYWORD)));
            }
        }
        return new KeywordCategorizer(rules);
    }

    static Pattern pattern(String keyword) {
        String word = keyword.toLowerCase(Locale.ROOT);
        boolean prefix = word.endsWith("*");
        String literal = Pattern.quote(prefix ? word.substring(0, word.length() - 1) : word);
        return Pattern.compile("(?<!" + WORD_CHARACTER + ")" + literal + (prefix ? "" : "(?!" + WORD_CHARACTER + ")"));
    }

    @Override
    public Optional<CategoryDecision> categorize(TransactionFeatures features) {
        String text = features.searchText();
        for (KeywordRule rule : rules) {
            if (RuleColumns.admits(rule.direction(), features.direction()) && rule.pattern().matcher(text).find()) {
                return Optional.of(rule.decision());
            }
        }
        return Optional.empty();
    }
}
