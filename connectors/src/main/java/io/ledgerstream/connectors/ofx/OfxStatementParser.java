package io.ledgerstream.connectors.ofx;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementFormat;
import io.ledgerstream.connectors.importer.StatementParser;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The importer's {@code ofx} format: OFX/QFX 1.x (SGML) and 2.x (XML) bank statements
 * ({@code STMTRS}) and credit-card statements ({@code CCSTMTRS}), any number of accounts per file.
 * One transaction per {@code STMTTRN} of a statement's {@code BANKTRANLIST}; error responses and
 * investment-only files are refused with the reason.
 *
 * <p>Why not ofx4j (com.webcohesion.ofx4j:ofx4j:1.39), tried on the shared sample files: it rejects
 * ANZ's OFX 2.03 card file outright (an XML header with SGML-style unclosed leaf tags: "SEVERITY must
 * be terminated by the matching end-tag"); it turns the empty {@code <CURDEF></CURDEF>} of the OFX 1.02
 * file into USD, silently assuming a currency; it drops a {@code TRNTYPE} it does not know
 * ({@code Credit}); it converts {@code DTPOSTED} to a {@link java.util.Date} in the JVM's time zone,
 * which can move the booking day; it reports no line numbers, so a bad row cannot be pointed at; and it
 * pulls in Guava 15, Reflections and Javassist. So this package has its own small tolerant reader
 * ({@link OfxSgmlReader}).
 */
public final class OfxStatementParser implements StatementParser {

    /** The format as the importer registers it: {@code .ofx}/{@code .qfx}, or content with an OFX header or {@code <OFX>}. */
    public static final StatementFormat FORMAT = new StatementFormat("ofx", List.of("ofx", "qfx"),
            OfxStatementParser::looksLikeOfx, new OfxStatementParser());

    /** The {@code source} of imported transactions is this prefix and the file's name. */
    public static final String SOURCE_PREFIX = "import:";

    /** Counted in {@link ParseResult#skipped()} for each investment statement beside bank statements. */
    public static final String SKIPPED_INVESTMENT = "investment statement (INVSTMTRS)";

    private final OfxSgmlReader reader = new OfxSgmlReader();

    /**
     * @throws StatementRefusedException when the file holds no bank or card statement (error response,
     *                                   investment-only), or a statement's currency is unknown or missing
     */
    @Override
    public void parse(Path file, ImportOptions options, ParseResult.Builder result) throws IOException {
        String fileName = file.getFileName().toString();
        if (options.userId() == null) {
            throw new StatementRefusedException("an OFX statement names no user: pass --user");
        }
        OfxElement document = reader.read(OfxText.decode(Files.readAllBytes(file)));
        OfxResponses responses = OfxResponses.find(document);

        OfxStatementMapper statements = new OfxStatementMapper(options,
                new OfxTransactionMapper(fileName, options.userId(), SOURCE_PREFIX + fileName));
        responses.statements().forEach(statement -> statements.map(statement, result));
        for (OfxElement failed : responses.failedRequests()) {
            OfxStatus status = OfxStatus.of(failed).orElseThrow();
            result.problem(new ImportProblem(fileName, status.line(), "STATUS", "error response",
                    "the bank answered one statement request with " + status.describe()));
        }
        for (int i = 0; i < responses.investment(); i++) {
            result.skipped(SKIPPED_INVESTMENT);
        }
    }

    /** An OFX 1 header ({@code OFXHEADER:100}), an OFX 2 one ({@code <?OFX OFXHEADER="200"}) or an {@code <OFX>} tag. */
    static boolean looksLikeOfx(String head) {
        return head.contains("OFXHEADER") || head.toUpperCase(Locale.ROOT).contains("<OFX>");
    }
}
