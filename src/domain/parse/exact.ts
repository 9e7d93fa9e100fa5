/**
 * Exact decimal helpers. Parsed values must never pick up binary float error, so numbers are
 * built from their written digits and scaled by moving the exponent, never by multiplying.
 */
import Decimal from "decimal.js";
import { memoizeNumber } from "../memo";

/**
 * A JS number (an Excel cell value) as a Decimal. Excel keeps 15 significant digits, so the
 * float is read at that precision: 0.1 + 0.2 stored by a host becomes 0.3, not 0.30000000000000004.
 * Weights, scores and amounts repeat from row to row (5, 10, 20…); a Decimal never changes once
 * built, so one per distinct number is enough.
 */
export const decimalFromNumber: (value: number) => Decimal = memoizeNumber(
  (value) => new Decimal(value.toPrecision(15))
);

/**
 * value × 10^power, exactly. Decimal#times rounds to the configured precision (20 digits by
 * default), which long inputs could exceed; rewriting the exponent never rounds.
 */
export function shiftDecimal(value: Decimal, power: number): Decimal {
  if (power === 0 || value.isZero() || !value.isFinite()) return value;
  const [mantissa, exponent] = value.toExponential().split("e");
  return new Decimal(`${mantissa}e${Number(exponent) + power}`);
}
