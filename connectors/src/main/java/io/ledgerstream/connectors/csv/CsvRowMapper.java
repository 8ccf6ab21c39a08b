package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.ContentHashIds;
import io.ledgerstream.connectors.importer.CurrencyCodes;
import io.ledgerstream.connectors.importer.ImportProblem;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns the data rows of a detected layout into transactions, problems and skipped rows. */
final class CsvRowMapper {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final String file;
    private final LayoutDetector.Detected detected;
    private final CsvLayout layout;
    private final String userId;
    private final String accountId;
    private final String defaultCurrency;
    private final String source;
    private final ContentHashIds ids = new ContentHashIds();
    /** The layout's columns looked up once, not per row: the first column of each role, by ordinal. */
    private final int[] columns = new int[ColumnRole.values().length];
    private final int dateColumn;
    private final List<Integer> descriptionColumns;
    private final List<Integer> payeeColumns;

    CsvRowMapper(String file, LayoutDetector.Detected detected, String userId, String accountId,
                 String defaultCurrency) {
        this.file = file;
        this.detected = detected;
        this.layout = detected.layout();
        this.userId = userId;
        this.accountId = accountId;
        this.defaultCurrency = defaultCurrency;
        this.source = CsvStatementParser.SOURCE_PREFIX + file;
        for (ColumnRole role : ColumnRole.values()) {
            columns[role.ordinal()] = layout.column(role);
        }
        this.dateColumn = layout.dateColumn();
        this.descriptionColumns = layout.all(ColumnRole.DESCRIPTION);
        this.payeeColumns = layout.all(ColumnRole.PAYEE);
    }

    private int column(ColumnRole role) {
        return columns[role.ordinal()];
    }

    void map(CsvRow read, ParseResult.Builder result) {
        result.rowRead();
        CsvRow row = read.materialized();
        String dateCell = row.cell(dateColumn);
        String status = row.cell(column(ColumnRole.STATUS));
        if (RowKinds.isPending(dateCell) || RowKinds.isPending(status)) {
            result.skipped(RowKinds.PENDING);
            return;
        }
        String description = joined(descriptionColumns, row);
        String payee = joined(payeeColumns, row);
        if (RowKinds.isBalanceOrTotal(description.isEmpty() ? payee : description)) {
            result.skipped(RowKinds.BALANCE_OR_TOTAL);
            return;
        }
        Optional<LocalDate> date = layout.date(dateCell);
        if (date.isEmpty() && moneyColumns().stream().noneMatch(c -> MoneyText.read(row.cell(c)).isPresent())) {
            result.skipped(RowKinds.NOT_A_TRANSACTION);
            return;
        }
        if (date.isEmpty()) {
            result.problem(problem(row, dateColumn, dateCell.isEmpty() ? "missing" : "invalid date",
                    "'" + dateCell + "'"));
            return;
        }
        Optional<BigDecimal> amount = amount(row, result);
        if (amount.isEmpty()) {
            return;
        }
        int currencyColumn = column(ColumnRole.CURRENCY);
        String currencyCell = row.cell(currencyColumn);
        String currency = currencyCell.isEmpty() ? defaultCurrency : CurrencyCodes.normalize(currencyCell).orElse(null);
        if (currency == null) {
            result.problem(problem(row, currencyColumn, currencyCell.isEmpty() ? "missing" : "invalid currency",
                    currencyCell.isEmpty() ? "no currency in the row; pass --currency" : "'" + currencyCell + "'"));
            return;
        }
        String bankId = row.cell(column(ColumnRole.TRANSACTION_ID));
        // set field by field, every one of them, rather than through RawTransaction.newBuilder(): a
        // builder copies the schema's field list and checks each value, a fifth of what mapping a
        // row allocated on a large file
        RawTransaction transaction = new RawTransaction();
        transaction.setTransactionId(transactionId(bankId, row));
        transaction.setUserId(userId);
        transaction.setAccountId(accountId);
        transaction.setBookedAt(date.get().toString());
        transaction.setAmount(amount.get().toPlainString());
        transaction.setCurrency(currency);
        transaction.setDescription(description.isEmpty() ? payee : description);
        transaction.setMerchant(payee.isEmpty() ? null : payee);
        transaction.setMcc(null);
        transaction.setRemoved(false);
        transaction.setSource(source);
        result.transaction(transaction);
    }

    private Optional<BigDecimal> amount(CsvRow row, ParseResult.Builder result) {
        if (layout.sign() == SignConvention.DEBIT_CREDIT_COLUMNS) {
            int debit = column(ColumnRole.DEBIT);
            int credit = column(ColumnRole.CREDIT);
            MoneyCell outCell = value(row, debit, result);
            MoneyCell inCell = value(row, credit, result);
            if (outCell.unreadable() || inCell.unreadable()) {
                return Optional.empty();
            }
            Optional<BigDecimal> out = outCell.amount();
            Optional<BigDecimal> in = inCell.amount();
            if (out.isEmpty() && in.isEmpty()) {
                result.problem(problem(row, debit >= 0 ? debit : credit, "missing", "no money out or money in"));
                return Optional.empty();
            }
            if (out.isPresent() && in.isPresent() && out.get().signum() != 0 && in.get().signum() != 0) {
                result.problem(problem(row, debit, "ambiguous amount", "both money out '" + row.cell(debit)
                        + "' and money in '" + row.cell(credit) + "'"));
                return Optional.empty();
            }
            return out.isPresent() && (in.isEmpty() || out.get().signum() != 0)
                    ? Optional.of(out.get().abs().negate()) : Optional.of(in.get().abs());
        }
        int column = column(ColumnRole.AMOUNT);
        MoneyCell cell = value(row, column, result);
        if (cell.unreadable()) {
            return Optional.empty();
        }
        Optional<BigDecimal> amount = cell.amount();
        if (amount.isEmpty()) {
            result.problem(problem(row, column, "missing", "no amount"));
            return Optional.empty();
        }
        return switch (layout.sign()) {
            case INVERTED -> Optional.of(amount.get().negate());
            case UNSIGNED_IS_OUT -> Optional.of(MoneyText.read(row.cell(column)).orElseThrow().signed()
                    ? amount.get() : amount.get().negate());
            case FLAG -> {
                int flagColumn = column(ColumnRole.DIRECTION);
                Optional<Boolean> out = layout.flags().read(row.cell(flagColumn));
                if (out.isEmpty()) {
                    result.problem(problem(row, flagColumn, "unknown direction", "'" + row.cell(flagColumn)
                            + "' is no debit/credit flag"));
                    yield Optional.empty();
                }
                yield Optional.of(out.get() ? amount.get().abs().negate() : amount.get().abs());
            }
            default -> amount;
        };
    }

    /** A money cell: blank (no amount), a readable amount, or unreadable (its problem already recorded). */
    private record MoneyCell(Optional<BigDecimal> amount, boolean unreadable) {
        static final MoneyCell BLANK = new MoneyCell(Optional.empty(), false);
        static final MoneyCell UNREADABLE = new MoneyCell(Optional.empty(), true);
    }

    private MoneyCell value(CsvRow row, int column, ParseResult.Builder result) {
        String cell = row.cell(column);
        if (cell.isEmpty()) {
            return MoneyCell.BLANK;
        }
        Optional<BigDecimal> value = MoneyText.read(cell).flatMap(m -> m.value(layout.decimalSeparator()));
        if (value.isEmpty()) {
            result.problem(problem(row, column, "invalid amount", "'" + cell + "'"));
            return MoneyCell.UNREADABLE;
        }
        return new MoneyCell(value, false);
    }

    private List<Integer> moneyColumns() {
        return List.of(column(ColumnRole.AMOUNT), column(ColumnRole.DEBIT),
                column(ColumnRole.CREDIT));
    }

    private ImportProblem problem(CsvRow row, int column, String reason, String detail) {
        return new ImportProblem(file, row.line(), detected.label(column), reason, detail);
    }

    private static String joined(List<Integer> columns, CsvRow row) {
        if (columns.isEmpty()) {
            return "";
        }
        if (columns.size() == 1) {
            return singleSpaced(row.cell(columns.getFirst())); // the common case, without a stream per row
        }
        return columns.stream().map(row::cell).filter(Objects::nonNull).map(CsvRowMapper::singleSpaced)
                .filter(c -> !c.isEmpty()).distinct().collect(Collectors.joining(" "));
    }

    /** The cell with each run of white space as one space; the regex only for cells that need it. */
    private static String singleSpaced(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c > ' ' && c < '\u0080') {
                continue; // printable ASCII, most of any description: no white space
            }
            if (c == ' ' ? i > 0 && cell.charAt(i - 1) == ' ' : Character.isWhitespace(c)) {
                return SPACES.matcher(cell).replaceAll(" ").strip();
            }
        }
        return cell.strip();
    }

    /**
     * The bank's id, else a content hash of the row's cells; both per account (a bank id is only
     * unique within its account, and two accounts can book identical rows on one day), as the OFX
     * parser scopes FITIDs.
     */
    private String transactionId(String bankId, CsvRow row) {
        if (!bankId.isEmpty()) {
            return accountId == null ? bankId : accountId + ":" + bankId;
        }
        List<String> content = new ArrayList<>(row.cells().size() + 1);
        content.add(accountId);
        content.addAll(row.cells());
        return ids.next(content);
    }
}
