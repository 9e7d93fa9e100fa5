/**
 * Deviation findings (RULES A6): SHORTFALL, OVER_TARGET and NOTE_MISSING for one row.
 */
import type Decimal from "decimal.js";
import { dec, formatPercentShort, profileDecimal, ZERO } from "../decimal";
import { makeFinding } from "../findings";
import { memoizeNumber } from "../memo";
import type { Comparator, Finding } from "../model";
import type { MessageParams } from "../messages";
import type { RuleProfile } from "../profile-types";
import { isEmptyNote } from "./cells";
import { isReverse } from "./quantitative";

/**
 * GE/GT/EQ: A ≥ θ·T; LE/LT: A ≤ (2 − θ)·T; both only for T > 0. Time rows never qualify.
 */
export function isOverTarget(
  kind: Comparator,
  target: Decimal,
  actual: Decimal,
  threshold: number
): boolean {
  if (!target.gt(ZERO)) return false;
  if (isReverse(kind)) return actual.lte(reverseFactor(threshold).times(target));
  return actual.gte(target.times(profileDecimal(threshold)));
}

/** 2 − θ; a profile has one threshold, so it is computed once. */
const reverseFactor = memoizeNumber((threshold) => dec(2).minus(threshold), 100);

export type ShortfallKind = "quantitative" | "qualitative" | "time";

export interface DeviationInput {
  row: number;
  scoreCol: number;
  actualCol: number;
  noteCol: number | null;
  noteText: string;
  profile: RuleProfile;
  shortfall: ShortfallKind | null;
  /** "forward" for GE/GT/EQ, "reverse" for LE/LT. */
  overTarget: "forward" | "reverse" | null;
  /** Display values shared by the messages: target, actual, score, weight, completion. */
  params: { target: string; actual: string; score: string; weight: string; completion: string };
}

const SHORTFALL_VARIANT: Record<ShortfallKind, string> = {
  quantitative: "default",
  qualitative: "qualitative",
  time: "time",
};

const NOTE_VARIANT: Record<ShortfallKind, string> = {
  quantitative: "shortfall",
  qualitative: "shortfallQualitative",
  time: "late",
};

/** "30%" for a threshold of 1.3; a profile has one threshold, so it is formatted once. */
const overText = memoizeNumber((threshold) => formatPercentShort(dec(threshold).minus(1)), 100);

/**
 * A finding's params: the row's display values, then `over` when given, then the variant (the key
 * order is the order reports list them). Built field by field: V8 adds properties to a spread
 * copy (`{ ...params, variant }`) on a slow path, about a microsecond per finding.
 */
function findingParams(
  params: DeviationInput["params"],
  variant: string,
  over?: string
): MessageParams {
  const out: MessageParams = {
    target: params.target,
    actual: params.actual,
    score: params.score,
    weight: params.weight,
    completion: params.completion,
  };
  if (over !== undefined) out.over = over;
  out.variant = variant;
  return out;
}

export function deviationFindings(input: DeviationInput): Finding[] {
  const { row, profile, params } = input;
  const noteCol = input.noteCol ?? input.scoreCol;
  const noteEmpty = isEmptyNote(input.noteText);
  const out: Finding[] = [];
  if (input.shortfall) {
    out.push(
      makeFinding(
        "SHORTFALL",
        row,
        input.scoreCol,
        findingParams(params, SHORTFALL_VARIANT[input.shortfall])
      )
    );
    if (noteEmpty) {
      out.push(
        makeFinding(
          "NOTE_MISSING",
          row,
          noteCol,
          findingParams(params, NOTE_VARIANT[input.shortfall]),
          "error"
        )
      );
    }
  } else if (input.overTarget) {
    const over = overText(profile.overTargetThreshold);
    const reverse = input.overTarget === "reverse";
    out.push(
      makeFinding(
        "OVER_TARGET",
        row,
        input.actualCol,
        findingParams(params, reverse ? "reverse" : "default", over)
      )
    );
    if (noteEmpty) {
      out.push(
        makeFinding(
          "NOTE_MISSING",
          row,
          noteCol,
          findingParams(params, reverse ? "overTargetReverse" : "overTarget", over),
          profile.overTargetSeverity
        )
      );
    }
  }
  return out;
}
