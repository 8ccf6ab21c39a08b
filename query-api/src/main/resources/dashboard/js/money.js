// Money as the API gives it: exact decimal strings ("-12.34"). Shown as they are, grouped and with the
// currency's symbol; the only arithmetic (a budget's remainder) is done exactly, in integer units.

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const symbols = new Map();

function symbolOf(currency) {
  if (!symbols.has(currency)) {
    let symbol = currency;
    try {
      symbol = new Intl.NumberFormat("en", { style: "currency", currency, currencyDisplay: "narrowSymbol" })
        .formatToParts(0).find((part) => part.type === "currency")?.value ?? currency;
    } catch {
      // not an ISO 4217 code Intl knows: show the code
    }
    symbols.set(currency, symbol.length > 1 ? `${symbol}\u00a0` : symbol);
  }
  return symbols.get(currency);
}

/** "-1234.5" in EUR → "−€1,234.5": the digits exactly as given, grouped by thousands. */
export function formatMoney(amount, currency) {
  const parts = DECIMAL.exec(amount ?? "");
  if (!parts) return amount ?? "";
  const [, sign, whole, fraction] = parts;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign ? "\u2212" : ""}${symbolOf(currency)}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

function scaleOf(amount) {
  return DECIMAL.exec(amount)[3]?.length ?? 0;
}

function toUnits(amount, scale) {
  const [, sign, whole, fraction = ""] = DECIMAL.exec(amount);
  const units = BigInt(whole + fraction.padEnd(scale, "0"));
  return sign ? -units : units;
}

function fromUnits(units, scale) {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, "0");
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return units < 0n ? `-${text}` : text;
}

/** a − b, exactly, at the finer of their scales. */
export function subtract(a, b) {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return fromUnits(toUnits(a, scale) - toUnits(b, scale), scale);
}

/** The sign of an amount: -1, 0 or 1. */
export function signOf(amount) {
  const units = toUnits(amount, scaleOf(amount));
  return units < 0n ? -1 : units > 0n ? 1 : 0;
}

/** For drawing only (bar lengths): never for a figure that is shown. */
export function magnitude(amount) {
  return Number(amount) || 0;
}
