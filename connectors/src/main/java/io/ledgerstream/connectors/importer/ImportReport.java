package io.ledgerstream.connectors.importer;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an import did: rows read, transactions parsed and published, and rows skipped by reason.
 *
 * @param toPublish        the parsed transactions without the rows the file repeats: what would be
 *                         published, in file order; empty after an import that published as it parsed
 * @param duplicatesInFile rows whose transactionId and content repeat an earlier row of the file,
 *                         published once
 * @param published        transactions committed to the topic (0 on a dry run)
 */
public record ImportReport(String file, String format, ParseResult result, List<RawTransaction> toPublish,
                           int duplicatesInFile, boolean dryRun, long published) {

    public ImportReport {
        toPublish = List.copyOf(toPublish);
    }

    /** This report with {@code count} transactions published. */
    public ImportReport withPublished(long count) {
        return new ImportReport(file, format, result, toPublish, duplicatesInFile, dryRun, count);
    }

    /** Problems listed per reason before the rest are only counted. */
    public static final int SHOWN_PER_REASON = 20;

    /** Rows skipped for a problem (a row with two problems counts once). */
    public long rowsSkipped() {
        return result.problems().stream().map(ImportProblem::line).distinct().count();
    }

    /** Nothing could be parsed although the file had rows that were tried: the import failed. */
    public boolean nothingParsed() {
        return result.parsed() == 0 && !result.problems().isEmpty();
    }

    /** The report as the import command prints it. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("import ").append(file).append(" (format ").append(format).append(dryRun ? ", dry run" : "")
                .append(")\n");
        out.append(String.format(Locale.ROOT, "  lines read:             %d%n", result.rowsRead()));
        out.append(String.format(Locale.ROOT, "  transactions parsed:    %d%n", result.parsed()));
        out.append(dryRun ? "  transactions published: none (dry run)\n"
                : String.format(Locale.ROOT, "  transactions published: %d%n", published));
        out.append(String.format(Locale.ROOT, "  lines skipped:          %d%n", rowsSkipped()));
        if (duplicatesInFile() > 0) {
            out.append(String.format(Locale.ROOT, "  skipped as duplicate within the file: %d%n", duplicatesInFile()));
        }
        result.skipped().forEach((reason, count) ->
                out.append(String.format(Locale.ROOT, "  left out on purpose (%s): %d%n", reason, count)));
        Map<String, List<ImportProblem>> byKind = result.problems().stream()
                .collect(Collectors.groupingBy(ImportProblem::kind, LinkedHashMap::new, Collectors.toList()));
        byKind.forEach((kind, problems) -> {
            out.append("  ").append(kind).append(": ").append(problems.size())
                    .append(problems.size() == 1 ? " line" : " lines").append('\n');
            problems.stream().limit(SHOWN_PER_REASON).forEach(problem -> out.append("    ").append(problem).append('\n'));
            if (problems.size() > SHOWN_PER_REASON) {
                out.append("    ... and ").append(problems.size() - SHOWN_PER_REASON).append(" more\n");
            }
        });
        return out.toString();
    }
}
