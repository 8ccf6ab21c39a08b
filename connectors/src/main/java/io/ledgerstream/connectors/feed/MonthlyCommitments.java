package io.ledgerstream.connectors.feed;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What comes round every month for one simulated user: salary (on or before its day when that is
 * a weekend), rent (a standing order, below 1,500), energy, phone and internet direct debits, and
 * card subscriptions on fixed days. Some transfers name the counterparty's IBAN, as real ones do.
 */
final class MonthlyCommitments {

    private final Region region;
    private final Dice dice;
    private final TransactionFactory transactions;
    private final String employer;
    private final String employerIban;
    private final String landlord;
    private final String landlordIban;
    private final long salaryCents;
    private final long rentCents;
    private final long phoneCents;
    private final long internetCents;
    private final int salaryDay;
    private final int rentDay;
    private final List<Region.Subscription> subscriptions = new ArrayList<>();
    private final List<Integer> subscriptionDays = new ArrayList<>();

    MonthlyCommitments(Region region, Dice dice, TransactionFactory transactions) {
        this.region = region;
        this.dice = dice;
        this.transactions = transactions;
        this.employer = dice.pick(region.employers());
        this.employerIban = BankIdentifiers.iban(region.ibanCountry(), dice.random());
        this.landlord = dice.pick(region.landlords());
        this.landlordIban = BankIdentifiers.iban(region.ibanCountry(), dice.random());
        this.salaryCents = dice.scaled(2_400_00, 4_800_00) / 100 * 100; // whole units, as payslips are
        this.rentCents = Math.min(dice.scaled(650_00, 1_150_00) / 100 * 100, 1_490_00);
        this.phoneCents = dice.between(15_00, 45_00);
        this.internetCents = dice.between(29_99, 49_99);
        this.salaryDay = 25 + dice.nextInt(4);
        this.rentDay = 1 + dice.nextInt(3);
        for (Region.Subscription subscription : region.subscriptions()) {
            if (dice.chance(subscription.chancePercent(), 100)) {
                subscriptions.add(subscription);
                subscriptionDays.add(1 + dice.nextInt(28));
            }
        }
    }

    /** Adds whatever falls due on {@code day}. */
    void due(LocalDate day, List<RawTransaction> out) {
        YearMonth month = YearMonth.from(day);
        String period = month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT)
                + " " + month.getYear();
        String currency = region.currency();
        if (day.equals(businessDayOnOrBefore(month, salaryDay))) {
            String iban = dice.chance(20, 100) ? " IBAN " + employerIban : "";
            out.add(transactions.transfer(day, salaryCents, currency,
                    region.transferIn() + " " + employer + " SALARY " + period + iban, employer));
        }
        if (day.equals(businessDayOnOrAfter(month, rentDay))) {
            String iban = dice.chance(30, 100) ? " TO " + landlordIban : "";
            out.add(transactions.transfer(day, -rentCents, currency,
                    region.standingOrder() + " RENT " + period + " " + landlord + " LANDLORD" + iban, null));
        }
        if (day.equals(businessDayOnOrAfter(month, 5))) {
            out.add(transactions.directDebit(day, -dice.scaled(55_00, 140_00), currency, region.energy(), period));
        }
        if (day.equals(businessDayOnOrAfter(month, 12))) {
            out.add(transactions.directDebit(day, -phoneCents, currency, region.phone(), period));
        }
        if (day.equals(businessDayOnOrAfter(month, 18))) {
            out.add(transactions.directDebit(day, -internetCents, currency, region.internet(), period));
        }
        for (int i = 0; i < subscriptions.size(); i++) {
            if (day.getDayOfMonth() == subscriptionDays.get(i)) {
                Region.Subscription subscription = subscriptions.get(i);
                out.add(transactions.online(day, -subscription.cents(), currency, subscription.merchant()));
            }
        }
    }

    private static LocalDate businessDayOnOrBefore(YearMonth month, int dayOfMonth) {
        LocalDate day = month.atDay(Math.min(dayOfMonth, month.lengthOfMonth()));
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static LocalDate businessDayOnOrAfter(YearMonth month, int dayOfMonth) {
        LocalDate day = month.atDay(dayOfMonth);
        while (day.getDayOfWeek().getValue() > 5) {
            day = day.plusDays(1);
        }
        return day;
    }
}
