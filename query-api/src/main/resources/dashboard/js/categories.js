// The categories of openapi.yaml (Plaid's primary categories, plus UNCATEGORIZED) and their labels.

export const CATEGORIES = [
  "INCOME", "LOAN_DISBURSEMENTS", "LOAN_PAYMENTS", "TRANSFER_IN", "TRANSFER_OUT", "BANK_FEES",
  "ENTERTAINMENT", "FOOD_AND_DRINK", "GENERAL_MERCHANDISE", "HOME_IMPROVEMENT", "MEDICAL", "PERSONAL_CARE",
  "GENERAL_SERVICES", "GOVERNMENT_AND_NON_PROFIT", "TRANSPORTATION", "TRAVEL", "RENT_AND_UTILITIES", "OTHER",
  "UNCATEGORIZED",
];

/** Categories of money in: their summary figure is what came in, not what was spent. */
export const MONEY_IN = new Set(["INCOME", "TRANSFER_IN", "LOAN_DISBURSEMENTS"]);

/** "FOOD_AND_DRINK" → "Food and drink". */
export function categoryLabel(category) {
  const words = (category ?? "UNCATEGORIZED").toLowerCase().split("_");
  return [words[0][0].toUpperCase() + words[0].slice(1), ...words.slice(1)].join(" ");
}
