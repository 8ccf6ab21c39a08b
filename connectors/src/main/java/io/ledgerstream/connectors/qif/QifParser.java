package io.ledgerstream.connectors.qif;

import io.ledgerstream.connectors.importer.CurrencyCodes;
import io.ledgerstream.connectors.importer.DayMonthOrder;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementFormat;
import io.ledgerstream.connectors.importer.StatementParser;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The importer's {@code qif} format: Quicken Interchange Format exports of bank, credit card, cash
 * and other asset/liability accounts ({@code !Type:Bank}, {@code CCard}, {@code Cash},
 * {@code Oth A}, {@code Oth L}). One transaction per record; a split record is one transaction for
 * its total. Investment records ({@code !Type:Invst}) are skipped and counted, and a file holding
 * nothing else is refused; lists (categories, classes, securities, memorized transactions) are not
 * transactions. An {@code !Account} record's name becomes the account of what follows it.
 *
 * <p>QIF names no currency ({@code --currency} is required) and no day/month order (read off the
 * whole file, see {@link DayMonthOrder}). Hand-written: there is no well-kept Java QIF parser on
 * Maven Central, and the format is a few line codes.
 */
public final class QifParser implements StatementParser {

    /** The format as the importer registers it: {@code .qif}, or content starting with a QIF header. */
    public static final StatementFormat FORMAT =
            new StatementFormat("qif", List.of("qif"), QifSniffer::recognizes, new QifParser());

    /** The {@code source} of imported transactions is this prefix and the file's name. */
    public static final String SOURCE_PREFIX = "import:";

    static final String SKIPPED_INVESTMENT = "investment transaction (not imported)";
    static final String SKIPPED_OPENING_BALANCE = "opening balance";

    private final QifRecordReader reader = new QifRecordReader();

    @Override
    public void parse(Path file, ImportOptions options, ParseResult.Builder result) throws IOException {
        String fileName = file.getFileName().toString();
        QifRecordReader.Read read = reader.read(QifFileText.lines(file));
        refuseIfNoAccountTransactions(fileName, read);
        String currency = currency(fileName, options);
        if (options.userId() == null) {
            throw new StatementRefusedException(fileName + ": QIF names no user; pass --user");
        }
        // when no date depends on the order, any choice gives the same days
        DayMonthOrder order = DayMonthOrder.of(dates(read.records()), null,
                "QIF does not say which order it uses, and there is no option to set it yet")
                .orElse(DayMonthOrder.MONTH_FIRST);
        QifTransactionMapper mapper = new QifTransactionMapper(fileName, options.userId(), options.accountId(),
                currency, order);
        for (QifRecord record : read.records()) {
            switch (record.section()) {
                case TRANSACTIONS -> {
                    result.rowRead();
                    if (record.isOpeningBalance()) {
                        result.skipped(SKIPPED_OPENING_BALANCE);
                    } else {
                        QifTransactionMapper.Mapped mapped = mapper.map(record, SOURCE_PREFIX + fileName);
                        mapped.transaction().ifPresent(result::transaction);
                        result.problems(mapped.problems());
                    }
                }
                case INVESTMENT -> result.rowRead().skipped(SKIPPED_INVESTMENT);
                default -> {
                    // lists and account records are not transactions
                }
            }
        }
    }

    private static void refuseIfNoAccountTransactions(String fileName, QifRecordReader.Read read) {
        if (read.sections().contains(QifSection.TRANSACTIONS)) {
            return;
        }
        if (read.sections().isEmpty()) {
            throw new StatementRefusedException(fileName + " is not a QIF file: it has no !Type: or !Account header");
        }
        if (read.sections().contains(QifSection.INVESTMENT)) {
            long count = read.records().stream().filter(r -> r.section() == QifSection.INVESTMENT).count();
            throw new StatementRefusedException(fileName + " holds only investment transactions (!Type:Invst, "
                    + count + " records); only bank, card, cash and asset/liability accounts are imported");
        }
        throw new StatementRefusedException(fileName + " holds no account transactions, only lists"
                + " (categories, classes, accounts or securities): no !Type:Bank, CCard, Cash, Oth A or Oth L section");
    }

    private static String currency(String fileName, ImportOptions options) {
        if (options.currency() == null) {
            throw new StatementRefusedException(fileName + ": QIF files name no currency; pass --currency"
                    + " with the account's ISO 4217 code (for example --currency USD)");
        }
        return CurrencyCodes.normalize(options.currency()).orElseThrow(() -> new StatementRefusedException(
                "--currency '" + options.currency() + "' is not an ISO 4217 currency code"));
    }

    private static List<DayMonthOrder.Dated> dates(List<QifRecord> records) {
        List<DayMonthOrder.Dated> dates = new ArrayList<>();
        for (QifRecord record : records) {
            if (record.section() != QifSection.TRANSACTIONS && record.section() != QifSection.INVESTMENT) {
                continue;
            }
            record.first('D').ifPresent(text -> QifDate.read(text)
                    .ifPresent(date -> dates.add(date.dated(text, record.line()))));
        }
        return dates;
    }
}
