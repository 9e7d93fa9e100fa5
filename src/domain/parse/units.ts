/**
 * Bringing a target and an actual to one unit before they are compared (RULES A2.5–A2.6, Part C).
 */
import Decimal from "decimal.js";
import { shiftDecimal } from "./exact";
import { normalizeLabel } from "./normalize";
import { parseUnitTail } from "./quantity";
import { readText } from "./value";
import type { NumberValue } from "./value";

/** A bare actual that could be read two ways: the reading taken and the one set aside. */
export interface AssumedReading {
  kind: "unit" | "rate";
  /** As a user would write them: "94844人", "9.4844亿人"; "105%", "1.05%". */
  reading: string;
  other: string;
}

export type AlignedPair =
  | {
      ok: true;
      /** Both in the same base unit (multiplier applied), fractions when `percent`. */
      target: Decimal;
      actual: Decimal;
      unit: string;
      percent: boolean;
      /** Set when the actual was ambiguous and the reading closest to 100% was taken. */
      assumed?: AssumedReading;
    }
  | { ok: false; reason: "unit"; targetUnit: string; actualUnit: string };

interface Side {
  value: Decimal;
  percent: boolean;
  unit: string;
  /** Power of ten of the multiplier written on this side (万 → 4; % → -2, ‰ → -3). */
  power: number;
}

/** The multiplier a value was written with, read back from its raw text (0 when unknown). */
function writtenPower(v: NumberValue): number {
  const fallback = v.percent ? -2 : 0;
  try {
    const q = readText(v.raw).quantity;
    return q && q.percent === v.percent ? q.power : fallback;
  } catch {
    return fallback;
  }
}

function isBare(side: Side): boolean {
  return !side.percent && side.unit === "";
}

/**
 * A bare number against a percentage. Forms write percentages as 97.30%, 100 or 1 (Part C), so:
 * - a bare number above 1 is percentage points: 100 → 100 %, 95.5 → 95.5 %;
 * - a bare number b ≤ 1 is a fraction (1 → 100 %, 0.95 → 95 %) when b ≤ 10 × p, where p is the
 *   percentage on the other side as a fraction; otherwise it is percentage points (0.5 against
 *   ≤1% → 0.5 %). 10 × p is where the two readings are equally far from p by ratio (√(b · b/100)
 *   = b/10), so the rule picks whichever reading is nearer the other side.
 * Against a per-mille side (≤3‰) the points are per mille (pointPower -3) with the same threshold.
 */
export function bareAsPercent(bare: Decimal, otherFraction: Decimal, pointPower = -2): Decimal {
  const points = shiftDecimal(bare, pointPower);
  if (bare.gt(1)) return points;
  return bare.lte(otherFraction.times(10)) ? bare : points;
}

const MULTIPLIER_WORDS: Record<number, string> = { 3: "千", 4: "万", 8: "亿" };

/** How far a completion ratio is from 100%, symmetric by ratio (50% and 200% are equally far). */
function distanceFrom100(value: Decimal, target: Decimal): Decimal | null {
  if (value.lte(0) || target.lte(0)) return null;
  const r = value.div(target);
  return r.gte(1) ? r : new Decimal(1).div(r);
}

/** True when `a` is nearer 100% of `target` than `b` (ties keep `a`). */
function nearer(a: Decimal, b: Decimal, target: Decimal): boolean {
  const da = distanceFrom100(a, target);
  const db = distanceFrom100(b, target);
  if (da === null || db === null) return true;
  return da.lte(db);
}

function percentText(fraction: Decimal): string {
  return `${shiftDecimal(fraction, 2).toFixed()}%`;
}

/**
 * A bare actual against a percentage target, read the way nearest 100% of the target: 1.05
 * against ≥100% is 105%, not 1.05%; 96 against ≥90% is 96%; 0.5 against ≤1% is 0.5%. The
 * reading is reported when it is not the plain one (a number above 1 as points, up to 1 as a
 * fraction).
 */
function bareActualAsPercent(
  bare: Decimal,
  target: Decimal,
  pointPower: number
): { value: Decimal; assumed?: AssumedReading } {
  // By ratio the fraction is nearer 100% of p exactly when b ≤ 10·p (see bareAsPercent), so one
  // comparison decides; the plain reading is the one people mean without context.
  const asFraction = bare.lte(target.times(10));
  const plainIsFraction = !bare.gt(1);
  if (asFraction === plainIsFraction || bare.isZero()) {
    return { value: asFraction ? bare : shiftDecimal(bare, pointPower) };
  }
  const fraction = bare;
  const points = shiftDecimal(bare, pointPower);
  const value = asFraction ? fraction : points;
  const other = asFraction ? points : fraction;
  return {
    value,
    assumed: { kind: "rate", reading: percentText(value), other: percentText(other) },
  };
}

function describe(side: Side): string {
  return side.percent ? "%" : side.unit;
}

/**
 * Align two numeric values:
 * - same unit (multipliers already applied: ≥5万人 vs 94844人) → compared as they are;
 * - one side without a unit takes the other side's unit and, if it wrote no multiplier of its
 *   own, the other side's multiplier too: ≤90万元 vs 90 → 900 000 元 each; ≥50个 vs 50;
 *   ≤200万元 vs 160万 → 1 600 000 元 (160万 keeps its own 万);
 * - a bare number against a percentage → see bareAsPercent;
 * - `columnUnit` (split-column forms: the 度量单位 cell) is the unit of any side written without one;
 * - units that still differ → { ok: false, reason: "unit" } (UNIT_MISMATCH).
 */
export function alignUnits(
  target: NumberValue,
  actual: NumberValue,
  columnUnit?: string
): AlignedPair {
  const t: Side = {
    value: target.value,
    percent: target.percent,
    unit: target.unit,
    power: writtenPower(target),
  };
  const a: Side = {
    value: actual.value,
    percent: actual.percent,
    unit: actual.unit,
    power: writtenPower(actual),
  };

  const column = columnUnit ? parseUnitTail(normalizeLabel(columnUnit)) : null;
  if (column && (column.percent || column.unit !== "" || column.power !== 0)) {
    for (const side of [t, a]) {
      if (!isBare(side)) continue;
      if (column.percent) {
        side.value = shiftDecimal(side.value, column.power);
        side.power = column.power;
        side.percent = true;
      } else {
        if (side.power === 0) {
          side.value = shiftDecimal(side.value, column.power);
          side.power = column.power;
        }
        side.unit = column.unit;
      }
    }
  }

  if (t.percent && a.percent)
    return { ok: true, target: t.value, actual: a.value, unit: "", percent: true };
  if (t.percent && isBare(a)) {
    const read = bareActualAsPercent(a.value, t.value, t.power);
    const pair: AlignedPair = {
      ok: true,
      target: t.value,
      actual: read.value,
      unit: "",
      percent: true,
    };
    if (read.assumed) pair.assumed = read.assumed;
    return pair;
  }
  if (a.percent && isBare(t)) {
    return {
      ok: true,
      target: bareAsPercent(t.value, a.value, a.power),
      actual: a.value,
      unit: "",
      percent: true,
    };
  }
  if (t.percent || a.percent) {
    return { ok: false, reason: "unit", targetUnit: describe(t), actualUnit: describe(a) };
  }
  // ≥5万人 against a bare 94844: 94844人 (190%) or 94844万人 (18 969×)? The nearer 100%, reported.
  if (isBare(a) && a.power === 0 && t.power > 0 && MULTIPLIER_WORDS[t.power]) {
    const plain = a.value;
    const scaled = shiftDecimal(a.value, t.power);
    const value = nearer(plain, scaled, t.value) ? plain : scaled;
    const word = MULTIPLIER_WORDS[t.power];
    const asWritten = (v: Decimal) =>
      v === plain ? `${plain.toFixed()}${t.unit}` : `${plain.toFixed()}${word}${t.unit}`;
    const other = value === plain ? scaled : plain;
    return {
      ok: true,
      target: t.value,
      actual: value,
      unit: t.unit,
      percent: false,
      assumed: { kind: "unit", reading: asWritten(value), other: asWritten(other) },
    };
  }
  if (t.unit === a.unit)
    return { ok: true, target: t.value, actual: a.value, unit: t.unit, percent: false };
  if (a.unit === "") {
    const value = a.power === 0 ? shiftDecimal(a.value, t.power) : a.value;
    return { ok: true, target: t.value, actual: value, unit: t.unit, percent: false };
  }
  if (t.unit === "") {
    const value = t.power === 0 ? shiftDecimal(t.value, a.power) : t.value;
    return { ok: true, target: value, actual: a.value, unit: a.unit, percent: false };
  }
  return { ok: false, reason: "unit", targetUnit: t.unit, actualUnit: a.unit };
}
