package io.ledgerstream.connectors.csv;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Column names in the languages of the samples (English, German, Dutch, French, Spanish, Portuguese,
 * Czech, Hungarian, Danish), accents ignored. The first rule that matches wins, so the specific
 * ("Debit Amount", "Value date", "Kontostand") come before the general ("Amount", "Date").
 * A name only suggests a role: detection then checks the column's content.
 */
final class HeaderNames {

    private record Rule(Pattern pattern, ColumnRole role) {
    }

    private static final ColumnRole IGNORED = null;

    private static final List<Rule> RULES = List.of(
            rule("balance|saldo|solde|kontostand|zustatek|egyenleg|running", ColumnRole.BALANCE),
            rule("value ?date|valuta|wertstellung|rentedatum|date de valeur|date valeur|datum splatnosti"
                    + "|fecha valor|valor", ColumnRole.VALUE_DATE),
            rule("^(af ?/? ?bij|debit ?/ ?credit|credit ?/ ?debit|d ?/ ?c|c ?/ ?d|dr ?/ ?cr|cr ?/ ?dr|s ?/ ?h"
                    + "|soll ?/ ?haben|d ?/ ?k|type|transaction type|direction|richtung|cdtdbtind)$",
                    ColumnRole.DIRECTION),
            rule("number|nummer|\\bnr\\b|\\bno\\b|iban|\\bbic\\b|sort code|account|konto|rekening|\\bcard\\b|karte"
                    + "|time|zeit|fee|gebuhr|category|kategorie|rate|kurs", IGNORED),
            rule("debit|paid out|withdrawal|outflow|money out|^af$|\\bsoll\\b|debet|ausgang|ausgabe|uitgave"
                    + "|^out$|charges|vydaj", ColumnRole.DEBIT),
            rule("credit|paid in|deposit|inflow|money in|^bij$|\\bhaben\\b|eingang|einnahme|inkomst|^in$"
                    + "|receipts|prijem", ColumnRole.CREDIT),
            rule("transaction id|transaction reference|transaktions ?-?id|transactie ?-?id|^id$|fitid"
                    + "|reference number|bank reference", ColumnRole.TRANSACTION_ID),
            rule("^(currency|wahrung|waehrung|devise|munt|moneda|moeda|mena|penznem|ccy|valuta code)$",
                    ColumnRole.CURRENCY),
            rule("date|datum|buchungstag|\\btag\\b|data|fecha|posted|posting|booking|boekdatum", ColumnRole.BOOKING_DATE),
            rule("amount|betrag|bedrag|montant|importe|importo|umsatz|castka|osszeg|kwota|belopp|belob|valor|^net$",
                    ColumnRole.AMOUNT),
            rule("payee|^name$|beneficiary|counterparty|empfanger|auftraggeber|begunstigter|zahlungspflichtiger"
                    + "|naam|tegenpartij|merchant|^nom$|tiers|partner|protiucet|nazev", ColumnRole.PAYEE),
            rule("description|details|narrative|memo|buchungstext|verwendungszweck|omschrijving|mededeling"
                    + "|libelle|text|popis|kozlemeny|particulars|reference|referentie|note|purpose|concept"
                    + "|descripcion|historico|info", ColumnRole.DESCRIPTION),
            rule("^(status|state|stav|statut)$", ColumnRole.STATUS));

    private HeaderNames() {
    }

    /** The role the name suggests, or empty when it suggests none (or one that is ignored). */
    static Optional<ColumnRole> roleOf(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).strip();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            if (rule.pattern().matcher(plain).find()) {
                return Optional.ofNullable(rule.role());
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String regex, ColumnRole role) {
        return new Rule(Pattern.compile(regex), role);
    }
}
