/**
 * Numbers with multiplier, percent and unit (RULES A2.4–A2.6): "44.9204万人", "2.6亿元", "97.30%",
 * "≥100百分比", "20000/人次", "每亩300", "3,106.43". Input is the comparator-free core, normalised
 * and without spaces.
 */
import Decimal from "decimal.js";
import { shiftDecimal } from "./exact";

/** Multipliers written directly before the unit or at the end, longest first (百万 before 万). */
export const MULTIPLIERS: ReadonlyArray<readonly [string, number]> = [
  ["万亿", 12],
  ["百万", 6],
  ["千万", 7],
  ["亿", 8],
  ["万", 4],
  ["千", 3],
];

export interface Quantity {
  /** The number as written, before multiplier or percent scaling. */
  written: Decimal;
  /** Power of ten of the multiplier (万 → 4), 0 when none; -2 for a percent, -3 for per mille. */
  power: number;
  percent: boolean;
  /** Multiplier removed, "/" removed; "" when none. */
  unit: string;
  /** written × 10^power: the base unit, or a fraction for a percent. */
  value: Decimal;
}

const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)/;
const PERCENT_SUFFIX = /^(?:%|百分比)(?:\(百分比\)|\(%\))?$/;
const PER_MILLE_SUFFIX = /^(?:‰|千分比)$/;
/**
 * A unit is a short word: letters (CJK or Latin) and a few symbols. Digits are allowed only as
 * an exponent after Latin letters, because NFKC turns ㎡ into "m2".
 */
const UNIT = /^(?:[\p{Script=Han}A-Za-z·°℃μ²³]{1,8}|[A-Za-z]{1,3}[23])$/u;
/** 每亩300: the unit is written before the number. */
const PER_PREFIX = /^每([\p{Script=Han}A-Za-z]{1,4})$/u;

/** How a multiplier + unit tail reads: "万元" → power 4, unit 元; "%" → percent, power -2. Null when not a unit. */
export function parseUnitTail(
  tail: string
): { power: number; percent: boolean; unit: string } | null {
  const clean = tail.replace(/\s+/g, "");
  if (clean === "") return { power: 0, percent: false, unit: "" };
  if (PERCENT_SUFFIX.test(clean)) return { power: -2, percent: true, unit: "" };
  if (PER_MILLE_SUFFIX.test(clean)) return { power: -3, percent: true, unit: "" };
  let power = 0;
  let rest = clean;
  for (const [word, p] of MULTIPLIERS) {
    if (rest.startsWith(word)) {
      power = p;
      rest = rest.slice(word.length);
      break;
    }
  }
  const unit = rest.replace(/[/／]/g, "");
  if (unit === "") return { power, percent: false, unit: "" };
  if (!UNIT.test(unit)) return null;
  return { power, percent: false, unit };
}

/** The core of a value as a quantity, or null when it is not one. */
export function parseQuantity(core: string): Quantity | null {
  let text = core;
  let perUnit = "";
  const numberAt = text.search(/[+\-.\d]/);
  if (numberAt > 0) {
    const per = PER_PREFIX.exec(text.slice(0, numberAt));
    if (!per) return null;
    perUnit = per[1];
    text = text.slice(numberAt);
  }
  const m = NUMBER.exec(text);
  if (!m) return null;
  const tail = parseUnitTail(text.slice(m[0].length));
  if (!tail) return null;
  const written = new Decimal(m[0].replace(/,/g, ""));
  if (tail.percent && perUnit) return null;
  // "每亩300元" is 300 元/亩; "/" is dropped from units (A2.6), so both spellings give "元亩".
  const unit = perUnit ? tail.unit + perUnit : tail.unit;
  const value = shiftDecimal(written, tail.power);
  return { written, power: tail.power, percent: tail.percent, unit, value };
}
