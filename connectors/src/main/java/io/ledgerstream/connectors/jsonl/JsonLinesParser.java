package io.ledgerstream.connectors.jsonl;

import io.ledgerstream.connectors.importer.ContentHashIds;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementFormat;
import io.ledgerstream.connectors.importer.StatementParser;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;

/**
 * The importer's {@code jsonl} format: one canonical transaction per line (DESIGN.md, "Canonical
 * transaction as JSON Lines"). Blank lines are ignored; every other line either becomes a
 * transaction or is reported with its line number and field.
 */
public final class JsonLinesParser implements StatementParser {

    private static final Pattern JSON_OBJECT_START = Pattern.compile("\\s*\\{\\s*[\"}]");

    /**
     * The format as the importer registers it: {@code .jsonl}/{@code .ndjson}, or content starting
     * with a JSON object ({@code {"} or {@code {}}), not just any '{' (a SWIFT envelope starts {@code {1:}).
     */
    public static final StatementFormat FORMAT = new StatementFormat("jsonl", List.of("jsonl", "ndjson"),
            head -> JSON_OBJECT_START.matcher(head.replace("\uFEFF", "")).lookingAt(), new JsonLinesParser());

    /** The {@code source} of imported transactions is this prefix and the file's name. */
    public static final String SOURCE_PREFIX = "import:";

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final JsonLineReader reader = new JsonLineReader();

    @Override
    public void parse(Path file, ImportOptions options, ParseResult.Builder result) throws IOException {
        String fileName = file.getFileName().toString();
        JsonLineMapper mapper = new JsonLineMapper(fileName, options);
        ContentHashIds ids = new ContentHashIds();
        int lineNumber = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                result.rowRead();
                parseLine(line, lineNumber, fileName, mapper, ids, result);
            }
        } catch (CharacterCodingException e) {
            // JSON text is UTF-8: such a file is no JSON Lines statement (a refusal), not an unreadable one
            throw new StatementRefusedException(fileName + " is not UTF-8 text"
                    + (lineNumber > 0 ? " (after line " + lineNumber + ")" : ""), e);
        }
    }

    private void parseLine(String line, int lineNumber, String fileName, JsonLineMapper mapper, ContentHashIds ids,
                           ParseResult.Builder result) {
        Map<String, JsonValue> fields;
        try {
            fields = reader.read(line);
        } catch (JsonLineException e) {
            result.problem(new ImportProblem(fileName, lineNumber, null, "not JSON", e.getMessage()));
            return;
        }
        JsonLineMapper.Mapped mapped = mapper.map(lineNumber, fields);
        if (!mapped.problems().isEmpty()) {
            result.problems(mapped.problems());
            return;
        }
        CanonicalLine canonical = mapped.line();
        String id = canonical.transactionId() != null ? canonical.transactionId() : ids.next(canonical.identityContent());
        result.transaction(RawTransaction.newBuilder()
                .setTransactionId(id)
                .setUserId(canonical.userId())
                .setAccountId(canonical.accountId())
                .setBookedAt(canonical.bookedAt())
                .setAmount(canonical.amount())
                .setCurrency(canonical.currency())
                .setDescription(canonical.description())
                .setMerchant(canonical.merchant())
                .setMcc(canonical.mcc())
                .setRemoved(canonical.removed())
                .setSource(SOURCE_PREFIX + fileName)
                .build());
    }
}
