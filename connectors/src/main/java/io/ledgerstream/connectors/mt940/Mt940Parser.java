package io.ledgerstream.connectors.mt940;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementFormat;
import io.ledgerstream.connectors.importer.StatementParser;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The importer's {@code mt940} format: SWIFT MT940 customer statements, with or without the SWIFT
 * envelope, one transaction per {@code :61:} line (see {@link EntryLine} for the sign and dates,
 * {@link InformationReader} for the description, {@link EntryIds} for the ids).
 *
 * <p>Why not Prowide Core (pw-swift-core): its parser is built for FIN messages as SWIFT delivers
 * them. The bank exports people download are not that: no envelope at all, ISO 646 national
 * variants of the braces ('ä4:' ... '-å'), bank header lines ('ABNANL2A', '940 00', '0000
 * 01INGBNL2AXXXX'), SOH/ETX bytes, a tag torn over two lines (':' / '86:'), a {@code :61:} broken
 * inside its amount, several messages without trailer in one file. Each of these needs cleaning
 * before any FIN parser sees the text, and the fields it would then return ({@code Field61},
 * {@code Field86}) still leave the bank-specific {@code :86:} structures, the 65-column rewrapping
 * and the reversal sign to us, so a small tolerant reader ({@link Mt940Lexer}) does the whole job.
 * Prowide was not run against the sample files: the points above are what the files need cleaned
 * before any FIN parser, not observed failures of Prowide.
 */
public final class Mt940Parser implements StatementParser {

    /** {@code .sta}, {@code .940}, {@code .mt940}, or text with ':20:' and ':61:'/':60F:' near the start. */
    public static final StatementFormat FORMAT = new StatementFormat("mt940", List.of("sta", "940", "mt940"),
            Mt940Parser::looksLikeMt940, new Mt940Parser());

    /** The {@code source} of imported transactions is this prefix and the file's name. */
    public static final String SOURCE_PREFIX = "import:";

    private static final Pattern REFERENCE_TAG = Pattern.compile("(?m)^:20:");
    private static final Pattern CONTENT_TAG = Pattern.compile("(?m)^:(61|60F|60M|25):");
    private static final Pattern ENTRY_FRAGMENT = Pattern.compile("\\s*:61:\\d{6}");
    private static final Pattern ENVELOPE_942 = Pattern.compile("\\{2:[IO]942");

    @Override
    public void parse(Path file, ImportOptions options, ParseResult.Builder result) throws IOException {
        String fileName = file.getFileName().toString();
        String text = Mt940Text.decode(Files.readAllBytes(file));
        if (ENVELOPE_942.matcher(text).find()) {
            throw new StatementRefusedException(fileName + " is an MT942 interim report (message type 942 in its "
                    + "SWIFT header), not an MT940 statement: import the end-of-day MT940 statement instead");
        }
        List<Mt940Field> fields = Mt940Lexer.fields(Mt940Text.lines(text));
        List<Mt940Statement> statements;
        try {
            statements = StatementReader.read(fields, result);
        } catch (StatementRefusedException e) {
            throw new StatementRefusedException(fileName + ": " + e.getMessage(), e);
        }
        if (statements.isEmpty()) {
            throw new StatementRefusedException(fileName + " holds no MT940 statement: no :20:, :25: or :61: field");
        }
        List<ParsedEntry> parsed = new ArrayList<>();
        for (Mt940Statement statement : statements) {
            String currency = StatementCurrency.of(statement, options, fileName);
            for (Mt940Statement.Entry entry : statement.entries()) {
                EntryLine.Result line = EntryLine.parse(entry.line());
                if (line.line() == null) {
                    result.problem(new ImportProblem(fileName, entry.line().line(), line.field(), line.reason(),
                            line.detail()));
                    continue;
                }
                String account = statement.account() != null ? statement.account() : options.accountId();
                parsed.add(new ParsedEntry(line.line(), account, currency,
                        InformationReader.read(InformationText.join(entry.information()))));
            }
        }
        new EntryMapper(fileName, options).map(parsed).forEach(result::transaction);
    }

    /** A statement (:20: and a content tag), or a bare fragment of entries as some banks export (a dated :61:). */
    static boolean looksLikeMt940(String head) {
        String text = head.replace("\uFEFF", "");
        return REFERENCE_TAG.matcher(text).find() && CONTENT_TAG.matcher(text).find()
                || ENTRY_FRAGMENT.matcher(text).lookingAt();
    }
}
