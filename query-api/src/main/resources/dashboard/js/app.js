// The dashboard: signing in, the chosen month's figures, corrections, and alerts as they happen.

import { AlertsPanel } from "./alerts-panel.js";
import { ApiError, login, orNone, register, userApi, whenUnauthorized } from "./api.js";
import { CATEGORIES, categoryLabel } from "./categories.js";
import { categoryChart, trendChart } from "./charts.js";
import { h, setText } from "./dom.js";
import { formatMoney } from "./money.js";
import { clearSession, currentSession, saveSession } from "./session.js";
import * as views from "./views.js";

const TRANSACTIONS_SHOWN = 200;
/** Waits between checks that a correction shows (the stream applies it within about a second). */
const CORRECTION_CHECKS_MS = [300, 500, 700, 1000, 1500, 2000];

const byId = (id) => document.getElementById(id);
const state = {
  api: null, months: [], month: null, summary: null, transactions: [], pending: new Map(),
  alerts: null, load: 0, chartWidths: {},
};

const STATUS_SHOWN_MS = 6000;
let statusTimer;

/** Says something in the status line; a passing remark (not an ongoing state) fades after a while. */
function status(message, { passing = false } = {}) {
  clearTimeout(statusTimer);
  setText("status", message);
  if (passing) statusTimer = setTimeout(() => setText("status", ""), STATUS_SHOWN_MS);
}

function monthBounds(month) {
  const [year, number] = month.split("-").map(Number);
  const lastDay = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return [`${month}-01`, `${month}-${String(lastDay).padStart(2, "0")}`];
}

// ---- signing in and out

function showLogin(message) {
  state.alerts?.stop();
  byId("dashboard").hidden = true;
  byId("session").hidden = true;
  byId("login").hidden = false;
  setText("login-message", message ?? "");
  byId("login-user").focus();
}

function loginProblem(error) {
  if (!(error instanceof ApiError)) return "The server cannot be reached. Try again in a moment.";
  switch (error.status) {
    case 401: return "That user id and password do not match.";
    case 403: return "Accounts are made by an administrator here.";
    case 409: return "That user id is taken; sign in instead.";
    case 429: return `Too many failed sign-ins. Try again in ${error.retryAfter ?? "a few"} seconds.`;
    default: return error.message;
  }
}

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  const creating = event.submitter?.value === "register";
  const userId = form.userId.value.trim();
  setText("login-message", "");
  form.inert = true;
  try {
    if (creating) await register(userId, form.password.value);
    saveSession(await login(userId, form.password.value));
    form.password.value = "";
    await showDashboard();
  } catch (error) {
    setText("login-message", loginProblem(error));
  } finally {
    form.inert = false;
  }
}

function signOut() {
  clearSession();
  showLogin("You have signed out.");
}

// ---- the month

async function showDashboard() {
  const session = currentSession();
  state.api = userApi(session.userId);
  byId("login").hidden = true;
  byId("dashboard").hidden = false;
  byId("session").hidden = false;
  setText("who", session.userId);
  const wanted = location.hash.slice(1);
  await loadMonth(/^\d{4}-\d{2}$/.test(wanted) ? wanted : null);
  if (!currentSession()) return; // the token was refused meanwhile
  state.alerts = new AlertsPanel(state.api, whenExpired);
  await state.alerts.load();
  state.alerts.follow(session.token);
}

/** Reads the months, and the chosen month's summary, transactions, budgets and insights; then draws. */
async function loadMonth(month = state.month) {
  const load = ++state.load;
  try {
    const months = (await orNone(state.api.months()))?.months ?? [];
    if (months.length === 0) {
      status("No transactions yet. Import a statement and they will show here.");
      return;
    }
    const chosen = months.some((m) => m.month === month) ? month : months[months.length - 1].month;
    status(`Loading ${views.monthLabel(chosen)}…`);
    const [first, last] = monthBounds(chosen);
    const [summary, transactions, settings, insights] = await Promise.all([
      state.api.summary(chosen),
      state.api.transactions(first, last, TRANSACTIONS_SHOWN),
      state.api.settings().catch(noneUnlessSignedOut),
      state.api.insights(chosen).catch(noneUnlessSignedOut),
    ]);
    if (load !== state.load) return;
    Object.assign(state, { months, month: chosen, summary, transactions: transactions.transactions });
    renderMonthPicker();
    views.renderTotals(summary);
    views.renderMoneyIn(summary);
    views.renderBudgets(settings, summary);
    views.renderInsights(insights);
    renderTransactions();
    drawCharts(true);
    byId("dashboard").dataset.loadedMonth = chosen;
    status("");
  } catch (error) {
    if (load === state.load && !(error instanceof ApiError && error.status === 401)) {
      status(`Could not load the month: ${error.message}`);
    }
  }
}

/** Budgets and insights are extras: without them (404, or not served) the month still shows. */
function noneUnlessSignedOut(error) {
  if (error instanceof ApiError && error.status === 401) throw error;
  return null;
}

function renderMonthPicker() {
  const picker = byId("month");
  picker.replaceChildren(...[...state.months].reverse()
    .map((m) => h("option", { value: m.month }, views.monthLabel(m.month))));
  picker.value = state.month;
}

function pickMonth(month) {
  history.replaceState(null, "", `#${month}`);
  loadMonth(month);
}

function renderTransactions() {
  views.renderTransactions(state.transactions, state.pending, askCategory);
}

/** Charts are drawn to their box's width: again whenever that width changes. */
function drawCharts(force) {
  if (!state.summary) return;
  const categories = byId("category-chart");
  const trend = byId("trend-chart");
  if (force || categories.clientWidth !== state.chartWidths.categories) {
    state.chartWidths.categories = categories.clientWidth;
    categories.replaceChildren(categoryChart(state.summary.byCategory, state.summary.currency, categories.clientWidth)
      ?? h("p", { class: "empty" }, "Nothing spent this month."));
  }
  if (force || trend.clientWidth !== state.chartWidths.trend) {
    state.chartWidths.trend = trend.clientWidth;
    trend.replaceChildren(trendChart(state.months, state.month, trend.clientWidth, pickMonth));
  }
}

// ---- corrections

function askCategory(transaction) {
  const dialog = byId("category-dialog");
  const picker = byId("category-select");
  setText("category-for", `${transaction.merchant || transaction.description}, ${
    formatMoney(transaction.amount, transaction.currency)} on ${transaction.bookedAt}`);
  picker.value = transaction.category;
  dialog.returnValue = "";
  dialog.onclose = () => {
    if (dialog.returnValue === "save" && picker.value !== transaction.category) correct(transaction, picker.value);
  };
  dialog.showModal();
  picker.focus();
}

/** Posts the correction, then re-reads until the stream has applied it (or a few seconds passed). */
async function correct(transaction, category) {
  const id = transaction.transactionId;
  const [first, last] = monthBounds(state.month);
  state.pending.set(id, category);
  renderTransactions();
  status(`Moving ${transaction.merchant || transaction.description} to ${categoryLabel(category)}…`);
  let applied = false;
  try {
    await state.api.correct(id, category);
    for (const wait of CORRECTION_CHECKS_MS) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      const fresh = await state.api.transactions(first, last, TRANSACTIONS_SHOWN);
      applied = fresh.transactions.some((t) => t.transactionId === id && t.category === category);
      if (applied) break;
    }
  } catch (error) {
    status(`The correction failed: ${error.message}`);
    state.pending.delete(id);
    renderTransactions();
    return;
  }
  state.pending.delete(id);
  await loadMonth();
  status(applied ? `Moved to ${categoryLabel(category)}.`
    : "The correction is saved; it will show here once it has been processed.", { passing: true });
}

function whenExpired() {
  clearSession();
  showLogin("Your session has ended. Please sign in again.");
}

// ---- start

byId("login-form").addEventListener("submit", signIn);
byId("logout").addEventListener("click", signOut);
byId("month").addEventListener("change", (event) => pickMonth(event.target.value));
byId("category-select").append(...CATEGORIES.map((c) => h("option", { value: c }, categoryLabel(c))));
new ResizeObserver(() => drawCharts(false)).observe(byId("dashboard"));
whenUnauthorized(whenExpired);
if (currentSession()) showDashboard(); else showLogin();
