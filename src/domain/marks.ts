/**
 * The marks the product leaves in a sheet, by what the accountant has to do about them — not by
 * finding severity. Three kinds, each with its own fill:
 *
 * - 扣分 (deduction): the row lost points; its 得分 cell gets the strongest fill.
 * - 待说明 (explain): a reason is missing; the 偏差原因分析 cell (or the 执行率 reason cell) is filled.
 * - 待复核 (review): a printed figure differs from the rules, or a value could not be read; the cell
 *   in question is filled.
 *
 * The fills come from Excel's built-in cell-style palette and are far apart in luminance, so the
 * three kinds stay distinguishable on a greyscale printout and black text stays readable on each.
 */
import { dec } from "./decimal";
import type { BudgetResult, FindingCode, IndicatorResult, Lang, LocalizedText } from "./model";

export type MarkKind = "deduction" | "explain" | "review";

/** Strongest first: when two kinds land on one cell, the earlier one is shown. */
export const MARK_KINDS: readonly MarkKind[] = ["deduction", "review", "explain"];

/**
 * deduction: the "Accent 2" cell style (luma ≈ 150 of 255, black text 7.6:1);
 * review: "40% – Accent 1" (luma ≈ 196, 12:1); explain: "Neutral" (luma ≈ 232, 17:1).
 */
export const MARK_FILLS: Readonly<Record<MarkKind, string>> = Object.freeze({
  deduction: "#ED7D31",
  review: "#B4C6E7",
  explain: "#FFEB9C",
});

export const MARK_LABELS: Readonly<Record<MarkKind, LocalizedText>> = Object.freeze({
  deduction: { "zh-CN": "扣分", en: "Points lost" },
  explain: { "zh-CN": "待说明", en: "Explanation missing" },
  review: { "zh-CN": "待复核", en: "To review" },
});

const MARK_MEANINGS: Readonly<Record<MarkKind, LocalizedText>> = {
  deduction: { "zh-CN": "该行被扣分（得分单元格）", en: "the row lost points (its score cell)" },
  explain: {
    "zh-CN": "缺少偏差原因，请在该单元格说明",
    en: "a reason is missing: write it in this cell",
  },
  review: {
    "zh-CN": "表中数字与规则不符或无法读取，请核对",
    en: "a printed figure differs or could not be read: please check it",
  },
};

const COLOUR_NAMES: Readonly<Record<MarkKind, LocalizedText>> = {
  deduction: { "zh-CN": "橙色", en: "orange" },
  review: { "zh-CN": "蓝色", en: "blue" },
  explain: { "zh-CN": "黄色", en: "yellow" },
};

/** Which kind of mark a finding leaves on its own cell; null when it leaves none. */
const KIND_OF_CODE: Readonly<Record<FindingCode, MarkKind | null>> = {
  // Lost points are marked on the row's 得分 cell from the scores themselves (see pointsLost).
  SHORTFALL: null,
  LATE: null,
  OVER_TARGET: null,
  NOTE_MISSING: "explain",
  RATE_REASON_MISSING: "explain",
  SCORE_MISMATCH: "review",
  RATE_MISMATCH: "review",
  TOTAL_MISMATCH: "review",
  GRADE_MISMATCH: "review",
  WEIGHT_SUM: "review",
  UNIT_MISMATCH: "review",
  UNPARSEABLE: "review",
  MISSING_VALUE: "review",
  BUDGET_TOTAL_MISMATCH: "review",
  QUALITATIVE_REVIEW: "review",
  // A reading was assumed (94844 against ≥5万人): the value to check is on that cell.
  UNIT_ASSUMED: "review",
  // The breakdown rows do not add up to their parent: a printed figure to check.
  BREAKDOWN_SUM: "review",
  // The row is out of the total by the profile's choice: nothing to fix on the sheet.
  NOT_APPLICABLE: null,
  // Added after the plan (the formula was kept): the cell is the user's, and the pane lists it.
  FORMULA_KEPT: null,
};

export function markKindOf(code: FindingCode): MarkKind | null {
  return KIND_OF_CODE[code];
}

/** The stronger of two kinds (either may be absent). */
export function strongerKind(a: MarkKind | null, b: MarkKind | null): MarkKind | null {
  if (a === null) return b;
  if (b === null) return a;
  return MARK_KINDS.indexOf(a) <= MARK_KINDS.indexOf(b) ? a : b;
}

/**
 * Points a row lost against its 分值, exact to 2 decimals; 0 when it lost none, and 0 when it could
 * not be scored (its printed score is kept and the row is marked for review instead).
 */
export function pointsLost(row: Pick<IndicatorResult, "score" | "weight">): number {
  if (row.score === null || row.weight === null) return 0;
  // Distinct numbers order as their decimal texts do: only a real loss needs the exact difference.
  if (!(row.weight > row.score)) return 0;
  const lost = dec(row.weight).minus(row.score);
  return lost.gt(0) ? lost.toNumber() : 0;
}

export function budgetPointsLost(budget: Pick<BudgetResult, "score" | "weight">): number {
  return pointsLost({ score: budget.score, weight: budget.weight });
}

/** The legend written into the total cell's note and shown in the pane. */
export function markLegend(lang: Lang): string[] {
  const title = lang === "zh-CN" ? "底色说明：" : "Fills:";
  const lines = MARK_KINDS.map(
    (kind) =>
      `${COLOUR_NAMES[kind][lang]} = ${MARK_LABELS[kind][lang]}${lang === "zh-CN" ? "：" : ": "}${MARK_MEANINGS[kind][lang]}`
  );
  return [title, ...lines];
}

export function markMeaning(kind: MarkKind, lang: Lang): string {
  return MARK_MEANINGS[kind][lang];
}
