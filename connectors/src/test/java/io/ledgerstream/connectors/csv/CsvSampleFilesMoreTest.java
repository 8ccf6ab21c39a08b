package io.ledgerstream.connectors.csv;

import static io.ledgerstream.connectors.csv.CsvSamples.assertRow;
import static io.ledgerstream.connectors.csv.CsvSamples.in;
import static io.ledgerstream.connectors.csv.CsvSamples.parse;
import static io.ledgerstream.connectors.csv.CsvSamples.parseClean;
import static io.ledgerstream.connectors.csv.CsvSamples.sample;
import static io.ledgerstream.connectors.csv.CsvSamples.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.connectors.importer.StatementRefusedException;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The other 22 third-party CSV samples, with expectations read off the files by hand (count, sum,
 * rows to the cent with their sign, stated balances). Where a file cannot tell something, the test
 * shows the refusal and then says it explicitly with a bank profile or {@code --csv} settings.
 */
class CsvSampleFilesMoreTest {

    private static final Map<String, String> NOTHING = Map.of();

    private static ParseResult refusedOrParsed(String name, ImportOptions options) throws Exception {
        return new CsvStatementParser().parse(sample(name), options);
    }

    @Test
    @DisplayName("N26: German header; the currency comes from 'Betrag (EUR)'; the foreign-currency amount is not read")
    void shouldReadN26() throws Exception {
        List<RawTransaction> t = parseClean("bank2ynab__20171001-20171106.csv", in(null));
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2017-10-01", "-59.99", "EUR", "NINTENDO OF EUROPE", "NINTENDO OF EUROPE");
        assertThat(parseClean("bank2ynab__20171001-20171106.csv", in(null, "n26", NOTHING))).isEqualTo(t);
    }

    @Test
    @DisplayName("bunq (Dutch): quoted decimal commas \"-2,56\"; Naam is the merchant, Omschrijving the description")
    void shouldReadBunqDutch() throws Exception {
        List<RawTransaction> t = parseClean("bank2ynab__2018-04-14_10-52-13_bunq-transactieoverzicht.csv", in("EUR"));
        assertThat(t).hasSize(3);
        assertThat(sum(t)).isEqualByComparingTo("728.54");
        assertRow(t.getFirst(), "2018-03-01", "-2.56", "EUR", "invoice 410408", "bunq");
        assertRow(t.get(1), "2018-03-09", "750.00", "EUR", "Naar Bunq", "W. KOELEWIJN EO");
        assertRow(t.getLast(), "2018-03-09", "-18.90", "EUR", "Quality Nuts (EEMDIJK, NL)", "Quality Nuts");
        assertThat(parseClean("bank2ynab__2018-04-14_10-52-13_bunq-transactieoverzicht.csv",
                in(null, "bunq", NOTHING))).as("the profile names the currency").isEqualTo(t);
    }

    @Test
    @DisplayName("bunq (English): decimal commas; the 9.95 USD inside descriptions is not an amount; refunds positive")
    void shouldReadBunqEnglish() throws Exception {
        List<RawTransaction> t = parseClean("bank2ynab__2019-03-02_11-50-46_bunq-statement.csv", in("EUR"));
        assertThat(t).hasSize(7);
        assertThat(sum(t)).isEqualByComparingTo("-23.82");
        assertRow(t.getFirst(), "2018-12-06", "-8.78", "EUR", "CLOUDFLARE 650-3198939, US 9.95 USD, 1 USD = 0.88241 EUR",
                "CLOUDFLARE");
        assertRow(t.get(2), "2018-12-06", "8.78", "EUR",
                "Refund: CLOUDFLARE (650-3198939, US) 1 USD = 1.133257403189066 EUR", "CLOUDFLARE");
        assertRow(t.getLast(), "2018-12-17", "-7.99", "EUR", "NETFLIX.COM 14087249160, NL", "NETFLIX.COM");
        assertThat(parseClean("bank2ynab__2019-03-02_11-50-46_bunq-statement.csv", in(null, "bunq", NOTHING)))
                .isEqualTo(t);
    }

    @Test
    @DisplayName("Sparkasse giro: DD.MM.YY, Buchungstag over Valutadatum, SEPA text; 'Info' is a status, not text")
    void shouldReadSparkasseGiro() throws Exception {
        List<RawTransaction> t = parseClean("bank2ynab__20180226-1000594757-umsatz.CSV", in(null, "sparkasse", NOTHING));
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2018-02-22", "-36.99", "EUR", "FOLGELASTSCHRIFT EREF+RECHNR. 100532580591MREF+"
                + "KD020007057822CRED+DE20KD000000058294SVWZ+02/2018 K-NR. 132587495 Ihre Rechnung online bei"
                + " www.vodafone.de/meinkabel", "Vodafone Kabel DeutschlandGmbH");
        assertThat(parseClean("bank2ynab__20180226-1000594757-umsatz.CSV", in(null))).as("detected alike")
                .isEqualTo(t);
    }

    @Test
    @DisplayName("Sparkasse credit card: the booked amount and currency, not the original ones; DD.MM.YY")
    void shouldReadSparkasseCreditCard() throws Exception {
        List<RawTransaction> t = parseClean("bank2ynab__umsatz-1234________1234-20180227.CSV", in(null));
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2018-02-20", "-5.00", "EUR", "AMREST STARBUCKS DE 08007263333 DE", null);
        assertThat(parseClean("bank2ynab__umsatz-1234________1234-20180227.CSV",
                in(null, "sparkasse-credit-card", NOTHING))).isEqualTo(t);
    }

    @Test
    @DisplayName("Rabobank: ISO-8859-1, CR CR LF, a row missing its opening quote, '+50,00' signs, balances chain")
    void shouldReadRabobank() throws Exception {
        List<RawTransaction> t = parseClean("bank2ynab__CSV_A_20180414_112204.csv", in(null, "rabobank", NOTHING));
        assertThat(t).hasSize(3);
        assertThat(sum(t)).isEqualByComparingTo("-1037.49");
        assertRow(t.getFirst(), "2018-03-01", "-337.49", "EUR", "RENTE LENING", null);
        assertRow(t.get(1), "2018-03-14", "50.00", "EUR", "Gefeliciteerd, Gewonnen met Staatsloterij, Trekking"
                + " 10-03-2018, 18753493.6094", "Nederlandse Loterij Organisatie B.V.");
        assertRow(t.getLast(), "2018-03-16", "-750.00", "EUR", "Naar Bunq", "W. Koelewijn");
        // 'Saldo na trn' of the last two rows (9590 and 9591 follow each other): +13084,53 then +12334,53
        assertThat(new BigDecimal("13084.53").add(new BigDecimal(t.getLast().getAmount())))
                .isEqualByComparingTo("12334.53");
        assertThat(parseClean("bank2ynab__CSV_A_20180414_112204.csv", in(null))).as("detected: same money")
                .extracting(RawTransaction::getAmount, RawTransaction::getCurrency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("-337.49", "EUR"),
                        org.assertj.core.groups.Tuple.tuple("50.00", "EUR"),
                        org.assertj.core.groups.Tuple.tuple("-750.00", "EUR"));
    }

    @Test
    @DisplayName("Monzo: 'created' is an ISO date-time with offset; the bank's id; currency per row")
    void shouldReadMonzo() throws Exception {
        List<RawTransaction> t = parseClean("bank2ynab__MonzoDataExport_February2018_2018-02-26_174335.csv", in(null));
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2018-02-25", "-10", "GBP", "Tesco");
        assertThat(t.getFirst().getTransactionId()).isEqualTo("acc-1:" + "tx_00009TziTeST1NG1ZWIPGS");

        List<RawTransaction> profiled = parseClean("bank2ynab__MonzoDataExport_February2018_2018-02-26_174335.csv",
                in(null, "monzo", NOTHING));
        assertRow(profiled.getFirst(), "2018-02-25", "-10", "GBP", "Tesco", "Tesco");
        assertThat(profiled.getFirst().getTransactionId()).isEqualTo("acc-1:" + "tx_00009TziTeST1NG1ZWIPGS");
    }

    @Test
    @DisplayName("Raiffeisenbank CZ: Windows-1250 cannot be told from Windows-1252; refused until the profile says it")
    void shouldReadRaiffeisenCzechOnlyWithItsEncoding() throws Exception {
        String name = "bank2ynab__Movements_1234512345_201805271848.csv";
        assertThatThrownBy(() -> refusedOrParsed(name, in(null)))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("no amount column")
                .hasMessageContaining("pass --csv amount=NAME");

        List<RawTransaction> t = parseClean(name, in(null, "raiffeisen-cz", NOTHING));
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2018-05-27", "-1.00", "CZK", "Memo for me test", "Name Surname");
        assertThat(t.getFirst().getTransactionId()).isEqualTo("acc-1:" + "3228446118");

        // the header reads right only in Windows-1250: 'Zaúčtovaná částka' is found by name
        assertThat(parseClean(name, in(null, "raiffeisen-cz", Map.of("amount", "Zaúčtovaná částka")))).isEqualTo(t);
        assertThatThrownBy(() -> refusedOrParsed(name, in(null, "raiffeisen-cz",
                Map.of("amount", "Zaúčtovaná částka", "encoding", "windows-1252"))))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("--csv amount=Zaúčtovaná částka expects a column 'Zaúčtovaná částka'")
                .hasMessageContaining("line 1");
    }

    @Test
    @DisplayName("OCBC: preamble lines, (SGD) in the header; each record's second row joins its description")
    void shouldReadOcbcTwoRowRecords() throws Exception {
        ParseResult result = parse("bank2ynab__TransactionHistory_20180418043121.csv", in(null));
        assertThat(result.rowsRead()).isEqualTo(16);
        assertThat(result.skipped()).isEqualTo(Map.of(RowKinds.CONTINUATION, 8));
        List<RawTransaction> t = result.transactions();
        assertThat(t).hasSize(8);
        assertThat(sum(t)).isEqualByComparingTo("-173.28");
        assertRow(t.getFirst(), "2018-04-18", "-6.66", "SGD", "DEBIT PURCHASE 15/04/18 66-6666 UBER EATS AN2GO HELP.UBERh");
        assertRow(t.get(2), "2018-04-17", "-66.66", "SGD", "CASH WITHDRAWAL ATM 66-6666 OCBC-666 BRANCH S");
        assertRow(t.getLast(), "2018-04-13", "-6.66", "SGD", "DEBIT PURCHASE 66-6666 TOAST BO6-MANULIFE CTR S 10/04/18");
        assertThat(parse("bank2ynab__TransactionHistory_20180418043121.csv", in(null, "ocbc", NOTHING))
                .transactions()).isEqualTo(t);
    }

    @Test
    @DisplayName("Erste HU: Hungarian header, 'YYYY.MM.DD.' dates, whole forints; the currency from its column")
    void shouldReadErsteHungary() throws Exception {
        String name = "bank2ynab__W80844_EBH_201945.202122.csv";
        List<RawTransaction> t = parseClean(name, in(null, "erste-hu", NOTHING));
        assertThat(t).hasSize(2);
        assertThat(sum(t)).isEqualByComparingTo("940");
        assertRow(t.getFirst(), "2019-04-19", "-350", "HUF", "payee", "memo goes here");
        assertRow(t.getLast(), "2019-04-17", "1290", "HUF", "payee", "memo goes here");
        // the anonymised Egyenleg (2345.56 after -350, 1055.56 after +1290) does not chain: not checked
        assertThat(parseClean(name, in(null))).as("detected: same money")
                .extracting(RawTransaction::getAmount).containsExactly("-350", "1290");
    }

    @Test
    @DisplayName("POSB: one headerless row with a space-padded withdrawal: refused alone, read with the profile")
    void shouldReadPosbOnlyWhenToldTheColumns() throws Exception {
        String name = "bank2ynab__dba33fceecd62c3c727893361e0ba4d3.P000000027355791.csv";
        assertThatThrownBy(() -> refusedOrParsed(name, in("SGD")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("column 3 carry no sign")
                .hasMessageContaining("--csv debit=N --csv credit=N");

        List<RawTransaction> t = parseClean(name, in(null, "posb", NOTHING));
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2018-02-27", "-7.80", "SGD", "MCDONALD'S (TAM KIOSK) SI NG 22FEB",
                "MCDONALD'S (TAM KIOSK) SI NG 22FEB");
        assertThat(parseClean(name, in("SGD", null, Map.of("debit", "3", "credit", "4", "description", "5"))))
                .extracting(RawTransaction::getAmount).containsExactly("-7.80");
    }

    @Test
    @DisplayName("KBC: padded fields; the profile takes the other party from 'Naam tegenpartij', not the holder's 'Naam'")
    void shouldReadKbc() throws Exception {
        String name = "bank2ynab__export_BE11123456789012_20180304_1422.csv";
        List<RawTransaction> t = parseClean(name, in(null, "kbc", NOTHING));
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2018-02-28", "-3.40", "EUR", "BIJDRAGE 01-02-2018 - 28-02-2018 28-02 KBC-PLUSREKENING",
                null);
        assertThat(parseClean(name, in(null))).extracting(RawTransaction::getAmount, RawTransaction::getBookedAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("-3.40", "2018-02-28"));
    }

    @Test
    @DisplayName("Raiffeisen RCM .dat: pipes, an account line 'K|…|EUR', YYYYMMDD; the amounts are schillings")
    void shouldReadRaiffeisenRcmDat() throws Exception {
        String name = "bank2ynab__kta_ei.dat";
        assertThatThrownBy(() -> refusedOrParsed(name, in(null)))
                .isInstanceOf(StatementRefusedException.class).hasMessageContaining("names no currency");

        ParseResult result = parse(name, in(null, "raiffeisen-at-rcm", NOTHING));
        assertThat(result.rowsRead()).as("the account line is no row").isEqualTo(11);
        List<RawTransaction> t = result.transactions();
        assertThat(t).hasSize(11);
        assertThat(sum(t)).isEqualByComparingTo("-6152.22");
        assertRow(t.getFirst(), "2019-03-11", "-89.30", "ATS", "POS 6,49 AT K1 09.03. 09:53", "FORSTINGER");
        assertRow(t.get(5), "2019-03-11", "-227.73", "ATS", "SEPA Lastschrift Empfänger-Kennung: LU96KKE12",
                "Zahlungsempfänger: S.C.D.");
        assertRow(t.get(4), "2019-03-11", "-983.59", "ATS", "HOFER DANKT 0551 K2 09.03. 14:01", null);
        assertRow(t.getLast(), "2019-03-13", "-170.63", "ATS", "POS 12,40 AT K2 13.03. 13:58", "MCFLY");
        // 'POS 6,49' in euros is 89.30 schillings at the fixed rate of 13.7603
        assertThat(new BigDecimal("89.30").divide(new BigDecimal("13.7603"), 2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("6.49");
    }

    @Test
    @DisplayName("Barclaycard: 'DD Mon YY', a purchase written positive: refused alone, money out with the profile")
    void shouldReadBarclaycardOnlyWhenToldTheSign() throws Exception {
        String name = "bank2ynab__statement_1.csv";
        assertThatThrownBy(() -> refusedOrParsed(name, in("GBP")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("the amounts in column 7 carry no sign")
                .hasMessageContaining("pass --csv sign=inverted");

        List<RawTransaction> t = parseClean(name, in(null, "barclaycard", NOTHING));
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2018-02-10", "-20.59", "GBP", "Shop Name, AnyTown20.59 POUND STERLING GREAT BRITAIN");
        assertThat(parseClean(name, in("GBP", null, Map.of("sign", "inverted")))).isEqualTo(t);
    }

    @Test
    @DisplayName("Swedbank .xls that is CSV: D/K flags; opening, turnover and closing rows left out and still add up")
    void shouldReadSwedbankWithBalanceAndTurnoverRows() throws Exception {
        String name = "bank2ynab__test_swedebank_statement.xls";
        ParseResult result = parse(name, in(null));
        assertThat(result.rowsRead()).isEqualTo(17);
        assertThat(result.skipped()).isEqualTo(Map.of(RowKinds.BALANCE_OR_TOTAL, 4));
        List<RawTransaction> t = result.transactions();
        assertThat(t).hasSize(13);
        assertThat(sum(t)).isEqualByComparingTo("2578.93");
        assertRow(t.getFirst(), "2014-10-01", "-15.31", "LTL",
                "PIRKINYS 2014.09.30 15.31 LTL (165339) X-911 MAXIMA Vilnius 00000", "X-911 MAXIMA");
        assertRow(t.get(6), "2014-10-01", "-12.00", "LTL",
                "PIRKINYS 2014.09.29 12 LTL (903005) STATOIL SESKINE 08104 VILNIUS", null);
        assertRow(t.getLast(), "2014-10-06", "2863.63", "LTL", "Darbo užmokestis", "UAB IMONE");
        // the file's own totals: turnover D 284.70 and K 2863.63; opening 10374.04, closing 12952.97
        BigDecimal out = t.stream().map(x -> new BigDecimal(x.getAmount())).filter(a -> a.signum() < 0)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(out).isEqualByComparingTo("-284.70");
        assertThat(sum(t).subtract(out)).isEqualByComparingTo("2863.63");
        assertThat(new BigDecimal("10374.04").add(sum(t))).isEqualByComparingTo("12952.97");
        assertThat(parse(name, in(null, "swedbank-baltic", NOTHING)).transactions()).isEqualTo(t);
    }

    @Test
    @DisplayName("reckon 73: '07/06/2017' and an unsigned '$27.00': refused twice, each naming the --csv that resolves it")
    void shouldReadUsCardExportOnlyWhenToldDateOrderAndSign() throws Exception {
        String name = "reckon__73-sample.csv";
        assertThatThrownBy(() -> refusedOrParsed(name, in("USD")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("'07/06/2017' (line 2) reads both ways")
                .hasMessageContaining("pass --csv date-order=day-first or --csv date-order=month-first");
        assertThatThrownBy(() -> refusedOrParsed(name, in("USD", null, Map.of("date-order", "month-first"))))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("column 3 ('Amount') carry no sign")
                .hasMessageContaining("--csv sign=inverted");

        List<RawTransaction> t = parseClean(name, in("USD", null,
                Map.of("date-order", "month-first", "sign", "inverted")));
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2017-07-06", "-27.00", "USD", "TRIPLE T CAR WASH CHAMPAIGN IL");
    }

    @Test
    @DisplayName("reckon 85: ', ' separators, FX note '8.10 SGD @ .9765', signed amounts agreeing with the D flag")
    void shouldReadCardExportWithForeignAmountNote() throws Exception {
        String name = "reckon__85-date-example.csv";
        // the file names no account currency (the SGD is the foreign amount's): the user must
        assertThatThrownBy(() -> refusedOrParsed(name, in(null)))
                .isInstanceOf(StatementRefusedException.class).hasMessageContaining("pass --currency");

        List<RawTransaction> t = parseClean(name, in("USD", null, Map.of("description", "5, 6")));
        assertThat(t).hasSize(2);
        assertThat(sum(t)).isEqualByComparingTo("-13.77");
        assertRow(t.getFirst(), "2020-02-20", "-7.91", "USD", "GOJEK SINGAPORE 8.10 SGD @ .976500000000");
        assertRow(t.getLast(), "2020-02-20", "-5.86", "USD", "GOJEK SINGAPORE 6.00 SGD @ .976600000000");
        assertThat(new BigDecimal("8.10").multiply(new BigDecimal(".9765")).setScale(2, RoundingMode.HALF_UP))
                .isEqualByComparingTo("7.91");
    }

    @Test
    @DisplayName("English dates: 24/12/2009 settles day first; -$76.00 / +$327.49 in two columns; $ balance ignored")
    void shouldReadEnglishDateExample() throws Exception {
        List<RawTransaction> t = parseClean("reckon__english_date_example.csv", in("USD"));
        assertThat(t).hasSize(3);
        assertThat(sum(t)).isEqualByComparingTo("-548.51");
        assertRow(t.getFirst(), "2009-12-24", "-76.00", "USD", "Check - 0000000122");
        assertRow(t.get(1), "2009-12-24", "327.49", "USD", "BLARG R SH 456930");
        assertRow(t.getLast(), "2009-12-24", "-800.00", "USD", "Check - 0000000112");
    }

    @Test
    @DisplayName("Banco do Brasil: ISO-8859-1, 10/31/2012 settles month first, 'Saldo Anterior' left out as a balance")
    void shouldReadBancoDoBrasil() throws Exception {
        ParseResult result = parse("reckon__extratofake.csv", in("BRL"));
        assertThat(result.rowsRead()).isEqualTo(23);
        assertThat(result.skipped()).isEqualTo(Map.of(RowKinds.BALANCE_OR_TOTAL, 1));
        List<RawTransaction> t = result.transactions();
        assertThat(t).hasSize(22);
        assertThat(sum(t)).isEqualByComparingTo("805.00");
        assertRow(t.getFirst(), "2012-11-01", "100.00", "BRL",
                "Transferência on line - 01/11 4885 256620-6 XXXXXXXXXXXXX");
        assertRow(t.get(4), "2012-11-01", "-1.00", "BRL", "Compra com Cartão - 01/11 09:45 XXXXXXXXXXX");
        assertRow(t.getLast(), "2012-11-05", "-100.00", "BRL", "Pagamento de Título - XXXXXXXXXXXXXXXXXXX");
        assertThat(parse("reckon__extratofake.csv", in(null, "banco-do-brasil", NOTHING)).transactions())
                .isEqualTo(t);
    }

    @Test
    @DisplayName("Mint: M/DD/YYYY settled by 1/30/2014; unsigned amounts with a debit/credit type column")
    void shouldReadMintExport() throws Exception {
        List<RawTransaction> t = parseClean("reckon__intuit_mint_example.csv", in("CAD"));
        assertThat(t).hasSize(7);
        assertThat(sum(t)).isEqualByComparingTo("-688.96");
        assertRow(t.getFirst(), "2014-12-10", "0.01", "CAD", "[DN]ING INV/PLA");
        assertRow(t.get(1), "2014-02-03", "-331.63", "CAD", "[DS]LMS598 MSP/DIV");
        assertRow(t.getLast(), "2014-01-30", "-559.96", "CAD", "[PR]COSTCO WHOLESAL");

        List<RawTransaction> profiled = parseClean("reckon__intuit_mint_example.csv", in("CAD", "mint", NOTHING));
        assertThat(profiled).extracting(RawTransaction::getAmount)
                .containsExactlyElementsOf(t.stream().map(RawTransaction::getAmount).toList());
        assertRow(profiled.getFirst(), "2014-12-10", "0.01", "CAD", "Dn Ing Inv");
        assertRow(profiled.getLast(), "2014-01-30", "-559.96", "CAD", "Costco");
    }

    @Test
    @DisplayName("Venmo: four money-like columns refused alone; with the profile '- $21.59' and a footer row left out")
    void shouldReadVenmoWithMultiLineFooter() throws Exception {
        String name = "reckon__multi-line-field.csv";
        assertThatThrownBy(() -> refusedOrParsed(name, in("USD")))
                .isInstanceOf(StatementRefusedException.class)
                .hasMessageContaining("columns 9, 18, 19, 21 look like money")
                .hasMessageContaining("pass --csv amount=N");

        ParseResult result = parse(name, in(null, "venmo", NOTHING));
        assertThat(result.rowsRead()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(Map.of(RowKinds.NOT_A_TRANSACTION, 1));
        List<RawTransaction> t = result.transactions();
        assertThat(t).hasSize(1);
        assertRow(t.getFirst(), "2002-09-10", "-21.59", "USD", "Merchant Transaction", "Lyft, Inc");
        assertThat(t.getFirst().getTransactionId()).isEqualTo("acc-1:" + "311053760");
    }

    @Test
    @DisplayName("SunTrust: check numbers are no amounts; debit/credit with 0 for the side not taken, by the balance")
    void shouldReadSunTrust() throws Exception {
        List<RawTransaction> t = parseClean("reckon__suntrust.csv", in("USD"));
        assertThat(t).hasSize(7);
        assertThat(sum(t)).isEqualByComparingTo("700.00");
        assertRow(t.getFirst(), "2014-11-01", "500.00", "USD", "Deposit");
        assertRow(t.get(1), "2014-11-02", "-100.00", "USD", "Check");
        assertRow(t.getLast(), "2014-11-17", "700.00", "USD", "Deposit");
        // balances: 500.00 after the first deposit, 0.00 after the fifth check, 700.00 at the end
        assertThat(sum(t.subList(0, 6))).isEqualByComparingTo("0.00");
        assertThat(parseClean("reckon__suntrust.csv", in(null, "suntrust", NOTHING))).isEqualTo(t);
    }
}
