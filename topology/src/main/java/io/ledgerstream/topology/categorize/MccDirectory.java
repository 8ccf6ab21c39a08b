package io.ledgerstream.topology.categorize;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;

/**
 * The ISO 18245 merchant category codes with their descriptions, from the reference list
 * {@code mcc_codes.csv} (MIT, ofxparse, Jerry Seutter; see ATTRIBUTION.md).
 */
public final class MccDirectory {

    static final String RESOURCE = "mcc_codes.csv";

    private final Map<String, String> descriptions;

    private MccDirectory(Map<String, String> descriptions) {
        this.descriptions = Map.copyOf(descriptions);
    }

    /** The list shipped with the topology. */
    public static MccDirectory load() {
        Map<String, String> descriptions = new TreeMap<>();
        for (CSVRecord row : CsvResource.read(RESOURCE)) {
            String code = row.get(0);
            if (code.chars().allMatch(Character::isDigit) && !code.isEmpty() && code.length() <= 4) {
                // the list drops leading zeros (742 is 0742, veterinary services)
                descriptions.put("0".repeat(4 - code.length()) + code, row.get(1));
            }
        }
        return new MccDirectory(descriptions);
    }

    /** Whether the reference list knows this four-digit code. */
    public boolean isListed(String mcc) {
        return descriptions.containsKey(mcc);
    }

    /** The code's description, for instance "Grocery Stores, Supermarkets" for 5411. */
    public Optional<String> description(String mcc) {
        return Optional.ofNullable(descriptions.get(mcc));
    }

    /** Every code of the list, ascending. */
    public Set<String> codes() {
        return new TreeSet<>(descriptions.keySet());
    }

    /** How many codes the list holds. */
    public int size() {
        return descriptions.size();
    }
}
