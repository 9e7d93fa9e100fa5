/**
 * parseValue: one target or actual cell → a tagged value (RULES A2). Never throws: anything it
 * cannot read becomes {kind:"text"} and the rules decide what to do with it.
 */
import type { Cell } from "../grid";
import type { ParsedValue, TimePoint } from "../model";
import { formatNumber } from "../format";
import { splitComparator } from "./comparator";
import { decimalFromNumber, shiftDecimal } from "./exact";
import { isPlaceholder, normalizeLabel } from "./normalize";
import { parseQuantity } from "./quantity";
import { parseTime } from "./time";

export type NumberValue = Extract<ParsedValue, { kind: "number" }>;
export type TimeValue = Extract<ParsedValue, { kind: "time" }>;

/** Strip quoted literals, escapes and [colour]/[$-locale] sections so only format tokens remain. */
function formatTokens(numberFormat: string): string {
  return (numberFormat || "General")
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

function isPercentFormat(numberFormat: string): boolean {
  return formatTokens(numberFormat).includes("%");
}

function isDateFormat(numberFormat: string): boolean {
  const tokens = formatTokens(numberFormat);
  return /[yd]/i.test(tokens) || /m/i.test(tokens.replace(/General/gi, ""));
}

/** Excel serial date (1900 system, with its fictitious 1900-02-29) → calendar date. */
function serialToDate(serial: number): { year: number; month: number; day: number } | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const whole = Math.floor(serial);
  const days = whole < 60 ? whole : whole - 1;
  const date = new Date(Date.UTC(1899, 11, 31) + days * 86400000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Read a compact, normalised text. */
function parseCompact(raw: string, compact: string): ParsedValue {
  if (isPlaceholder(compact)) return { kind: "empty", raw };
  const { comparator, core } = splitComparator(compact);
  const time = parseTime(core);
  if (time)
    return { kind: "time", raw, comparator: comparator ?? time.comparator, point: time.point };
  const quantity = parseQuantity(core);
  if (quantity) {
    return {
      kind: "number",
      raw,
      comparator,
      value: quantity.value,
      percent: quantity.percent,
      unit: quantity.unit,
    };
  }
  return { kind: "text", raw, text: compact };
}

/**
 * A number cell. The displayed text tells the unit (a format like 0"万元") and whether it is a
 * date; the stored value is more precise than the display, so it supplies the digits.
 */
function parseNumberCell(text: string, cell: Cell, value: number): ParsedValue {
  const raw = text !== "" ? text : formatNumber(value, cell.numberFormat);
  if (isPercentFormat(cell.numberFormat)) {
    return {
      kind: "number",
      raw,
      comparator: null,
      value: decimalFromNumber(value),
      percent: true,
      unit: "",
    };
  }
  const shown = parseCompact(raw, normalizeLabel(raw));
  if (shown.kind === "time") return shown;
  if (isDateFormat(cell.numberFormat)) {
    const date = serialToDate(value);
    if (date) {
      const hasDay = /d/i.test(formatTokens(cell.numberFormat));
      const point: TimePoint = hasDay ? date : { year: date.year, month: date.month };
      return { kind: "time", raw, comparator: null, point };
    }
  }
  const exact = decimalFromNumber(value);
  if (shown.kind === "number" && !shown.percent) {
    const quantity = parseQuantity(splitComparator(normalizeLabel(raw)).core);
    // The display is the value rounded: keep the value's digits with the display's multiplier/unit.
    if (quantity && quantity.written.minus(exact).abs().lte(0.5)) {
      return { ...shown, value: shiftDecimal(exact, quantity.power) };
    }
  }
  return { kind: "number", raw, comparator: null, value: exact, percent: false, unit: "" };
}

/**
 * Parse a displayed target or actual value. `cell` is the raw cell when the caller has one, so a
 * number cell formatted 0.00% (0.973, shown 97.30%) reads as percent 0.973.
 */
export function parseValue(text: string, cell?: Cell): ParsedValue {
  const raw = typeof text === "string" ? text : String(text ?? "");
  try {
    if (cell && typeof cell.value === "number" && Number.isFinite(cell.value)) {
      return parseNumberCell(raw, cell, cell.value);
    }
    return parseCompact(raw, normalizeLabel(raw));
  } catch {
    // Unreachable by design; the guarantee that parsing never throws matters more than the cause.
    return { kind: "text", raw, text: safeCompact(raw) };
  }
}

function safeCompact(raw: string): string {
  try {
    return normalizeLabel(raw);
  } catch {
    return raw;
  }
}
