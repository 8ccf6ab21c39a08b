package io.ledgerstream.topology.categorize;

import io.ledgerstream.schemas.avro.Category;
import java.util.EnumSet;
import java.util.Set;

/** Facts about the primary categories that do not depend on a transaction. */
public final class Categories {

    private static final Set<Category> MONEY_IN =
            EnumSet.of(Category.INCOME, Category.TRANSFER_IN, Category.LOAN_DISBURSEMENTS);
    private static final Set<Category> ESSENTIAL_BY_DEFAULT = EnumSet.of(Category.RENT_AND_UTILITIES,
            Category.MEDICAL, Category.LOAN_PAYMENTS, Category.BANK_FEES, Category.TRANSPORTATION);

    private Categories() {
    }

    /** INCOME, TRANSFER_IN and LOAN_DISBURSEMENTS: categories of money coming in. */
    public static boolean isMoneyIn(Category category) {
        return MONEY_IN.contains(category);
    }

    /**
     * Whether spending in {@code category} counts as essential when nothing finer is known (a user
     * correction names only the category): rent and utilities, medical, loan payments, bank fees and
     * transportation are; everything else, and all money in, is not.
     */
    public static boolean isEssentialByDefault(Category category) {
        return ESSENTIAL_BY_DEFAULT.contains(category);
    }
}
