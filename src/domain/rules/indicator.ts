/**
 * One indicator row: parse target and actual, pick the rule (quantitative, time, qualitative),
 * score it, explain it and collect its findings. Rows that cannot be scored keep their reported
 * score (RULES A7) and say why.
 */
import type Decimal from "decimal.js";
import { toA1 } from "../grid";
import type { Cell } from "../grid";
import { dec, formatPercent, formatPercentShort, formatScore, differs } from "../decimal";
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
import type { QualitativeTier } from "../parse";
import type { RuleProfile } from "../profile-types";
import { quantityDisplay, quantityText, readNumber, valueOf } from "./cells";
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
  const own = normalizeText(cell.text ?? "") === normalizeText(text ?? "");
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

export function evaluateIndicator(
  row: IndicatorRow,
  columns: IndicatorColumns,
  profile: RuleProfile
): RowEvaluation {
  const r = row.row;
  const weightRead = readNumber(row.weightCell);
  const weight = valueOf(weightRead);
  const reported = valueOf(readNumber(row.scoreCell));
  const target = parse(row.targetText, row.targetCell);
  const actual = parse(row.actualText, row.actualCell);
  const targetShown = normalizeText(row.targetText ?? "");
  const actualShown = normalizeText(row.actualText ?? "");
  const findings: Finding[] = [];

  const notScored = (why: NotScored): RowEvaluation => {
    findings.push(...why.findings);
    const explanation =
      reported === null
        ? explain("notScoredNone", { reason: why.reason })
        : explain("notScoredKept", { reason: why.reason, reported: formatScore(reported) });
    return finish(null, null, null, explanation);
  };

  const finish = (
    kind: IndicatorKind | null,
    score: Decimal | null,
    completion: Decimal | null,
    explanation: LocalizedText
  ): RowEvaluation => {
    if (
      score !== null &&
      reported !== null &&
      differs(reported, score, profile.mismatchTolerance)
    ) {
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
        weight: weight === null ? null : weight.toNumber(),
        kind,
        completion: completion === null ? null : completion.toNumber(),
        score: score === null ? null : score.toNumber(),
        reportedScore: reported === null ? null : reported.toNumber(),
        countedScore: counted === null ? null : counted.toNumber(),
        explanation,
        codes: [],
      },
      findings,
      weight,
      counted,
    };
  };

  // ---- values that must be present ----
  const missing: Finding[] = [];
  let reason: LocalizedText | null = null;
  if (target.kind === "empty") {
    missing.push(makeFinding("MISSING_VALUE", r, columns.target, { variant: "target" }));
    reason = reason ?? explain("reasonMissingTarget");
  }
  if (actual.kind === "empty") {
    missing.push(makeFinding("MISSING_VALUE", r, columns.actual, { variant: "actual" }));
    reason = reason ?? explain("reasonMissingActual");
  }
  if (weightRead.kind === "empty") {
    missing.push(makeFinding("MISSING_VALUE", r, columns.weight, { variant: "weight" }));
    reason = reason ?? explain("reasonMissingWeight");
  } else if (weightRead.kind === "bad") {
    missing.push(
      makeFinding("UNPARSEABLE", r, columns.weight, { variant: "weight", text: weightRead.raw })
    );
    reason = reason ?? explain("reasonBadWeight", { text: weightRead.raw });
  }
  if (reason !== null || weight === null) {
    return notScored({ reason: reason ?? explain("reasonMissingWeight"), findings: missing });
  }
  const w = weight.isNegative() ? dec(0) : weight;

  const unparseable = (col: number, text: string): NotScored => ({
    reason: explain("reasonUnparseable", { text }),
    findings: [
      makeFinding("UNPARSEABLE", r, col, {
        variant: reported === null ? "noReported" : "default",
        text,
        reported: reported === null ? "" : formatScore(reported),
      }),
    ],
  });

  const kindMismatch = (): NotScored => ({
    reason: explain("reasonKindMismatch"),
    findings: [
      makeFinding("UNIT_MISMATCH", r, columns.actual, {
        variant: "kind",
        actual: actualShown,
        target: targetShown,
        actualUnit: "",
        targetUnit: "",
      }),
    ],
  });

  let outcome: Scored | NotScored;
  if (actual.kind === "text") {
    const tier: QualitativeTier | null =
      normalizeLabel(actual.raw) === normalizeLabel(target.raw)
        ? "achieved"
        : classifyQualitative(actual.raw);
    outcome =
      tier === null
        ? unparseable(columns.actual, actualShown)
        : qualitative(tier, w, reported, actualShown, profile, r, columns);
  } else if (target.kind === "text") {
    outcome = unparseable(columns.target, targetShown);
  } else if (target.kind === "time" || actual.kind === "time") {
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
    outcome =
      tPoint && aPoint
        ? timeRow(tPoint, aPoint, w, quantityText(target.raw), quantityText(actual.raw), r, columns)
        : kindMismatch();
  } else if (target.kind === "number" && actual.kind === "number") {
    const aligned = alignUnits(target, actual, row.unitText || undefined);
    if (!aligned.ok) {
      const noUnit = explain("noUnit");
      const unitParam = (u: string) => (u === "" ? noUnit : u);
      outcome = {
        reason: explain("reasonUnitMismatch", {
          targetUnit: unitParam(aligned.targetUnit),
          actualUnit: unitParam(aligned.actualUnit),
        }),
        findings: [
          makeFinding("UNIT_MISMATCH", r, columns.actual, {
            actual: actualShown,
            target: targetShown,
            actualUnit: aligned.actualUnit === "" ? "—" : aligned.actualUnit,
            targetUnit: aligned.targetUnit === "" ? "—" : aligned.targetUnit,
          }),
        ],
      };
    } else {
      const comparator = resolveComparator(target.comparator, row.level2, {
        isTime: false,
        unit: aligned.unit,
      });
      const q = scoreQuantitative(
        comparator,
        aligned.target,
        aligned.actual,
        w,
        profile.reverseRule
      );
      const show = {
        target: quantityDisplay(target.raw, aligned.target, aligned.unit, aligned.percent),
        actual: quantityDisplay(actual.raw, aligned.actual, aligned.unit, aligned.percent),
      };
      const factor = q.factor ?? q.completion;
      const params = {
        ...show,
        completion: factor === null ? "—" : formatPercent(factor),
        weight: formatScore(w),
        score: formatScore(q.score),
      };
      let explanation = explain(q.case, params);
      if (q.negativeActual) explanation = concatText(explain("negativeActual"), explanation);
      const over = isOverTarget(comparator, aligned.target, q.actual, profile.overTargetThreshold);
      outcome = {
        kind: comparator,
        score: q.score,
        completion: q.completion,
        explanation,
        findings: [],
        shortfall: q.score.lt(w) ? "quantitative" : null,
        overTarget: over ? (isReverse(comparator) ? "reverse" : "forward") : null,
      };
    }
  } else {
    // Unreachable: empty values returned above.
    outcome = kindMismatch();
  }

  if (!("score" in outcome)) return notScored(outcome);
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
        target: targetShown,
        actual: actualShown,
        score: formatScore(outcome.score),
        weight: formatScore(w),
        completion: outcome.completion === null ? "—" : formatPercent(outcome.completion),
      },
    })
  );
  return finish(outcome.kind, outcome.score, outcome.completion, outcome.explanation);
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
  const score = late ? dec(0) : w;
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
