/**
 * Quantitative scoring (RULES A3; Part B reverse `linear`). Pure decimal arithmetic: the caller
 * has already aligned target and actual to one unit.
 */
import type Decimal from "decimal.js";
import { clamp, dec, ONE, round2, ZERO } from "../decimal";
import type { Comparator } from "../model";
import type { RuleProfile } from "../profile-types";

/** Which explanation applies; names match the keys in messages.ts EXPLANATIONS. */
export type QuantCase =
  | "met"
  | "proportional"
  | "zeroTargetGe"
  | "zeroTargetMet"
  | "zeroTargetMissed"
  | "gtZeroMet"
  | "gtZeroMissed"
  | "leMet"
  | "leRatio"
  | "leLinear"
  | "leLinearZero";

export interface QuantOutcome {
  score: Decimal;
  /** A / T for GE/GT/EQ, T / A for LE/LT; null where the division is undefined. */
  completion: Decimal | null;
  /** The factor applied to w when the row misses (A/T, T/A or 2 − A/T). */
  factor: Decimal | null;
  case: QuantCase;
  /** The actual was negative and counted as 0. */
  negativeActual: boolean;
  /** The actual used (negative → 0). */
  actual: Decimal;
}

export function isReverse(kind: Comparator): boolean {
  return kind === "LE" || kind === "LT";
}

/** round2 of factor × w, capped at w and floored at 0. */
function proportional(factor: Decimal, weight: Decimal): Decimal {
  return round2(clamp(factor.times(weight), ZERO, weight));
}

/** The rule's verdict for one row; scoreQuantitative adds what it made of the actual. */
type QuantScore = Pick<QuantOutcome, "score" | "completion" | "factor" | "case">;

/**
 * Every case builds the same object shape (spreading a shared base made each return costly). A
 * module function, not a closure per row: where the engine runs through tsx (the benchmarks, the
 * CLI's fallback), each closure created is named by an Object.defineProperty call.
 */
function scored(
  score: Decimal,
  completion: Decimal | null,
  factor: Decimal | null,
  c: QuantCase
): QuantScore {
  return { score, completion, factor, case: c };
}

/** The case and score for an actual already floored at 0 and a non-negative weight. */
function scoreCase(
  kind: Comparator,
  target: Decimal,
  actual: Decimal,
  w: Decimal,
  reverseRule: RuleProfile["reverseRule"]
): QuantScore {
  if (isReverse(kind)) {
    const completion = actual.isZero() ? null : target.div(actual);
    if (actual.lte(target)) return scored(w, completion, null, "leMet");
    if (reverseRule === "linear" && target.gt(ZERO)) {
      const factor = dec(2).minus(actual.div(target));
      if (factor.lte(ZERO)) return scored(ZERO, completion, ZERO, "leLinearZero");
      return scored(proportional(factor, w), completion, factor, "leLinear");
    }
    // ratio rule; a limit ≤ 0 that is exceeded gives T/A ≤ 0, floored to 0.
    const factor = completion ?? ZERO;
    return scored(proportional(factor, w), completion, factor, "leRatio");
  }

  if (target.isZero()) {
    if (kind === "GE") return scored(w, null, null, "zeroTargetGe");
    if (kind === "GT") {
      return actual.gt(ZERO)
        ? scored(w, null, null, "gtZeroMet")
        : scored(ZERO, null, ZERO, "gtZeroMissed");
    }
    return actual.isZero()
      ? scored(w, null, null, "zeroTargetMet")
      : scored(ZERO, null, ZERO, "zeroTargetMissed");
  }
  if (target.lt(ZERO)) {
    // A (≥ 0 after the floor) always reaches a negative target.
    return scored(w, null, null, "met");
  }
  const completion = actual.div(target);
  if (completion.gte(ONE)) return scored(w, completion, null, "met");
  return scored(proportional(completion, w), completion, completion, "proportional");
}

export function scoreQuantitative(
  kind: Comparator,
  target: Decimal,
  rawActual: Decimal,
  weight: Decimal,
  reverseRule: RuleProfile["reverseRule"]
): QuantOutcome {
  const negativeActual = rawActual.isNegative() && !rawActual.isZero();
  const actual = negativeActual ? ZERO : rawActual;
  const s = scoreCase(kind, target, actual, nonNegative(weight), reverseRule);
  return {
    score: s.score,
    completion: s.completion,
    factor: s.factor,
    case: s.case,
    negativeActual,
    actual,
  };
}

function nonNegative(value: Decimal): Decimal {
  return value.isNegative() ? ZERO : value;
}
