// Hand-drawn SVG charts, sized to the width they are given (the caller redraws on resize).

import { categoryLabel, MONEY_IN } from "./categories.js";
import { formatMoney, magnitude } from "./money.js";

const NS = "http://www.w3.org/2000/svg";
const COMPACT = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

function el(tag, attributes = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

/**
 * Spending per category, largest first, as horizontal bars; money-in categories are left out.
 * Each bar is a group with data-category and data-amount (the API's string). Null when nothing was spent.
 */
export function categoryChart(byCategory, currency, width) {
  const rows = Object.entries(byCategory)
    .filter(([category]) => !MONEY_IN.has(category))
    .sort(([, a], [, b]) => magnitude(b) - magnitude(a));
  if (rows.length === 0) return null;
  const stacked = width < 480;
  const rowHeight = stacked ? 42 : 32;
  const labelWidth = stacked ? 0 : Math.min(200, width * 0.36);
  const amountWidth = stacked ? 0 : 104;
  const barSpace = width - labelWidth - amountWidth;
  const largest = Math.max(...rows.map(([, amount]) => magnitude(amount)), 0) || 1;
  const description = rows.map(([c, a]) => `${categoryLabel(c)} ${formatMoney(a, currency)}`).join(", ");
  const chart = el("svg", {
    width, height: rows.length * rowHeight, viewBox: `0 0 ${width} ${rows.length * rowHeight}`,
    role: "img", "aria-label": `Spending by category: ${description}`, class: "chart",
  });
  rows.forEach(([category, amount], i) => {
    const length = Math.max(2, (barSpace * Math.max(0, magnitude(amount))) / largest);
    const textY = stacked ? 14 : 20;
    const barY = stacked ? 22 : 9;
    chart.append(el("g", {
      transform: `translate(0 ${i * rowHeight})`, "data-test": "category-bar",
      "data-category": category, "data-amount": amount,
    },
    el("title", {}, `${categoryLabel(category)}: ${formatMoney(amount, currency)}`),
    el("text", { x: 0, y: textY, class: "label" }, categoryLabel(category)),
    el("rect", { x: labelWidth, y: barY, width: length, height: 14, rx: 3, class: "bar" }),
    el("text", { x: width, y: textY, "text-anchor": "end", class: "amount" }, formatMoney(amount, currency))));
  });
  return chart;
}

/** Round steps for an axis from low to high (low ≤ 0). */
function ticks(low, high, count) {
  const raw = (high - low) / count || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const values = [Math.floor(low / step) * step];
  while (values[values.length - 1] < high) values.push(values[values.length - 1] + step);
  return values;
}

/**
 * Income and expenses per month as paired bars, net as a line; the last twelve months. A click on a
 * month calls onPick(month); the selected month is highlighted.
 */
export function trendChart(months, selected, width, onPick) {
  const shown = months.slice(-12);
  const height = 230;
  const left = 48;
  const bottom = 38;
  const top = 10;
  const values = shown.flatMap((m) => [magnitude(m.income), magnitude(m.expenses), magnitude(m.net)]);
  const axis = ticks(Math.min(0, ...values), Math.max(1, ...values), 4);
  const low = axis[0];
  const high = axis[axis.length - 1];
  const y = (v) => top + ((high - v) / (high - low)) * (height - top - bottom);
  const slot = (width - left) / shown.length;
  const bar = Math.max(3, Math.min(22, slot * 0.3));
  const chart = el("svg", {
    width, height, viewBox: `0 0 ${width} ${height}`, class: "chart trend", role: "img",
    "aria-label": "Income, expenses and net by month: " + shown
      .map((m) => `${m.month} income ${m.income}, expenses ${m.expenses}, net ${m.net}`).join("; "),
  });
  for (const v of axis) {
    chart.append(el("line", { x1: left, x2: width, y1: y(v), y2: y(v), class: v === 0 ? "zero" : "grid" }),
      el("text", { x: left - 8, y: y(v) + 4, "text-anchor": "end", class: "tick" }, COMPACT.format(v)));
  }
  const points = [];
  shown.forEach((m, i) => {
    const x = left + i * slot;
    const centre = x + slot / 2;
    const [year, number] = m.month.split("-");
    const name = new Date(Date.UTC(year, number - 1, 1)).toLocaleString("en", { month: "short", timeZone: "UTC" });
    const group = el("g", { class: m.month === selected ? "month selected" : "month", "data-month": m.month },
      el("title", {}, `${m.month}: income ${m.income}, expenses ${m.expenses}, net ${m.net}`),
      el("rect", { x: x + 2, y: top, width: slot - 4, height: height - top, rx: 6, class: "hit" }),
      el("rect", { x: centre - bar - 1, y: y(magnitude(m.income)), width: bar,
        height: Math.max(0, y(0) - y(magnitude(m.income))), rx: 2, class: "income" }),
      el("rect", { x: centre + 1, y: y(magnitude(m.expenses)), width: bar,
        height: Math.max(0, y(0) - y(magnitude(m.expenses))), rx: 2, class: "expenses" }),
      el("text", { x: centre, y: height - 20, "text-anchor": "middle", class: "tick" }, name),
      number === "01" || i === 0
        ? el("text", { x: centre, y: height - 6, "text-anchor": "middle", class: "tick" }, year) : null);
    group.addEventListener("click", () => onPick(m.month));
    chart.append(group);
    points.push(`${centre},${y(magnitude(m.net))}`);
  });
  chart.append(el("polyline", { points: points.join(" "), class: "net" }));
  for (const point of points) {
    const [cx, cy] = point.split(",");
    chart.append(el("circle", { cx, cy, r: 3, class: "net-point" }));
  }
  return chart;
}
