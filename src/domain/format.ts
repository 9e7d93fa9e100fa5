/**
 * Displayed text of a number under an Excel number format, for hosts that have no renderer
 * (the .xlsx host, the in-memory preview). Covers the formats these forms use: General, fixed
 * decimals, thousands separators and percentages. Exotic formats fall back to General.
 */
import Decimal from "decimal.js";

function roundHalfUp(value: number, decimals: number): string {
  return new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).toFixed(decimals);
}

function withThousands(fixed: string): string {
  const [int, frac] = fixed.split(".");
  const neg = int.startsWith("-");
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** General: up to 10 significant digits, no trailing zeros, like Excel's column-width-free rendering. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  // Most cells already have 10 significant digits or fewer: their shortest form is the answer.
  const plain = String(value);
  if (!/e/i.test(plain) && plain.replace(/^-?0*\.?0*|[-.]/g, "").length <= 10) return plain;
  const precise = new Decimal(value).toSignificantDigits(10, Decimal.ROUND_HALF_UP);
  return precise.toFixed();
}

export function formatNumber(value: number, numberFormat: string): string {
  const fmt = (numberFormat || "General")
    .split(";")[0]
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .trim();
  if (fmt === "" || /^general$/i.test(fmt) || fmt === "@") return formatGeneral(value);
  const m = /([#0,]*0|#)(?:\.(0+))?(%?)/.exec(fmt);
  if (!m) return formatGeneral(value);
  const decimals = m[2] ? m[2].length : 0;
  const percent = m[3] === "%" || fmt.endsWith("%");
  const scaled = percent ? new Decimal(value).times(100).toNumber() : value;
  let out = roundHalfUp(scaled, decimals);
  if (m[1].includes(",")) out = withThousands(out);
  return percent ? `${out}%` : out;
}
