/**
 * One indicator row: parse target and actual, pick the rule (quantitative, time, qualitative),
 * score it, explain it and collect its findings. Rows that cannot be scored keep their reported
 * score (RULES A7) and say why.
 */
import type Decimal from "decimal.js";
import { toA1 } from "../grid";
import type { Cell } from "../grid";
import {
  dec,
  differs,
  formatPercent,
  formatPercentShort,
  formatScore,
  toNumber,
  ZERO,
} from "../decimal";
import { makeFinding } from "../findings";
import { declaredSectionWeight } from "../detect/sections";
import { concatText, explain, type ExplanationKey } from "../messages";
import type {
  Finding,
  IndicatorColumns,
  IndicatorKind,
  IndicatorRow,
  LocalizedText,
  ParsedValue,
  TimePoint,
} from "../model";
import {
  alignUnits,
  classifyQualitative,
  normalizeLabel,
  normalizeText,
  parseValue,
} from "../parse";
import type { AlignedPair, NumberValue, QualitativeTier } from "../parse";
import type { RuleProfile } from "../profile-types";
import { quantityDisplay, quantityText, readNumber, valueOf, type NumberRead } from "./cells";
import { deviationFindings, isOverTarget, type ShortfallKind } from "./deviation";
import { resolveComparator } from "./kind";
import { scoreQualitative } from "./qualitative";
import { isReverse, scoreQuantitative } from "./quantitative";
import { isLate } from "./time";
import type { RowEvaluation } from "./types";

const TIER_NAME: Record<QualitativeTier, ExplanationKey> = {
  achieved: "tierAchieved",
  partial: "tierPartial",
  notAchieved: "tierNotAchieved",
};

/** Parse with the raw cell only when the text is the cell's own (split-column targets are joined). */
function parse(text: string, cell: Cell): ParsedValue {
  const own = text === cell.text || normalizeText(cell.text ?? "") === normalizeText(text ?? "");
  return own ? parseValue(text, cell) : parseValue(text);
}

interface Scored {
  kind: IndicatorKind;
  score: Decimal;
  completion: Decimal | null;
  explanation: LocalizedText;
  findings: Finding[];
  shortfall: ShortfallKind | null;
  overTarget: "forward" | "reverse" | null;
}

interface NotScored {
  reason: LocalizedText;
  findings: Finding[];
}

/** A month written as a bare number or "5月"-less count against a month target ("≤6月" vs 5). */
function asMonth(value: ParsedValue, other: TimePoint): TimePoint | null {
  if (value.kind !== "number" || value.percent) return null;
  if (other.year !== undefined || other.day !== undefined) return null;
  if (value.unit !== "" && value.unit !== "月") return null;
  const n = value.value;
  if (!n.isInteger() || n.lt(1) || n.gt(12)) return null;
  return { month: n.toNumber() };
}

/** What every rule reads from one row. */
interface RowContext {
  row: IndicatorRow;
  r: number;
  columns: IndicatorColumns;
  profile: RuleProfile;
  reported: Decimal | null;
  target: ParsedValue;
  actual: ParsedValue;
  targetShown: string;
  actualShown: string;
}

/** Target, actual and 分值 must be present and readable; else the row keeps its printed score. */
function missingValues(ctx: RowContext, weightRead: NumberRead): NotScored | null {
  const { r, columns, target, actual } = ctx;
  const findings: Finding[] = [];
  let reason: LocalizedText | null = null;
  if (target.kind === "empty") {
    findings.push(makeFinding("MISSING_VALUE", r, columns.target, { variant: "target" }));
    reason = reason ?? explain("reasonMissingTarget");
  }
  if (actual.kind === "empty") {
    findings.push(makeFinding("MISSING_VALUE", r, columns.actual, { variant: "actual" }));
    reason = reason ?? explain("reasonMissingActual");
  }
  if (weightRead.kind === "empty") {
    findings.push(makeFinding("MISSING_VALUE", r, columns.weight, { variant: "weight" }));
    reason = reason ?? explain("reasonMissingWeight");
  } else if (weightRead.kind === "bad") {
    findings.push(
      makeFinding("UNPARSEABLE", r, columns.weight, { variant: "weight", text: weightRead.raw })
    );
    reason = reason ?? explain("reasonBadWeight", { text: weightRead.raw });
  }
  return reason === null ? null : { reason, findings };
}

function unparseable(ctx: RowContext, col: number, text: string): NotScored {
  const { reported } = ctx;
  return {
    reason: explain("reasonUnparseable", { text }),
    findings: [
      makeFinding("UNPARSEABLE", ctx.r, col, {
        variant: reported === null ? "noReported" : "default",
        text,
        reported: reported === null ? "" : formatScore(reported),
      }),
    ],
  };
}

function kindMismatch(ctx: RowContext): NotScored {
  return {
    reason: explain("reasonKindMismatch"),
    findings: [
      makeFinding("UNIT_MISMATCH", ctx.r, ctx.columns.actual, {
        variant: "kind",
        actual: ctx.actualShown,
        target: ctx.targetShown,
        actualUnit: "",
        targetUnit: "",
      }),
    ],
  };
}

/** A text actual: its tier (A4), or 达成 when it repeats the target's words. */
function qualitativeRule(ctx: RowContext, w: Decimal): Scored | NotScored {
  const { actual, target } = ctx;
  const tier: QualitativeTier | null =
    normalizeLabel(actual.raw) === normalizeLabel(target.raw)
      ? "achieved"
      : classifyQualitative(actual.raw);
  if (tier === null) return unparseable(ctx, ctx.columns.actual, ctx.actualShown);
  return qualitative(tier, w, ctx.reported, ctx.actualShown, ctx.profile, ctx.r, ctx.columns);
}

/** Deadlines (A3 time rows): a month written as a bare number counts against a month target. */
function timeRule(ctx: RowContext, w: Decimal): Scored | NotScored {
  const { target, actual } = ctx;
  const tPoint =
    target.kind === "time"
      ? target.point
      : actual.kind === "time"
        ? asMonth(target, actual.point)
        : null;
  const aPoint =
    actual.kind === "time"
      ? actual.point
      : target.kind === "time"
        ? asMonth(actual, target.point)
        : null;
  if (!tPoint || !aPoint) return kindMismatch(ctx);
  return timeRow(
    tPoint,
    aPoint,
    w,
    quantityText(target.raw),
    quantityText(actual.raw),
    ctx.r,
    ctx.columns
  );
}

function unitMismatch(ctx: RowContext, aligned: Extract<AlignedPair, { ok: false }>): NotScored {
  const noUnit = explain("noUnit");
  const unitParam = (u: string) => (u === "" ? noUnit : u);
  return {
    reason: explain("reasonUnitMismatch", {
      targetUnit: unitParam(aligned.targetUnit),
      actualUnit: unitParam(aligned.actualUnit),
    }),
    findings: [
      makeFinding("UNIT_MISMATCH", ctx.r, ctx.columns.actual, {
        actual: ctx.actualShown,
        target: ctx.targetShown,
        actualUnit: aligned.actualUnit === "" ? "—" : aligned.actualUnit,
        targetUnit: aligned.targetUnit === "" ? "—" : aligned.targetUnit,
      }),
    ],
  };
}

/** The actual had no unit or multiplier (or was a bare rate): which reading was taken (info). */
function assumedFinding(ctx: RowContext, aligned: Extract<AlignedPair, { ok: true }>): Finding[] {
  const assumed = aligned.assumed;
  if (!assumed) return [];
  return [
    makeFinding("UNIT_ASSUMED", ctx.r, ctx.columns.actual, {
      variant: assumed.kind === "rate" ? "rate" : "default",
      actual: ctx.actualShown,
      target: ctx.targetShown,
      reading: assumed.reading,
      other: assumed.other,
    }),
  ];
}

/** Quantities (A3): GE/GT/EQ by A/T, LE/LT by the profile's reverse rule. */
function quantitativeRule(
  ctx: RowContext,
  target: NumberValue,
  actual: NumberValue,
  w: Decimal
): Scored | NotScored {
  const { row, profile } = ctx;
  const aligned = alignUnits(target, actual, row.unitText || undefined);
  if (!aligned.ok) return unitMismatch(ctx, aligned);
  const comparator = resolveComparator(target.comparator, row.level2, {
    isTime: false,
    unit: aligned.unit,
  });
  const q = scoreQuantitative(comparator, aligned.target, aligned.actual, w, profile.reverseRule);
  const factor = q.factor ?? q.completion;
  const params = {
    target: quantityDisplay(target.raw, aligned.target, aligned.unit, aligned.percent),
    actual: quantityDisplay(actual.raw, aligned.actual, aligned.unit, aligned.percent),
    completion: factor === null ? "—" : formatPercent(factor),
    weight: formatScore(w),
    score: formatScore(q.score),
  };
  let explanation = explain(q.case, params);
  if (q.negativeActual) explanation = concatText(explain("negativeActual"), explanation);
  const over = isOverTarget(comparator, aligned.target, q.actual, profile.overTargetThreshold);
  return {
    kind: comparator,
    score: q.score,
    completion: q.completion,
    explanation,
    findings: assumedFinding(ctx, aligned),
    shortfall: q.score.lt(w) ? "quantitative" : null,
    overTarget: over ? (isReverse(comparator) ? "reverse" : "forward") : null,
  };
}

/** Which rule applies, by what the two values are. */
function applyRule(ctx: RowContext, w: Decimal): Scored | NotScored {
  const { target, actual } = ctx;
  if (actual.kind === "text") return qualitativeRule(ctx, w);
  if (target.kind === "text") return unparseable(ctx, ctx.columns.target, ctx.targetShown);
  if (target.kind === "time" || actual.kind === "time") return timeRule(ctx, w);
  if (target.kind === "number" && actual.kind === "number")
    return quantitativeRule(ctx, target, actual, w);
  // Unreachable: empty values were set aside before.
  return kindMismatch(ctx);
}

export function evaluateIndicator(
  row: IndicatorRow,
  columns: IndicatorColumns,
  profile: RuleProfile
): RowEvaluation {
  const r = row.row;
  const weightRead = readNumber(row.weightCell);
  const weight = valueOf(weightRead);
  const ctx: RowContext = {
    row,
    r,
    columns,
    profile,
    reported: valueOf(readNumber(row.scoreCell)),
    target: parse(row.targetText, row.targetCell),
    actual: parse(row.actualText, row.actualCell),
    targetShown: normalizeText(row.targetText ?? ""),
    actualShown: normalizeText(row.actualText ?? ""),
  };
  const findings: Finding[] = [];

  const missing = missingValues(ctx, weightRead);
  if (missing !== null) return notScored(ctx, weight, findings, missing);
  if (weight === null) {
    return notScored(ctx, weight, findings, {
      reason: explain("reasonMissingWeight"),
      findings: [],
    });
  }
  const w = weight.isNegative() ? ZERO : weight;

  const outcome = applyRule(ctx, w);
  if (!("score" in outcome)) return notScored(ctx, weight, findings, outcome);
  findings.push(...outcome.findings);
  findings.push(
    ...deviationFindings({
      row: r,
      scoreCol: columns.score,
      actualCol: columns.actual,
      noteCol: columns.note,
      noteText: row.noteText,
      profile,
      shortfall: outcome.shortfall,
      overTarget: outcome.overTarget,
      params: {
        target: ctx.targetShown,
        actual: ctx.actualShown,
        score: formatScore(outcome.score),
        weight: formatScore(w),
        completion: outcome.completion === null ? "—" : formatPercent(outcome.completion),
      },
    })
  );
  return finish(ctx, weight, findings, outcome);
}

/** How a row ends: the rule's verdict, or no score (kind, score and completion null). */
interface RowVerdict {
  kind: IndicatorKind | null;
  score: Decimal | null;
  completion: Decimal | null;
  explanation: LocalizedText;
}

// finish and notScored are module functions, not closures made for each row: where the engine runs
// through tsx (the benchmarks, the CLI's fallback), each closure created is named by a
// defineProperty call.

/** The row's result; a computed score that differs from the printed one is a SCORE_MISMATCH. */
function finish(
  ctx: RowContext,
  weight: Decimal | null,
  findings: Finding[],
  verdict: RowVerdict
): RowEvaluation {
  const { row, r, columns, profile, reported } = ctx;
  const { kind, score, completion, explanation } = verdict;
  if (score !== null && reported !== null && differs(reported, score, profile.mismatchTolerance)) {
    findings.push(
      makeFinding("SCORE_MISMATCH", r, columns.score, {
        reported: formatScore(reported),
        expected: formatScore(score),
      })
    );
  }
  const counted = score ?? reported;
  return {
    result: {
      row: r,
      scoreCell: toA1(r, columns.score),
      // Reports show the section without its declared weight: 产出指标（50） → 产出指标.
      level1: declaredSectionWeight(row.level1)?.name ?? row.level1,
      level2: row.level2,
      level3: row.level3.trim(),
      target: row.targetText.trim(),
      actual: row.actualText.trim(),
      weight: weight === null ? null : toNumber(weight),
      kind,
      completion: completion === null ? null : completion.toNumber(),
      score: score === null ? null : toNumber(score),
      reportedScore: reported === null ? null : toNumber(reported),
      countedScore: counted === null ? null : toNumber(counted),
      explanation,
      codes: [],
    },
    findings,
    weight,
    counted,
  };
}

/** A row that cannot be scored keeps its printed score (A7) and says why. */
function notScored(
  ctx: RowContext,
  weight: Decimal | null,
  findings: Finding[],
  why: NotScored
): RowEvaluation {
  findings.push(...why.findings);
  const { reported } = ctx;
  const explanation =
    reported === null
      ? explain("notScoredNone", { reason: why.reason })
      : explain("notScoredKept", { reason: why.reason, reported: formatScore(reported) });
  return finish(ctx, weight, findings, { kind: null, score: null, completion: null, explanation });
}

function timeRow(
  target: TimePoint,
  actual: TimePoint,
  w: Decimal,
  targetText: string,
  actualText: string,
  r: number,
  columns: IndicatorColumns
): Scored {
  const late = isLate(target, actual);
  const params = { target: targetText, actual: actualText, weight: formatScore(w) };
  const findings = late
    ? [makeFinding("LATE", r, columns.actual, { target: targetText, actual: actualText })]
    : [];
  const score = late ? ZERO : w;
  return {
    kind: "TIME",
    score,
    completion: null,
    explanation: explain(late ? "timeLate" : "timeMet", params),
    findings,
    shortfall: score.lt(w) ? "time" : null,
    overTarget: null,
  };
}

function qualitative(
  tier: QualitativeTier,
  w: Decimal,
  reported: Decimal | null,
  actualText: string,
  profile: RuleProfile,
  r: number,
  columns: IndicatorColumns
): Scored {
  const q = scoreQualitative(tier, w, reported, profile);
  const band = `[${formatScore(q.band.low)}, ${formatScore(q.band.high)}${q.band.highInclusive ? "]" : ")"}`;
  const tierName = explain(TIER_NAME[tier]);
  const params = {
    actual: actualText,
    tier: tierName,
    band,
    weight: formatScore(w),
    score: formatScore(q.score),
    reported: reported === null ? "" : formatScore(reported),
    fraction: formatPercentShort(dec(q.fraction)),
  };
  const key: ExplanationKey = q.kept
    ? "qualitativeKept"
    : reported === null
      ? "qualitativeDefaultEmpty"
      : "qualitativeDefault";
  const findings: Finding[] = [];
  if (q.review) {
    findings.push(
      makeFinding("QUALITATIVE_REVIEW", r, columns.score, {
        variant: reported === null ? "noReported" : "default",
        tier: tierName["zh-CN"],
        tierEn: tierName.en,
        reported: reported === null ? "" : formatScore(reported),
        band,
        score: formatScore(q.score),
      })
    );
  }
  return {
    kind: "QUAL",
    score: q.score,
    completion: null,
    explanation: explain(key, params),
    findings,
    shortfall: tier === "achieved" ? null : "qualitative",
    overTarget: null,
  };
}
