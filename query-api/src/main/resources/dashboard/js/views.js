// Renders the dashboard's sections from the API's answers.

import { categoryLabel, MONEY_IN } from "./categories.js";
import { fill, h, setText } from "./dom.js";
import { formatMoney, magnitude, signOf, subtract } from "./money.js";

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function monthLabel(month) {
  const [year, number] = month.split("-");
  return new Date(Date.UTC(year, number - 1, 1))
    .toLocaleString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
}

function dayLabel(date) {
  return date ? DAY.format(new Date(`${date}T00:00:00Z`)) : "";
}

export function renderTotals(summary) {
  for (const field of ["income", "expenses", "net"]) {
    const node = document.getElementById(field);
    node.textContent = formatMoney(summary[field], summary.currency);
    node.dataset.value = summary[field];
  }
  document.getElementById("net").classList.toggle("negative", signOf(summary.net) < 0);
  setText("count", `${summary.transactionCount} transactions · essential ${formatMoney(summary.essential,
    summary.currency)} · discretionary ${formatMoney(summary.discretionary, summary.currency)}`);
}

export function renderMoneyIn(summary) {
  const rows = Object.entries(summary.byCategory).filter(([category]) => MONEY_IN.has(category));
  fill("money-in", rows.map(([category, amount]) => h("li", { "data-category": category },
    h("span", {}, categoryLabel(category)), h("span", { class: "money" }, formatMoney(amount, summary.currency)))));
}

/** One row per transaction; the category is a button that asks for a correction (onCorrect). */
export function renderTransactions(transactions, pending, onCorrect) {
  if (transactions.length === 0) {
    fill("transactions", h("tr", {}, h("td", { colspan: 3, class: "empty" }, "No transactions this month.")));
    return;
  }
  fill("transactions", transactions.map((t) => {
    const waiting = pending.get(t.transactionId);
    const foreign = t.currency !== t.baseCurrency;
    return h("tr", { "data-test": "transaction", "data-transaction-id": t.transactionId, "data-category": t.category },
      h("td", {},
        h("span", { class: "payee" }, t.merchant || t.description),
        h("span", { class: "detail" }, `${dayLabel(t.bookedAt)}${t.merchant ? ` · ${t.description}` : ""}`)),
      h("td", {},
        h("button", {
          type: "button", class: "chip", "data-test": "category-button", "data-category": t.category,
          "aria-label": `Category ${categoryLabel(t.category)}; change`, disabled: Boolean(waiting),
          onclick: () => onCorrect(t),
        }, categoryLabel(waiting ?? t.category)),
        waiting ? h("span", { class: "detail" }, "updating…") : null,
        t.categorySource === "USER_CORRECTION" && !waiting ? h("span", { class: "detail" }, "corrected by you") : null),
      h("td", { class: signOf(t.amount) > 0 ? "money in" : "money" },
        formatMoney(t.amount, t.currency),
        foreign ? h("span", { class: "detail" }, formatMoney(t.baseAmount, t.baseCurrency)) : null));
  }));
}

/** Each budget next to what the month spent in its category, with what is left (exact). */
export function renderBudgets(settings, summary) {
  const budgets = Object.entries(settings?.budgets ?? {});
  if (budgets.length === 0) {
    fill("budgets", h("p", { class: "empty" }, "No budgets set."));
    return;
  }
  const currency = settings.baseCurrency ?? summary.currency;
  fill("budgets", h("ul", { class: "budgets" }, budgets.map(([category, budget]) => {
    const spent = summary.byCategory[category] ?? "0.00";
    const left = subtract(budget, spent);
    const over = signOf(left) < 0;
    const share = magnitude(budget) > 0 ? Math.min(1, Math.max(0, magnitude(spent) / magnitude(budget))) : 1;
    return h("li", { "data-test": "budget", "data-category": category },
      h("div", { class: "budget-line" },
        h("span", {}, categoryLabel(category)),
        h("span", { class: "money" }, `${formatMoney(spent, currency)} of ${formatMoney(budget, currency)}`)),
      h("div", { class: "meter", role: "meter", "aria-valuemin": 0, "aria-valuemax": 100,
        "aria-valuenow": Math.round(share * 100), "aria-label": `${categoryLabel(category)} budget used` },
      h("span", { class: over ? "over" : "", style: `width:${(share * 100).toFixed(1)}%` })),
      h("span", { class: over ? "detail negative" : "detail" },
        over ? `over by ${formatMoney(subtract(spent, budget), currency)}` : `${formatMoney(left, currency)} left`));
  })));
}

export function renderInsights(insights) {
  const items = insights?.insights ?? [];
  fill("insights", items.length
    ? h("ul", { class: "insights" }, items.map((i) => h("li", { "data-kind": i.kind }, i.message)))
    : h("p", { class: "empty" }, "Nothing to point out yet."));
}

/** One alert as a list item; fresh ones (from the live stream) are marked. */
export function alertItem(alert, fresh) {
  return h("li", { class: `alert ${alert.severity.toLowerCase()}${fresh ? " fresh" : ""}`,
    "data-test": "alert", "data-alert-id": alert.alertId, "data-transaction-id": alert.transactionId },
  h("span", { class: "severity" }, alert.severity.toLowerCase()),
  h("div", {},
    h("p", {}, alert.message),
    h("span", { class: "detail" }, [alert.amount ? formatMoney(alert.amount, alert.currency) : null,
      TIME.format(new Date(alert.createdAt))].filter(Boolean).join(" · "))));
}
