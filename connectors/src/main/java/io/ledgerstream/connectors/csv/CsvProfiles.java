package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.CsvMapping;
import io.ledgerstream.connectors.importer.DayMonthOrder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The bank profiles this build ships ({@code profiles/NAME.properties} beside this class, listed in
 * {@code profiles/profiles.list}) and profile files a user writes: the same keys as
 * {@code --csv}, one {@code key = value} a line, {@code #} comments. A profile states what
 * detection would otherwise guess; {@code --csv} settings override it.
 */
public final class CsvProfiles {

    /** The origin of {@code --csv} settings, as messages name it. */
    static final String COMMAND_LINE = "--csv";

    private static final String DIRECTORY = "profiles/";
    private static final List<String> NAMES = readNames();

    private CsvProfiles() {
    }

    /** The shipped profiles' names, sorted. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Checks a mapping before any file is read: the profile exists and every key and value is allowed.
     *
     * @throws CsvMappingException if not, saying what is allowed
     */
    public static void check(CsvMapping mapping) {
        of(mapping, null);
    }

    /** The profile, overridden by the settings, over a date order the parser was given. */
    static CsvProfile of(CsvMapping mapping, DayMonthOrder dateOrder) {
        CsvProfile profile = CsvProfile.ofDateOrder(dateOrder);
        if (mapping.profile() != null) {
            profile = profile.overriddenBy(load(mapping.profile()));
        }
        if (!mapping.settings().isEmpty()) {
            profile = profile.overriddenBy(ProfileSettings.parse(mapping.settings(), COMMAND_LINE));
        }
        return profile;
    }

    /** A shipped profile by name, else a profile file by path. */
    static CsvProfile load(String nameOrFile) {
        String name = nameOrFile.strip().toLowerCase(Locale.ROOT);
        if (NAMES.contains(name)) {
            try (InputStream in = CsvProfiles.class.getResourceAsStream(DIRECTORY + name + ".properties")) {
                return ProfileSettings.parse(read(new InputStreamReader(in, StandardCharsets.UTF_8)),
                        "profile '" + name + "'");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path file;
        try {
            file = Path.of(nameOrFile);
        } catch (InvalidPathException e) {
            file = null;
        }
        if (file != null && Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return ProfileSettings.parse(read(in), "profile file " + file);
            } catch (IOException e) {
                throw new CsvMappingException("cannot read profile file " + file + ": " + e.getMessage(), e);
            }
        }
        throw new CsvMappingException("unknown profile '" + nameOrFile + "': no shipped profile has this name and"
                + " no such profile file exists; known profiles: " + String.join(", ", NAMES));
    }

    private static Map<String, String> read(Reader in) throws IOException {
        Properties properties = new Properties();
        properties.load(in);
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }

    private static List<String> readNames() {
        try (InputStream in = CsvProfiles.class.getResourceAsStream(DIRECTORY + "profiles.list")) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
