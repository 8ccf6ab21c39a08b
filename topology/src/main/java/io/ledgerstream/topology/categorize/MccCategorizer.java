package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.CategorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * Categorizes by merchant category code with the ranges of {@code mcc-categories.csv}; the first
 * matching row wins. A row whose scope is {@code LISTED} (a catch-all such as "other 5xxx retail")
 * applies only to codes in the ISO 18245 reference list, so an unassigned code is not guessed.
 */
public final class MccCategorizer implements Categorizer {

    static final String RESOURCE = "mcc-categories.csv";

    private record MccRule(int from, int to, Optional<Direction> direction, CategoryDecision decision,
                           boolean listedOnly) {
    }

    private final List<MccRule> rules;
    private final MccDirectory directory;

    private MccCategorizer(List<MccRule> rules, MccDirectory directory) {
        this.rules = List.copyOf(rules);
        this.directory = directory;
    }

    /** The rules shipped with the topology, checked against {@code directory}. */
    public static MccCategorizer load(MccDirectory directory) {
        List<MccRule> rules = new ArrayList<>();
        for (CSVRecord row : CsvResource.read(RESOURCE)) {
            if (!"from".equals(row.get(0))) {
                rules.add(new MccRule(Integer.parseInt(row.get(0)), Integer.parseInt(row.get(1)),
                        RuleColumns.direction(row, 2), RuleColumns.decision(row, 3, CategorySource.MCC),
                        "LISTED".equals(row.get(6))));
            }
        }
        return new MccCategorizer(rules, directory);
    }

    @Override
    public Optional<CategoryDecision> categorize(TransactionFeatures features) {
        String mcc = features.mcc();
        if (mcc == null || mcc.length() != 4 || !mcc.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int code = Integer.parseInt(mcc);
        for (MccRule rule : rules) {
            if (code >= rule.from() && code <= rule.to()
                    && RuleColumns.admits(rule.direction(), features.direction())
                    && (!rule.listedOnly() || directory.isListed(mcc))) {
                return Optional.of(rule.decision());
            }
        }
        return Optional.empty();
    }
}
