package io.ledgerstream.connectors.mt940;

import static io.ledgerstream.connectors.mt940.Samples.amounts;
import static io.ledgerstream.connectors.mt940.Samples.balances;
import static io.ledgerstream.connectors.mt940.Samples.dates;
import static io.ledgerstream.connectors.mt940.Samples.descriptions;
import static io.ledgerstream.connectors.mt940.Samples.ids;
import static io.ledgerstream.connectors.mt940.Samples.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One test per bank sample; expected values read from the files by hand. */
class Mt940SamplesTest {

    @Test
    void shouldReadGermanStatementWithEnvelopeAndCrlfLineBreaks() throws IOException {
        String file = "cmxl__mt940-windows-line-breaks.txt";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("-800", "3000");
        // value dates 021101/021102, entry dates 1102 and 1102: booked on the entry date
        assertThat(dates(result)).containsExactly("2002-11-02", "2002-11-02");
        assertThat(descriptions(result)).containsExactly("DAUERAUFTRAG MUELLER Miete November",
                "UEBERWEISUNG MUELLER Gehalt Oktober Firma Mustermann GmbH");
        RawTransaction first = result.transactions().get(0);
        assertThat(first.getCurrency()).isEqualTo("EUR");
        assertThat(first.getAccountId()).isEqualTo("10020030/1234567");
        assertThat(first.getMerchant()).isEqualTo("MUELLER");
        assertThat(first.getUserId()).isEqualTo("alice");
        assertThat(first.getSource()).isEqualTo("import:" + file);
        // both rows carry bank reference '55555': not unique, so no bank id
        assertThat(ids(result)).allMatch(id -> id.startsWith("h-")).doesNotHaveDuplicates();
        assertThat(balances(file, result)).containsExactly(true);
        assertThat(result.skipped()).isEqualTo(Map.of(StatementReader.BALANCE_LINE, 2));
    }

    @Test
    void shouldKeepInformationLineStartingWithColonAfterLineBreak() throws IOException {
        ParseResult result = parse("cmxl__mt940-with-colon-after-line-break.txt");

        assertThat(result.problems()).isEmpty();
        assertThat(result.transactions()).hasSize(1);
        RawTransaction row = result.transactions().get(0);
        assertThat(row.getAmount()).isEqualTo("-6800");
        assertThat(row.getCurrency()).isEqualTo("DEM");
        assertThat(row.getBookedAt()).isEqualTo("2013-10-17");
        assertThat(row.getMerchant()).isEqualTo("DEUTSCHE BANK");
        assertThat(row.getDescription()).isEqualTo("DEUTSCHE BANK STARTER//8449273399/US 22-04-2019T03:46:08 "
                + "Kartennr. 5355999999999975 Original 49,00 USD 1 EUR/1,12385 USD Entgelt 0,44 EUR");
        // customer reference 16703074 is not used as an id
        assertThat(row.getTransactionId()).startsWith("h-");
    }

    @Test
    void shouldReadTwoEmptySwedishStatementsWithNationalVariantEnvelope() throws IOException {
        String file = "cmxl__mt940-handelsbank.txt";
        ParseResult result = parse(file);

        assertThat(result.transactions()).isEmpty();
        assertThat(result.problems()).isEmpty();
        assertThat(result.skipped()).isEqualTo(Map.of(StatementReader.BALANCE_LINE, 6));
        assertThat(balances(file, result)).containsExactly(true, true);
    }

    @Test
    void shouldReadAsnFileOfThirtyOneDailyStatementsInEnvelopes() throws IOException {
        String file = "mt940__0708271685_09022020_164516.940.txt";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("-65.00", "1000.00", "-801.55", "-1.65", "828.72", "-1000.00",
                "1000.18", "-903.76");
        assertThat(dates(result)).containsExactly("2020-01-01", "2020-01-05", "2020-01-05", "2020-01-25",
                "2020-01-29", "2020-01-29", "2020-01-31", "2020-01-31");
        assertThat(result.transactions().get(0).getDescription())
                .isEqualTo("NL47INGB9999999999 hr gjlm paulissen Betaling sieraden");
        assertThat(result.transactions().get(2).getDescription()).isEqualTo("NL08ABNA9999999999 international card "
                + "services 000000000000000000000000000000000 0000000000000000 Betaling aan ICS 99999999999 ICS "
                + "Referentie: 2020-01-05 19:47 000000000000000");
        assertThat(result.transactions().get(7).getDescription()).startsWith("NL08ABNA9999999999 international "
                + "card services").contains("2020-01-31 21:27");
        assertThat(result.transactions()).allMatch(t -> t.getAccountId().equals("NL81ASNB9999999999")
                && t.getCurrency().equals("EUR"));
        assertThat(ids(result)).allMatch(id -> id.startsWith("h-")).doesNotHaveDuplicates();
        Boolean[] allBalanced = new Boolean[31];
        Arrays.fill(allBalanced, true);
        assertThat(balances(file, result)).containsExactly(allBalanced);
    }

    @Test
    void shouldReadAbnAmroStatementsBehindBankHeaderLines() throws IOException {
        String file = "mt940__abnamro.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("-9", "-11.59", "-11.63", "-11.8", "-13.45", "-15.49", "-107",
                "-141.48", "-9.49", "-15");
        assertThat(dates(result)).containsExactly("2011-05-24", "2011-05-23", "2011-05-23", "2011-05-23",
                "2011-05-23", "2011-05-23", "2011-05-23", "2011-05-23", "2011-05-24", "2011-05-24");
        assertThat(descriptions(result).get(0)).isEqualTo("GIRO 428428 KPN - DIGITENNE BETALINGSKENM. "
                + "0000000421886595314606715 BETREFT FACTUUR D.D. 20-05-2011 INCL. 1,44 BTW");
        assertThat(descriptions(result).get(3))
                .isEqualTo("BEA NR:XXX1234 22.05.11/14.25 MC DONALDS A44 LEIDEN,PAS999");
        assertThat(descriptions(result).get(9)).isEqualTo("52.89.39.882 MYCOM DEN HAAG");
        assertThat(result.transactions()).allMatch(t -> t.getAccountId().equals("517852257"));
        // the anonymised sample's own balances do not add up
        assertThat(balances(file, result)).containsExactly(false, false);
    }

    @Test
    void shouldReadThreeStatementsOfCmxlSampleInThreeCurrencies() throws IOException {
        String file = "mt940__cmxl_mt940.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("-6800", "-620.3", "18500", "-14220", "-1507", "4200", "-19900",
                "-400", "3656.74", "23040", "-5862.14", "-800", "3000", "20000.00", "-10000.00", "40.00");
        assertThat(result.transactions().subList(0, 11)).allMatch(t -> t.getCurrency().equals("DEM"));
        assertThat(result.transactions().subList(13, 16)).allMatch(t -> t.getCurrency().equals("PLN")
                && t.getAccountId().equals("BPHKPLPK/320000546101"));
        assertThat(dates(result).get(3)).isEqualTo("2013-10-15");
        assertThat(descriptions(result).get(0)).isEqualTo("999PN5477SCHECK-NR. 0000016703074");
        assertThat(descriptions(result).get(15)).isEqualTo("Uznanie kwot\u0105 odsetek Odsetki od lokaty nr 101000022086");
        assertThat(result.transactions().get(13).getMerchant())
                .isEqualTo("HUTA SZKLA TOPIC UL PRZEMY SLOWA 67 32-669 WROCLAW");
        assertThat(ids(result).subList(13, 16)).containsExactly("8327000090031789", "8327000090031790",
                "8327000090031791");
        assertThat(balances(file, result)).containsExactly(true, true, true);
    }

    @Test
    void shouldReadIngStatementWithMultiLineInformation() throws IOException {
        String file = "mt940__ing.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("-25.03", "-3.03", "-1.11", "-20.00", "-1.10", "3.68", "1.00");
        assertThat(dates(result)).containsExactly("2010-07-22", "2010-07-22", "2010-07-22", "2010-07-22",
                "2010-07-22", "2010-07-22", "2010-07-23");
        assertThat(descriptions(result).get(0)).isEqualTo("RC AFREKENING BETALINGSVERKEER BETREFT REKENING 4715589 "
                + "PERIODE: 01-10-2010 / 31-12-2010 ING Bank N.V. tarifering ING");
        assertThat(descriptions(result).get(6)).isEqualTo("0111111111 Hr S Marechal ROSMALEN Hr S Marechal ROSMALEN "
                + "Betaling transactiedatum: 22-07-2010");
        // the customer reference 'TMG TANGO' is a merchant name, not an id
        assertThat(ids(result)).allMatch(id -> id.startsWith("h-"));
        // the :86: after the closing balance belongs to no row; the sample's balances do not add up
        assertThat(result.transactions()).hasSize(7);
        assertThat(balances(file, result)).containsExactly(false);
    }

    @Test
    void shouldReadKnabAmountWithoutDecimalCommaAndNameAfterNaam() throws IOException {
        String file = "mt940__knab.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("500", "-7260", "500");
        assertThat(dates(result)).containsExactly("2014-05-07", "2014-07-29", "2014-07-29");
        assertThat(ids(result)).containsExactly("B4E07XM00J000023", "B4G29PGCVO7Q06US", "B4G29PGDCK1QFV3E");
        assertThat(descriptions(result).get(0))
                .isEqualTo("HIER EEN MOOIE OMSCHRIJVING IN HOOFDLETTERS WANT DAT IS ZOALS DE NEDERLANDSE BANKEN COMMUNICEREN");
        assertThat(descriptions(result).get(1)).isEqualTo("FACTUUR 201403110, 201403113 REK: NL65INGB0123456789/NAAM: PICQER");
        assertThat(result.transactions().get(1).getMerchant()).isEqualTo("PICQER");
        assertThat(result.transactions().get(2).getMerchant()).isEqualTo("MMS ONLINE NEDERLAND B.V.");
        assertThat(balances(file, result)).containsExactly(true, false);
    }

    @Test
    void shouldReadMbankStatementBehindControlBytes() throws IOException {
        String file = "mt940__mBank_mt940.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("0.01", "0.01", "0.01");
        assertThat(dates(result)).containsOnly("2017-01-19");
        assertThat(ids(result)).containsExactly("MB170119012058", "MB170119012085", "MB170119012121");
        assertThat(result.transactions()).allMatch(t -> t.getCurrency().equals("PLN")
                && t.getAccountId().equals("PL29114010810000267002001002"));
        assertThat(descriptions(result).get(0)).isEqualTo("911 TRANSAKCJA COLLECT; ID IPH: XX000000000001; Z RACH.: "
                + "56114010810000267002001001; OD: JAN NOWAK UL. NIJAKA 1 M 2 31-234 KRAKOW; TYT.: PRZELEW SRODKOW ; "
                + "TNR: 179171073864111.010001");
        assertThat(descriptions(result).get(2)).endsWith("TNR: 179171073864291.000001");
        assertThat(balances(file, result)).containsExactly(true);
    }

    @Test
    void shouldReadPostfinanceRewrappedInformation() throws IOException {
        String file = "mt940__postfinance.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("79.7", "149.5", "-79.9", "10.1");
        assertThat(dates(result)).containsExactly("2013-12-09", "2013-12-09", "2013-12-16", "2013-12-18");
        assertThat(result.transactions()).allMatch(t -> t.getCurrency().equals("CHF"));
        assertThat(descriptions(result)).containsExactly(
                "GIRO AUS ONLINE-SIC 80532 AUFTRAGGEBER: JANE DOE EXAMPLESTRASSE 10 1234 XXXX 131209CH98765432 "
                        + "MITTEILUNGEN: RECHNUNG XXXXXXXXXXXX",
                "GIRO AUS ONLINE-SIC 81379 AUFTRAGGEBER: JOHN DOE EXAMPLESTRASSE 12 1234 XXXXXXXXXX 131209CH87654321",
                "GIRO AUS ONLINE-SIC 80701 AUFTRAGGEBER: XXXXXXXXX XXX XXXXXXXXSTRASSE 111 1234 XXXXXXXXXXXX "
                        + "131216CH12345678 MITTEILUNGEN: 1 SONNENGLAESER",
                "EINZAHLUNGSSCHEIN");
        // bank reference NONREF is no id
        assertThat(ids(result)).allMatch(id -> id.startsWith("h-"));
        assertThat(balances(file, result)).containsExactly(true, false);
    }

    @Test
    void shouldReadRabobankIbanNameAndRemittance() throws IOException {
        String file = "mt940__rabobank-iban.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("-25.00", "-10.00", "-25.00", "-10.00");
        assertThat(dates(result)).containsExactly("2013-01-01", "2013-01-02", "2013-01-08", "2013-01-09");
        assertThat(descriptions(result)).containsExactly("CONTRA ACCOUNT HOLDER", "JOHN DOE Reference 201301234",
                "CONTRA ACCOUNT HOLDER", "JOHN DOE Reference 201301234");
        assertThat(result.transactions()).extracting(RawTransaction::getMerchant)
                .containsExactly("CONTRA ACCOUNT HOLDER", "JOHN DOE", "CONTRA ACCOUNT HOLDER", "JOHN DOE");
        assertThat(ids(result)).doesNotHaveDuplicates();
        assertThat(balances(file, result)).containsExactly(true, true);
    }

    @Test
    void shouldReadLegacyRabobankNameFromStatementLine() throws IOException {
        String file = "mt940__rabobank.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("-1213.28", "-44.95", "-236.56", "-88.10", "-6.20");
        assertThat(dates(result)).containsExactly("2011-05-27", "2011-06-17", "2011-07-21", "2012-08-29",
                "2012-08-29");
        assertThat(descriptions(result)).containsExactly(
                "W.P. Jansen Terugboeking NIET AKKOORD MET AFSCHRIJVING KOSTEN KINDEROPVANG JUNI 20095731",
                "T-MOBILE NETHERLANDS BV BETALINGSKENM. 123456789 FACTUURNUMMER 987654321",
                "TOMTE TUMMETOT AMERSFOORT Betaalautomaat 14:23 pasnr. 065",
                "BETALINGSKENM. 173787046000009 FACTUUR * 173787046 000009 ZIE REKENING OP KPN.COM OF HI.NL KPN - MOBIEL",
                "NS-Utrecht C. 117 UTRECHT Betaalautomaat 08:22 pasnr. 001");
        assertThat(result.transactions()).extracting(RawTransaction::getMerchant).containsExactly("W.P. Jansen",
                "T-MOBILE NETHERLANDS BV", "TOMTE TUMMETOT AMERSFOORT", "KPN - MOBIEL", "NS-Utrecht C. 117 UTRECHT");
        assertThat(result.transactions().get(4).getAccountId()).isEqualTo("1526.89.184EUR");
        assertThat(balances(file, result)).containsExactly(false, true, false, true);
    }

    @Test
    void shouldReadGermanSepaFileOfNinetySevenEntriesWithReversalsAndDebitBalances() throws IOException {
        String file = "mt940__sepa_mt9401.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(result.transactions()).hasSize(97);
        RawTransaction first = result.transactions().get(0);
        assertThat(first.getAmount()).isEqualTo("300");
        assertThat(first.getBookedAt()).isEqualTo("2007-09-04");
        assertThat(first.getTransactionId()).isEqualTo("0724710345313905");
        assertThat(first.getAccountId()).isEqualTo("50880050/0194774600888");
        assertThat(first.getDescription()).isEqualTo("RETOURE EREF+TFNR 40005 00005 MTLG:Grund nicht spezifiziert "
                + "Reject aus SEPA-Ueberweisungsauftrag");
        // 'RCR204,88': reversal of a credit, money out
        RawTransaction reversal = result.transactions().get(5);
        assertThat(reversal.getAmount()).isEqualTo("-204.88");
        assertThat(reversal.getDescription()).isEqualTo("SAMMLER/STORNO 0904059003");
        RawTransaction last = result.transactions().get(96);
        assertThat(last.getAmount()).isEqualTo("50.05");
        assertThat(last.getTransactionId()).isEqualTo("0724710290648274");
        assertThat(last.getMerchant()).isEqualTo("Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx");
        assertThat(last.getDescription()).startsWith("GUTSCHRIFT Richter Renate 70 Zeichen Beginn Fuellzeichen "
                + "xxxxxxxx TO 25 TFNr 50005 Eingangskanal Mint Unstrukturierter Verwendungszweck 140 Zeichen");
        assertThat(result.transactions()).allMatch(t -> t.getCurrency().equals("EUR"));
        Boolean[] allBalanced = new Boolean[26];
        Arrays.fill(allBalanced, true);
        assertThat(balances(file, result)).containsExactly(allBalanced);
    }

    @Test
    void shouldReadSnsStatementAndEmptySecondStatement() throws IOException {
        String file = "mt940__sns.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("-20.00", "-5.00");
        assertThat(dates(result)).containsExactly("2012-06-08", "2012-06-08");
        assertThat(descriptions(result)).containsExactly("0987654321 marechal s dit is een test",
                "0987654321 marechal s dit is test 2");
        assertThat(balances(file, result)).containsExactly(true, true);
    }

    @Test
    void shouldReadTriodosSubfieldsJoinedAcrossTheirLimit() throws IOException {
        String file = "mt940__triodos.sta";
        ParseResult result = parse(file);

        assertThat(result.problems()).isEmpty();
        assertThat(amounts(result)).containsExactly("-15.70", "-700.00");
        assertThat(dates(result)).containsExactly("2011-01-01", "2011-01-25");
        assertThat(descriptions(result)).containsExactly(
                "ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010", "HUUR KANTOOR - FEB 2010");
        assertThat(result.transactions().get(0).getAccountId()).isEqualTo("TRIODOSBANK/0390123456");
        assertThat(balances(file, result)).containsExactly(false);
    }
}
