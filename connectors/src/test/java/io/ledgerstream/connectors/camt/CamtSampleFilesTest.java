package io.ledgerstream.connectors.camt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ledgerstream.connectors.importer.ContentHashIds;
import io.ledgerstream.connectors.importer.ImportOptions;
import io.ledgerstream.connectors.importer.ParseResult;
import io.ledgerstream.schemas.avro.RawTransaction;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every camt.053 sample of /work/shared/data/bank-samples/camt053, parsed. Expected values are read
 * off the files by hand (line numbers in the comments), never produced by the parser.
 */
class CamtSampleFilesTest {

    private final CamtParser parser = new CamtParser();

    private ParseResult parse(String name) throws IOException, URISyntaxException {
        Path file = Path.of(getClass().getResource("/bank-samples/camt053/" + name).toURI());
        ParseResult result = parser.parse(file, ImportOptions.forUser("alice"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.transactions()).allSatisfy(t -> {
            assertThat(t.getUserId()).isEqualTo("alice");
            assertThat(t.getSource()).isEqualTo("import:" + name);
            assertThat(t.getMcc()).isNull();
            assertThat(t.getRemoved()).isFalse();
        });
        return result;
    }

    private static BigDecimal sum(List<RawTransaction> transactions) {
        return transactions.stream().map(t -> new BigDecimal(t.getAmount())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    @DisplayName("v2 minimal: one credit, structured creditor reference, no bank id so a content hash id")
    void shouldParseMinimalV2Statement() throws Exception {
        ParseResult result = parse("camt__camt053.v2.minimal.xml");

        assertThat(result.rowsRead()).isEqualTo(1);
        assertThat(result.transactions()).singleElement().satisfies(t -> {
            assertThat(t.getAccountId()).isEqualTo("NL26VAYB8060476890");
            assertThat(t.getBookedAt()).isEqualTo("2014-12-31");            // BookgDt, not ValDt 2015-01-02
            assertThat(t.getAmount()).isEqualTo("8.85");                    // CRDT
            assertThat(t.getCurrency()).isEqualTo("EUR");
            assertThat(t.getDescription()).isEqualTo("4654654654654654 NAME NAME"); // Strd/CdtrRefInf/Ref + Dbtr/Nm
            assertThat(t.getMerchant()).isEqualTo("NAME NAME");             // a credit's counterparty is the debtor
            assertThat(t.getTransactionId()).startsWith(ContentHashIds.PREFIX); // no AcctSvcrRef, NtryRef or Refs/AcctSvcrRef
        });
        // OPBD 18.15 CRDT + 8.85 = 27.00; this fixture marks its CLBD 27.00 as DBIT in SEK (test data, not a bank's),
        // so the total holds in magnitude only
        assertThat(new BigDecimal("18.15").add(sum(result.transactions()))).isEqualByComparingTo("27.00");
    }

    @Test
    void shouldParseEveryStatementOfAMultiStatementMessage() throws Exception {
        ParseResult result = parse("camt__camt053.v2.multi.statement.xml");

        assertThat(result.rowsRead()).isEqualTo(2);
        assertThat(result.transactions())
                .extracting(RawTransaction::getAccountId, RawTransaction::getBookedAt, RawTransaction::getAmount,
                        RawTransaction::getCurrency, RawTransaction::getDescription, RawTransaction::getMerchant)
                .containsExactly(
                        // statement 253…: a credit naming only the creditor (the account holder): no merchant
                        tuple("NL26VAYB8060476890", "2014-12-31", "8.85", "EUR", "Transaction Description 1", null),
                        // statement 254…: a debit to Company Name 2
                        tuple("NL26VAYB8060476890", "2014-12-31", "-7.00", "EUR",
                                "Transaction Description 2 Company Name 2", "Company Name 2"));
        assertThat(result.transactions()).extracting(RawTransaction::getTransactionId)
                .allMatch(id -> id.startsWith(ContentHashIds.PREFIX)).doesNotHaveDuplicates();
        // statement 1: OPBD 18.15 + 8.85 = CLBD 27.00; statement 2: OPBD 27.00 - 7.00 = CLBD 20.00
        assertThat(new BigDecimal("18.15").add(new BigDecimal(result.transactions().get(0).getAmount())))
                .isEqualByComparingTo("27.00");
        assertThat(new BigDecimal("27.00").add(new BigDecimal(result.transactions().get(1).getAmount())))
                .isEqualByComparingTo("20.00");
    }

    @Test
    @DisplayName("the 'five decimals' sample has three (8.850): kept exactly as written")
    void shouldKeepThreeDecimalAmountsAsWritten() throws Exception {
        ParseResult result = parse("camt__camt053.v2.five.decimals.xml");

        assertThat(result.transactions()).singleElement().satisfies(t -> {
            assertThat(t.getAmount()).isEqualTo("8.850");
            assertThat(t.getCurrency()).isEqualTo("EUR");
            assertThat(t.getBookedAt()).isEqualTo("2014-12-31");
            assertThat(t.getDescription()).isEqualTo("Transaction Description");
            assertThat(t.getMerchant()).isNull();
        });
        // OPBD 18.150 + 8.850 = 27.000, while the fixture's CLBD says 27.050: the file's own totals disagree
        assertThat(new BigDecimal("18.150").add(sum(result.transactions()))).isEqualByComparingTo("27.000");
    }

    @Test
    void shouldIgnorePartyIdentifiersAndReadTheSameEntryAsMinimal() throws Exception {
        ParseResult result = parse("camt__camt053.v2.with-party-ids.xml");

        assertThat(result.transactions()).singleElement().satisfies(t -> {
            assertThat(t.getAmount()).isEqualTo("8.85");
            assertThat(t.getBookedAt()).isEqualTo("2014-12-31");
            assertThat(t.getDescription()).isEqualTo("4654654654654654 NAME NAME");
            assertThat(t.getMerchant()).isEqualTo("NAME NAME");
        });
    }

    @Test
    @DisplayName("v3: account under Othr/Id, id from Ntry/AcctSvcrRef, the detail's 105.750 ignored for the booked 8.85")
    void shouldParseV3WithOtherAccountIdAndBankReference() throws Exception {
        ParseResult result = parse("camt__camt053.v3.xml");

        assertThat(result.transactions()).singleElement().satisfies(t -> {
            assertThat(t.getTransactionId()).isEqualTo("XXXXXXXXXXXXXXXXXXXXXXEUR");
            assertThat(t.getAccountId()).isEqualTo("NL26VAYB8060476890");
            assertThat(t.getAmount()).isEqualTo("8.85");
            assertThat(t.getCurrency()).isEqualTo("EUR");
            assertThat(t.getBookedAt()).isEqualTo("2014-12-31");
            assertThat(t.getDescription()).isEqualTo("4654654654654654 NAME NAME");
            assertThat(t.getMerchant()).isEqualTo("NAME NAME");
        });
        assertThat(new BigDecimal("18.15").add(sum(result.transactions()))).isEqualByComparingTo("27.00");
    }

    @Test
    void shouldParseV4() throws Exception {
        ParseResult result = parse("camt__camt053.v4.xml");

        assertThat(result.transactions()).singleElement().satisfies(t -> {
            assertThat(t.getTransactionId()).isEqualTo("AAAASESS-FP-CN_98765/01");
            assertThat(t.getAccountId()).isEqualTo("NL26VAYB8060476890");
            assertThat(t.getAmount()).isEqualTo("8.85");
            assertThat(t.getCurrency()).isEqualTo("EUR");
            assertThat(t.getBookedAt()).isEqualTo("2014-12-31");
            assertThat(t.getDescription()).isEqualTo("4654654654654654 NAME NAME");
        });
    }

    @Test
    @DisplayName("v8: status nested as Sts/Cd, booking date as DtTm, parties nested in Pty")
    void shouldParseV8NestedStatusDateTimeAndParties() throws Exception {
        ParseResult result = parse("camt__camt053.v8.xml");

        assertThat(result.transactions()).singleElement().satisfies(t -> {
            assertThat(t.getTransactionId()).isEqualTo("AAAASESS-FP-CN_98765/01");
            assertThat(t.getBookedAt()).isEqualTo("2014-12-31");            // 2014-12-31T13:15:00+01:00
            assertThat(t.getAmount()).isEqualTo("8.85");
            assertThat(t.getCurrency()).isEqualTo("EUR");
            assertThat(t.getDescription()).isEqualTo("4654654654654654 NAME NAME");
            assertThat(t.getMerchant()).isEqualTo("NAME NAME");             // Dbtr/Pty/Nm
        });
    }

    @Test
    @DisplayName("VR-Bank: four booked entries, a two-payment batch stays one transaction, PRCD + entries = CLBD")
    void shouldParseVrBankStatementWithBatchAsOneTransaction() throws Exception {
        ParseResult result = parse("camt_parser__valid_example.xml");

        assertThat(result.rowsRead()).isEqualTo(4);
        assertThat(result.transactions())
                .extracting(RawTransaction::getTransactionId, RawTransaction::getBookedAt, RawTransaction::getAmount,
                        RawTransaction::getCurrency, RawTransaction::getMerchant, RawTransaction::getDescription)
                .containsExactly(
                        tuple("2013122710583450000", "2013-12-27", "-2.00", "EUR", "Testkonto Nummer 2",
                                "TEST BERWEISUNG MITTELS BLZUND KONTONUMMER - DTA Testkonto Nummer 2 "
                                        + "Überweisungs-Gutschrift; GVC: SEPA Credit Transfer (Einzelbuchung-Haben)"),
                        tuple("2013122710583600000", "2013-12-27", "-3.00", "EUR", "Testkonto Nummer 2",
                                "Test+berweisung mit BIC und IBAN SEPA IBAN: DE58740618130100033626 BIC: GENODEF1PFK "
                                        + "Testkonto Nummer 2"),
                        tuple("2013122711085260000", "2013-12-27", "1.00", "EUR", "Testkonto Nummer 2",
                                "R CKBUCHUNG Testkonto Nummer 2"),
                        tuple("2013122711513230000", "2013-12-27", "-6.00", "EUR", "Testkonto Nummer 1",
                                "Sammelueberwseisung 2. Zahlung TAN:283044 Testkonto Nummer 1 "
                                        + "Sammelueberweisung 1. Zahlung TAN:283044 Testkonto Nummer 1"));
        assertThat(result.transactions()).extracting(RawTransaction::getAccountId).containsOnly("DE14740618130000033626");
        // PRCD 33.06 - 2.00 - 3.00 + 1.00 - 6.00 = CLBD 23.06
        assertThat(new BigDecimal("33.06").add(sum(result.transactions()))).isEqualByComparingTo("23.06");
    }

    @Test
    @DisplayName("PostFinance v4: 13 entries, batches and reversals, OPBD + entries = CLBD")
    void shouldParsePostFinanceStatementWithBatchesAndReversals() throws Exception {
        ParseResult result = parse("camt_parser__valid_example_v4.xml");

        assertThat(result.rowsRead()).isEqualTo(13);
        assertThat(result.transactions())
                .extracting(RawTransaction::getTransactionId, RawTransaction::getBookedAt, RawTransaction::getAmount)
                .containsExactly(
                        tuple("20160401001027080060699001000107", "2016-04-30", "-24.00"),
                        tuple("20160430001001080060699000901107", "2016-04-30", "-328.75"),
                        tuple("20160430001001080060699015801107", "2016-04-30", "-200.80"),
                        tuple("20160430001025080060699000000012", "2016-04-30", "-638.15"),
                        tuple("20160430001025080060699000000031", "2016-04-30", "-24.00"),
                        tuple("20160430001025080060699000010012", "2016-04-30", "-35.72"),
                        tuple("20160530007602769939022000000012", "2016-05-27", "1000.00"), // 10 payments, 1 entry
                        tuple("20160527007602769947016000000012", "2016-05-27", "620.00"),  // 8 payments
                        tuple("20160323007602726186629000000012", "2016-04-06", "110.00"),  // BookgDt, not ValDt
                        tuple("20160410375244000000000000000081", "2016-04-10", "24.00"),
                        tuple("20160410375244000000000000000071", "2016-04-10", "56.56"),
                        tuple("20160410375244000000000000000082", "2016-04-10", "-6.00"),   // DBIT reversal
                        tuple("20160410375244000000000000000072", "2016-04-10", "-15.53")); // DBIT reversal
        assertThat(result.transactions()).extracting(RawTransaction::getCurrency).containsOnly("CHF");
        assertThat(result.transactions()).extracting(RawTransaction::getAccountId).containsOnly("CH0309000000250090342");

        RawTransaction first = result.transactions().get(0);
        assertThat(first.getDescription()).isEqualTo("UEBRIGE: 25-9034-2 FÜR KONTOAUSZUG PAPIER TÄGLICH");
        assertThat(first.getMerchant()).isNull();
        RawTransaction returns = result.transactions().get(8);
        assertThat(returns.getDescription()).isEqualTo("Mitteilung Return Muster Max Mustermann "
                + "Return Mitteilung Muster Max Mustermann Mitteilung Return Mitteilung Max Mustermann "
                + "SAMMELGUTSCHRIFT RETOUREN VERARBEITUNG VOM 06.04.2016 PAKET ID: 160406CH0000005Q");
        assertThat(returns.getMerchant()).isEqualTo("Max Mustermann");
        assertThat(result.transactions().get(6).getMerchant()).as("batch of several payers").isNull();
        RawTransaction last = result.transactions().get(12);
        // a reversed direct debit collection: the counterparty is the original payer, the debtor
        assertThat(last.getMerchant()).isEqualTo("Rutschmann Pia");
        assertThat(last.getDescription()).isEqualTo("Mitteilung 134- Rutschmann Pia RÜCKBELASTUNG (REFUND) "
                + "CHDD-BASISLASTSCHRIFT ID: 41107767420881932 REFERENZ-NR: SID-1-160309134053s4C "
                + "ZAHLUNGSPFLICHTIGER RUTSCHMANN PIA MITTEILUNGEN: MD06 Lastschrift-Widerspruch durch den "
                + "Zahlungspflichtigen");
        // OPBD 322152.16 + entries = CLBD 322689.77
        assertThat(new BigDecimal("322152.16").add(sum(result.transactions()))).isEqualByComparingTo("322689.77");
    }

    @Test
    @DisplayName("ING: a batch entry without details, NtryRef ignored for AcctSvcrRef, an excerpt of a 35-entry statement")
    void shouldParseIngStatementWithDetaillessBatch() throws Exception {
        ParseResult result = parse("camt_parser__valid_example_with_batch.xml");

        assertThat(result.rowsRead()).isEqualTo(3);
        assertThat(result.transactions())
                .extracting(RawTransaction::getTransactionId, RawTransaction::getBookedAt, RawTransaction::getAmount,
                        RawTransaction::getCurrency, RawTransaction::getDescription, RawTransaction::getMerchant)
                .containsExactly(
                        tuple("68047a4871ab34285b5555555502010c", "2019-05-21", "-4753.74", "EUR", "batch of 3 payments", null),
                        tuple("s8ecaaf0f96f492f603167c748a0b1c6", "2019-06-13", "2688.00", "EUR", "TERUGGAAF TEST", "TEST"),
                        tuple("d36e51a0ff7e4561b11c2b1c5d79d9ea", "2019-06-18", "5000.00", "EUR", "Bedrijf BV", "Bedrijf BV"));
        assertThat(result.transactions()).extracting(RawTransaction::getAccountId).containsOnly("NL18INGB00012345678");
        // TxsSummry counts 35 entries (9 credits 28422.40, 26 debits 12714.00) of which the fixture keeps 3:
        // OPBD 7329.80 + 28422.40 - 12714.00 = CLBD 23038.20 holds for the summary, not for this excerpt
        assertThat(new BigDecimal("7329.80").add(new BigDecimal("28422.40")).subtract(new BigDecimal("12714.00")))
                .isEqualByComparingTo("23038.20");
        assertThat(sum(result.transactions())).isEqualByComparingTo("2934.26");
    }
}
