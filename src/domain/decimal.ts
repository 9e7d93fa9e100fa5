/**
 * Exact decimal helpers for scoring. Every score is computed on decimals and rounded once, half-up
 * at 2 decimals (RULES A3: 2.675 → 2.68), so float error never reaches a printed number.
 */
import Decimal from "decimal.js";
import { memoizeNumber } from "./memo";

export { Decimal };

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

export function dec(value: Decimal.Value): Decimal {
  return new Decimal(value);
}

/**
 * new Decimal(value), built once per distinct number: a profile's tolerances and thresholds are a
 * handful of numbers compared on every row, and passing the number to Decimal#gt or #times would
 * build (and parse) a Decimal from it each time.
 */
export const profileDecimal: (value: number) => Decimal = memoizeNumber(
  (value) => new Decimal(value),
  100
);

/**
 * Decimal#toNumber goes through the decimal's text; a row's weight and score are each reported
 * more than once, and weights are shared by many rows (see decimalFromNumber). Not worth it for a
 * value read once: a cache miss costs more than the conversion.
 */
const NUMBERS = new WeakMap<Decimal, number>();

export function toNumber(value: Decimal): number {
  let n = NUMBERS.get(value);
  if (n === undefined) {
    n = value.toNumber();
    NUMBERS.set(value, n);
  }
  return n;
}

/** Half-up (away from zero) at 2 decimals. */
export function round2(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function clamp(value: Decimal, low: Decimal, high: Decimal): Decimal {
  return Decimal.max(low, Decimal.min(high, value));
}

/**
 * A row's weight, score and completion are each printed in several messages; a Decimal never
 * changes, so its text is kept with it (weights are shared by many rows, see decimalFromNumber).
 */
function formattedBy(format: (value: Decimal) => string): (value: Decimal) => string {
  const texts = new WeakMap<Decimal, string>();
  return (value) => {
    let text = texts.get(value);
    if (text === undefined) {
      text = format(value);
      texts.set(value, text);
    }
    return text;
  };
}

/** A score or weight for display: at most 2 decimals, no trailing zeros (3, 0.85, 9.98). */
export const formatScore: (value: Decimal) => string = formattedBy((value) =>
  round2(value).toFixed()
);

/** A fraction as a percentage with 2 decimals: 0.998210… → "99.82%". */
export const formatPercent: (fraction: Decimal) => string = formattedBy(
  (fraction) => `${fraction.times(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`
);

/** A fraction as a short percentage for thresholds: 0.3 → "30%", 0.125 → "12.5%". */
export function formatPercentShort(fraction: Decimal): string {
  return `${fraction.times(HUNDRED).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed()}%`;
}

/** A plain quantity without exponent notation: 449204, 0.973. */
export function formatQuantity(value: Decimal): string {
  return value.toFixed();
}

/** |a − b| > tolerance. */
export function differs(a: Decimal, b: Decimal, tolerance: number): boolean {
  const limit = profileDecimal(tolerance);
  // Most printed figures agree with the rules: no need to build their difference.
  if (a.eq(b)) return ZERO.greaterThan(limit);
  return a.minus(b).abs().greaterThan(limit);
}
