/**
 * parseValue: one target or actual cell → a tagged value (RULES A2). Never throws: anything it
 * cannot read becomes {kind:"text"} and the rules decide what to do with it.
 */
import type { Cell } from "../grid";
import type { ParsedValue, TimePoint } from "../model";
import { formatNumber } from "../format";
import { memoizeString } from "../memo";
import { splitComparator } from "./comparator";
import { decimalFromNumber, shiftDecimal } from "./exact";
import { isPlaceholder, normalizeLabel } from "./normalize";
import { parseQuantity } from "./quantity";
import type { Quantity } from "./quantity";
import { parseTime } from "./time";
import { toSimplified } from "./simplified";

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

/** A comparator symbol after a short label: "满意度≥90%", "受益人数≥500人". */
const LABELLED = /^([^\d<>=≥≤≧≦⩾⩽═﹦]{1,12})([<>=≥≤≧≦⩾⩽═﹦].*)$/u;

interface Reading {
  value: ParsedValue;
  /** How the number was written (multiplier, digits), when it is one. */
  quantity: Quantity | null;
}

function readValue(raw: string, work: string): Reading | null {
  const { comparator, core } = splitComparator(work);
  const time = parseTime(core);
  if (time) {
    const value: ParsedValue = {
      kind: "time",
      raw,
      comparator: comparator ?? time.comparator,
      point: time.point,
    };
    return { value, quantity: null };
  }
  const quantity = parseQuantity(core);
  if (!quantity) return null;
  const value: ParsedValue = {
    kind: "number",
    raw,
    comparator,
    value: quantity.value,
    percent: quantity.percent,
    unit: quantity.unit,
  };
  return { value, quantity };
}

/**
 * Read a text: the tagged value and, for numbers, how they were written. Cached (the rules read a
 * value's text again to align units, and forms repeat values); the readings are frozen so a cached
 * one can be handed out safely.
 */
export const readText: (raw: string) => Reading = memoizeString((raw) => frozen(readTextNow(raw)));

function frozen(reading: Reading): Reading {
  if (reading.value.kind === "time") Object.freeze(reading.value.point);
  Object.freeze(reading.value);
  if (reading.quantity) Object.freeze(reading.quantity);
  return Object.freeze(reading);
}

function readTextNow(raw: string): Reading {
  const compact = normalizeLabel(raw);
  if (isPlaceholder(compact)) return { value: { kind: "empty", raw }, quantity: null };
  // Traditional characters and typographic minus signs only matter for reading; text stays as written.
  const work = toSimplified(compact).replace(/[\u2212\u2012\u2013\ufe63]/g, "-");
  const direct = readValue(raw, work);
  if (direct) return direct;
  // The symbol marks where the value starts, so the label before it is description, not value.
  const labelled = LABELLED.exec(work);
  if (labelled) {
    const reading = readValue(raw, labelled[2]);
    if (reading) return reading;
  }
  return { value: { kind: "text", raw, text: compact }, quantity: null };
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
  const reading = readText(raw);
  const shown = reading.value;
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
    const quantity = reading.quantity;
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
    return readText(raw).value;
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
