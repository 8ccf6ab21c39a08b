package io.ledgerstream.connectors.feed;

import io.ledgerstream.schemas.avro.RawTransaction;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One simulated bank customer: a profile drawn once from the user's own seeded generator (home
 * region, spending level, usual supermarket, car or public transport, monthly commitments) and the
 * transactions of each day as they come: everyday spending at home, trips abroad, refunds, now and
 * then an anomaly. Days must be asked for in order: later corrections (a pending charge posted
 * with its final amount, a released hold) are queued for the day the bank would send them.
 */
final class SimulatedUser {

    private final Region region;
    private final Dice dice;
    private final TransactionFactory transactions;
    private final MonthlyCommitments monthly;
    private final boolean drives;
    private final int storeSalt;
    private final Merchant supermarket;
    private final Map<LocalDate, List<RawTransaction>> corrections = new HashMap<>();
    private Destination destination;
    private LocalDate tripEnds;

    SimulatedUser(int number, SplittableRandom random) {
        String userId = String.format(Locale.ROOT, "user-%03d", number);
        this.dice = new Dice(random);
        this.region = dice.chance(25, 100) ? Regions.UNITED_KINGDOM : Regions.GERMANY;
        this.transactions = new TransactionFactory(userId, "acc-" + userId, BankIdentifiers.cardNumber(random), dice);
        this.monthly = new MonthlyCommitments(region, dice, transactions);
        this.drives = dice.chance(40, 100);
        this.storeSalt = dice.nextInt(10_000);
        this.supermarket = dice.pick(region.supermarkets());
    }

    /** Everything the bank sends for this user on {@code day}: corrections first, then the day's own. */
    List<RawTransaction> day(LocalDate day) {
        List<RawTransaction> out = new ArrayList<>();
        List<RawTransaction> due = corrections.remove(day);
        if (due != null) {
            out.addAll(due);
        }
        monthly.due(day, out);
        if (tripEnds != null && !day.isAfter(tripEnds)) {
            abroad(day, out);
        } else {
            tripEnds = null;
            atHome(day, out);
        }
        if (dice.chance(5, 1000)) {
            anomaly(day, out);
        }
        return out;
    }

    private void atHome(LocalDate day, List<RawTransaction> out) {
        DayOfWeek weekday = day.getDayOfWeek();
        boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
        String currency = region.currency();
        if (weekday != DayOfWeek.SUNDAY && dice.chance(50, 100)) {
            Merchant shop = dice.chance(80, 100) ? supermarket : dice.pick(region.supermarkets());
            out.add(card(day, -dice.scaled(12_00, 95_00), currency, shop));
        }
        if (dice.chance(weekend ? 25 : 45, 100)) {
            out.add(card(day, -dice.between(2_80, 9_50), currency, dice.pick(region.cafes())));
        }
        boolean goingOut = weekday == DayOfWeek.FRIDAY || weekday == DayOfWeek.SATURDAY;
        if (dice.chance(goingOut ? 35 : 12, 100)) {
            restaurant(day, currency, dice.pick(region.restaurants()), out);
        }
        if (drives) {
            if (dice.chance(12, 100)) {
                out.add(card(day, -dice.between(40_00, 95_00), currency, dice.pick(region.fuel())));
            }
        } else if (!weekend && dice.chance(65, 100)) {
            out.add(card(day, -dice.between(2_90, 3_80), currency, dice.pick(region.transit())));
        }
        if (dice.chance(10, 100)) {
            RawTransaction purchase = card(day, -dice.scaled(15_00, 180_00), currency, dice.pick(region.shops()));
            out.add(purchase);
            if (dice.chance(6, 100)) { // a card hold the merchant released: the bank withdraws it
                later(day, RawTransaction.newBuilder(purchase).setRemoved(true).build());
            }
        }
        if (dice.chance(2, 100)) {
            Merchant shop = dice.pick(region.shops());
            out.add(transactions.card(day, dice.scaled(12_00, 120_00), currency, shop, "REFUND " + shop.descriptor(),
                    storeNumber(shop)));
        }
        if (dice.chance(12, 1000)) {
            destination = dice.pick(region.destinations());
            tripEnds = day.plusDays(3 + dice.nextInt(4));
            out.add(card(day, -dice.scaled(180_00, 650_00), destination.currency(), destination.airline()));
        }
    }

    private void abroad(LocalDate day, List<RawTransaction> out) {
        String currency = destination.currency();
        if (dice.chance(60, 100)) {
            out.add(card(day, -dice.between(3_00, 9_00), currency, destination.cafe()));
        }
        if (dice.chance(70, 100)) {
            restaurant(day, currency, destination.restaurant(), out);
        }
        if (dice.chance(60, 100)) {
            out.add(card(day, -dice.between(2_50, 6_50), currency, destination.transit()));
        }
        if (day.equals(tripEnds)) {
            long bill = (3 + dice.nextInt(4)) * dice.scaled(110_00, 240_00);
            if (dice.chance(25, 100)) { // the hotel's hold, posted later with the final bill
                RawTransaction hold = card(day, -(bill + dice.between(50_00, 150_00)), currency, destination.hotel());
                out.add(hold);
                later(day, withAmount(hold, -bill));
            } else {
                out.add(card(day, -bill, currency, destination.hotel()));
            }
        }
    }

    private void restaurant(LocalDate day, String currency, Merchant restaurant, List<RawTransaction> out) {
        long bill = dice.scaled(18_00, 85_00);
        RawTransaction charge = card(day, -bill, currency, restaurant);
        out.add(charge);
        if (dice.chance(8, 100)) { // pending without the tip, posted with it
            later(day, withAmount(charge, -(bill + bill * (5 + dice.nextInt(11)) / 100)));
        }
    }

    /** A large purchase (at least 2,500) or the same charge twice on one day at one merchant. */
    private void anomaly(LocalDate day, List<RawTransaction> out) {
        if (dice.chance(50, 100)) {
            out.add(card(day, -dice.between(2_500_00, 4_800_00), region.currency(), dice.pick(region.bigTicket())));
        } else {
            Merchant merchant = dice.chance(50, 100) ? dice.pick(region.shops()) : dice.pick(region.restaurants());
            long amount = -dice.between(20_00, 150_00);
            int store = storeNumber(merchant);
            out.add(transactions.card(day, amount, region.currency(), merchant, merchant.descriptor(), store));
            out.add(transactions.card(day, amount, region.currency(), merchant, merchant.descriptor(), store));
        }
    }

    private RawTransaction card(LocalDate day, long cents, String currency, Merchant merchant) {
        return transactions.card(day, cents, currency, merchant, merchant.descriptor(), storeNumber(merchant));
    }

    /** Queues a correction one to three days after {@code day}. */
    private void later(LocalDate day, RawTransaction correction) {
        corrections.computeIfAbsent(day.plusDays(1 + dice.nextInt(3)), d -> new ArrayList<>()).add(correction);
    }

    private static RawTransaction withAmount(RawTransaction transaction, long cents) {
        return RawTransaction.newBuilder(transaction).setAmount(BigDecimal.valueOf(cents, 2).toPlainString()).build();
    }

    /** Mostly the user's usual branch of a chain, now and then another one. */
    private int storeNumber(Merchant merchant) {
        return dice.chance(20, 100) ? 1000 + dice.nextInt(9000)
                : 1000 + Math.floorMod(merchant.descriptor().hashCode() * 31 + storeSalt, 9000);
    }
}
