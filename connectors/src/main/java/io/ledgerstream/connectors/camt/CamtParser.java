package io.ledgerstream.connectors.camt;

import io.ledgerstream.connectors.camt.EntryMapper.BookedEntry;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementFormat;
import io.ledgerstream.connectors.importer.StatementParser;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The importer's {@code camt} format: ISO 20022 camt.053 bank-to-customer statements, versions
 * camt.053.001.02 to .10 (and any later one with the same shape). Every {@code Stmt} of the message
 * is read; each booked entry ({@code Ntry} with status BOOK) is one transaction for the entry's
 * booked amount, its transaction details ({@code TxDtls}) only enriching the description. Pending,
 * information and future entries are skipped and counted; balances and totals are not transactions.
 * camt.052 reports, camt.054 notifications and pain messages are refused, naming the type.
 *
 * <p>Read with the JDK's StAX and local names only, so every version reads alike. Prowide ISO 20022
 * ({@code com.prowidesoftware:pw-iso20022}) was considered and not used: its jar alone is 54 MB on
 * Maven Central (SRU2025-10.3.10), plus pw-swift-core and a JAXB runtime, with one generated class
 * set per message version, for the dozen paths this parser reads.
 */
public final class CamtParser implements StatementParser {

    /** The format as the importer registers it: {@code .camt}/{@code .053}, or "camt.053" in an XML head. */
    public static final StatementFormat FORMAT = new StatementFormat("camt", List.of("camt", "053"),
            CamtParser::looksLikeCamt053, new CamtParser());

    /** The {@code source} of imported transactions is this prefix and the file's name. */
    public static final String SOURCE_PREFIX = "import:";

    private final XmlTreeReader reader = new XmlTreeReader();

    @Override
    public void parse(Path file, ImportOptions options, ParseResult.Builder result) throws IOException {
        String fileName = file.getFileName().toString();
        XmlElement message = CamtMessageType.statementMessage(reader.read(file), fileName);
        List<BookedEntry> booked = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (XmlElement statement : message.all("Stmt")) {
            String account = accountOf(statement).orElse(options.accountId());
            String accountCurrency = statement.textAt("Acct", "Ccy").orElse(null);
            EntryMapper mapper = new EntryMapper(fileName, accountCurrency, options.currency());
            for (XmlElement entry : statement.all("Ntry")) {
                result.rowRead();
                Optional<BookedEntry> mapped = bookedEntry(entry, fileName, mapper, result);
                mapped.ifPresent(e -> {
                    booked.add(e);
                    accounts.add(account);
                });
            }
        }
        List<String> ids = EntryIds.assign(booked, accounts);
        for (int i = 0; i < booked.size(); i++) {
            BookedEntry entry = booked.get(i);
            result.transaction(RawTransaction.newBuilder()
                    .setTransactionId(ids.get(i))
                    .setUserId(options.userId())
                    .setAccountId(accounts.get(i))
                    .setBookedAt(entry.bookedAt())
                    .setAmount(entry.amount())
                    .setCurrency(entry.currency())
                    .setDescription(entry.description())
                    .setMerchant(entry.merchant())
                    .setMcc(null)
                    .setRemoved(false)
                    .setSource(SOURCE_PREFIX + fileName)
                    .build());
        }
    }

    private static Optional<BookedEntry> bookedEntry(XmlElement entry, String fileName, EntryMapper mapper,
                                                     ParseResult.Builder result) {
        Optional<String> code = EntryStatus.codeOf(entry);
        Optional<EntryStatus> status = code.flatMap(EntryStatus::of);
        if (status.isEmpty()) {
            result.problem(new ImportProblem(fileName, entry.child("Sts").map(XmlElement::line).orElse(entry.line()),
                    "Sts", code.isEmpty() ? "missing" : "unknown status",
                    code.map(c -> "'" + c + "' is none of BOOK, PDNG, INFO, FUTR").orElse("entry has no status")));
            return Optional.empty();
        }
        if (status.get() != EntryStatus.BOOKED) {
            result.skipped(status.get().skipReason());
            return Optional.empty();
        }
        EntryMapper.Mapped mapped = mapper.map(entry);
        result.problems(mapped.problems());
        return Optional.ofNullable(mapped.entry());
    }

    /** {@code Stmt/Acct/Id/IBAN}, else {@code Stmt/Acct/Id/Othr/Id}. */
    private static Optional<String> accountOf(XmlElement statement) {
        return statement.textAt("Acct", "Id", "IBAN").or(() -> statement.textAt("Acct", "Id", "Othr", "Id"));
    }

    /** An XML document that names camt.053 (its namespace) or its message element in the first kilobytes. */
    static boolean looksLikeCamt053(String head) {
        String text = head.replace("\uFEFF", "").stripLeading();
        return text.startsWith("<") && (text.contains("camt.053") || text.contains("<BkToCstmrStmt"));
    }
}
