/**
 * Displayed text of a number under an Excel number format, for hosts that have no renderer
 * (the .xlsx host, the in-memory preview). Covers the formats these forms use: General, fixed
 * decimals, thousands separators and percentages. Exotic formats fall back to General.
 */
import Decimal from "decimal.js";
import { memoizeString } from "./memo";

function roundHalfUp(value: number, decimals: number): string {
  // Whole numbers (most amounts and weights) need no rounding; toFixed is exact for them.
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return value.toFixed(decimals);
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

interface NumberLayout {
  decimals: number;
  percent: boolean;
  thousands: boolean;
}

/** What a format code asks of a number; null for General. */
function readLayout(numberFormat: string): NumberLayout | null {
  const fmt = (numberFormat || "General")
    .split(";")[0]
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .trim();
  const m =
    fmt === "" || /^general$/i.test(fmt) || fmt === "@"
      ? null
      : /([#0,]*0|#)(?:\.(0+))?(%?)/.exec(fmt);
  return m
    ? {
        decimals: m[2] ? m[2].length : 0,
        percent: m[3] === "%" || fmt.endsWith("%"),
        thousands: m[1].includes(","),
      }
    : null;
}

/** A workbook uses a handful of codes, each read for every number cell. */
const layoutOf = memoizeString(readLayout, 1000);

export function formatNumber(value: number, numberFormat: string): string {
  const layout = layoutOf(numberFormat);
  if (!layout) return formatGeneral(value);
  const scaled = layout.percent ? new Decimal(value).times(100).toNumber() : value;
  let out = roundHalfUp(scaled, layout.decimals);
  if (layout.thousands) out = withThousands(out);
  return layout.percent ? `${out}%` : out;
}
