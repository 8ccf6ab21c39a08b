package io.ledgerstream.connectors.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user said about a CSV file's layout, as given: a bank profile ({@code --profile}) and
 * single settings ({@code --csv KEY=VALUE}) that override it. The CSV parser checks and applies
 * them (see {@code docs/csv-import.md}); other formats ignore them.
 *
 * @param profile  a shipped profile's name or a profile file's path; {@code null} for none
 * @param settings profile keys and their values, in the order given
 */
public record CsvMapping(String profile, Map<String, String> settings) {

    /** Nothing said: the layout is detected. */
    public static final CsvMapping NONE = new CsvMapping(null, Map.of());

    public CsvMapping {
        profile = profile == null || profile.isBlank() ? null : profile.strip();
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public boolean isEmpty() {
        return profile == null && settings.isEmpty();
    }
}
