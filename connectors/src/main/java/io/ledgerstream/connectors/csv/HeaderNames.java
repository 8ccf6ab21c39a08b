package io.ledgerstream.connectors.csv;

import io.ledgerstream.connectors.importer.CurrencyCodes;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
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
                    + "|fecha valor|data valor", ColumnRole.VALUE_DATE),
            rule("^(af ?/? ?bij|debit ?/ ?credit|credit ?/ ?debit|d ?/ ?c|c ?/ ?d|dr ?/ ?cr|cr ?/ ?dr|s ?/ ?h"
                    + "|soll ?/ ?haben|d ?/ ?k|type|transaction type|direction|richtung|cdtdbtind)$",
                    ColumnRole.DIRECTION),
            rule("number|nummer|\\bnr\\b|\\bno\\b|iban|\\bbic\\b|sort code|account|konto|rekening|\\bcard\\b|karte"
                    + "|time|zeit|fee|gebuhr|category|kategorie|rate|kurs|szamlaszam", IGNORED),
            // the amount and currency before conversion: the account moved by the booked amount
            rule("original|fremd|foreign|^local|oorspr|puvodni", IGNORED),
            rule("debit|paid out|withdrawal|outflow|money out|^af$|\\bsoll\\b|debet|ausgang|ausgabe|uitgave"
                    + "|^out$|charges|vydaj", ColumnRole.DEBIT),
            rule("credit|paid in|deposit|inflow|money in|^bij$|\\bhaben\\b|eingang|einnahme|inkomst|^in$"
                    + "|receipts|prijem", ColumnRole.CREDIT),
            rule("transaction id|transaction reference|transaktions ?-?id|transactie ?-?id|^id$|fitid"
                    + "|reference number|bank reference", ColumnRole.TRANSACTION_ID),
            rule("^(currency|devise|munt|moneda|moeda|mena|penznem|ccy|valuta code)$|wahrung$|waehrung$"
                    + "|devizaneme?$|^mena ", ColumnRole.CURRENCY),
            rule("date|datum|buchungstag|\\btag\\b|data|fecha|posted|posting|booking|boekdatum|^created",
                    ColumnRole.BOOKING_DATE),
            rule("amount|betrag|bedrag|montant|importe|importo|umsatz|castka|osszeg|kwota|belopp|belob|valor|^net$",
                    ColumnRole.AMOUNT),
            rule("payee|^name$|beneficiary|counterparty|empfanger|auftraggeber|begunstigter|zahlungspflichtiger"
                    + "|naam|tegenpartij|merchant|^nom$|tiers|partner|protiucet|nazev", ColumnRole.PAYEE),
            rule("^(status|state|stav|statut|info)$", ColumnRole.STATUS),
            rule("description|details|narrative|memo|buchungstext|verwendungszweck|omschrijving|mededeling"
                    + "|libelle|text|popis|kozlemeny|particulars|reference|referentie|note|purpose|concept"
                    + "|beschreibung|descripcion|historico|info", ColumnRole.DESCRIPTION));

    /** Among several booking-date columns, the posting date goes before the purchase date. */
    private static final Pattern POSTING = Pattern.compile("buchung|booking|posting|posted|post date|boek|zauctovani");

    /** A currency in a money column's name: {@code Betrag (EUR)}, {@code Withdrawals (SGD)}. */
    private static final Pattern NAMED_CURRENCY = Pattern.compile("\\(([A-Za-z]{3})\\)");

    private HeaderNames() {
    }

    /** Whether a date column's name says it is the posting date. */
    static boolean isPostingDate(String name) {
        return POSTING.matcher(plain(name)).find();
    }

    /** The one currency the money columns' names state ({@code Betrag (EUR)}), or empty when none or several. */
    static Optional<String> currencyOf(List<String> moneyNames) {
        List<String> codes = moneyNames.stream().map(NAMED_CURRENCY::matcher).filter(Matcher::find)
                .map(m -> CurrencyCodes.normalize(m.group(1))).flatMap(Optional::stream).distinct().toList();
        return codes.size() == 1 ? Optional.of(codes.getFirst()) : Optional.empty();
    }

    /** The role the name suggests, or empty when it suggests none (or one that is ignored). */
    static Optional<ColumnRole> roleOf(String name) {
        String plain = plain(name);
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

    private static String plain(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).strip();
    }

    private static Rule rule(String regex, ColumnRole role) {
        return new Rule(Pattern.compile(regex), role);
    }
}
