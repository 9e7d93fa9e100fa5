/**
 * Rows marked 不适用 under a profile that rescales (RULES Part B, "not applicable"): the row is not
 * scored and the total is brought back to 100 over the rows that apply:
 * total = round2((budget score + Σ other rows) × 100 ÷ (budget weight + Σ other rows' weights)).
 */
import type Decimal from "decimal.js";
import { toA1 } from "../grid";
import { formatQuantity, HUNDRED, round2, ZERO } from "../decimal";
import { makeFinding } from "../findings";
import { declaredSectionWeight } from "../detect/sections";
import { explain } from "../messages";
import type { IndicatorColumns, IndicatorRow } from "../model";
import { normalizeLabel } from "../parse";
import { readNumber, valueOf } from "./cells";
import type { RowEvaluation } from "./types";

const MARKS = new Set(["不适用", "不涉及", "n/a", "N/A"]);

export function isNotApplicable(row: IndicatorRow): boolean {
  return MARKS.has(normalizeLabel(row.actualText)) || MARKS.has(normalizeLabel(row.targetText));
}

export function notApplicableRow(row: IndicatorRow, columns: IndicatorColumns): RowEvaluation {
  const weight = valueOf(readNumber(row.weightCell));
  const reported = valueOf(readNumber(row.scoreCell));
  return {
    result: {
      row: row.row,
      scoreCell: toA1(row.row, columns.score),
      level1: declaredSectionWeight(row.level1)?.name ?? row.level1,
      level2: row.level2,
      level3: row.level3.trim(),
      target: row.targetText.trim(),
      actual: row.actualText.trim(),
      weight: weight === null ? null : weight.toNumber(),
      kind: null,
      completion: null,
      score: null,
      reportedScore: reported === null ? null : reported.toNumber(),
      countedScore: null,
      explanation: explain("notApplicable"),
      codes: [],
    },
    findings: [],
    weight,
    counted: null,
  };
}

export interface Rescaled {
  total: Decimal;
  base: Decimal;
  factor: Decimal;
}

/**
 * The rescaled total, and a NOT_APPLICABLE finding on each dropped row (added to its findings).
 * null when nothing was dropped or no weight is left to rescale over.
 */
export function rescaleTotal(
  total: Decimal,
  budgetWeight: Decimal | null,
  rows: readonly RowEvaluation[],
  dropped: ReadonlySet<number>,
  columns: IndicatorColumns
): Rescaled | null {
  if (dropped.size === 0) return null;
  let base = budgetWeight ?? ZERO;
  for (const r of rows) {
    if (!dropped.has(r.result.row) && r.weight !== null) base = base.plus(r.weight);
  }
  if (!base.gt(0)) return null;
  const factor = HUNDRED.div(base);
  const params = {
    base: formatQuantity(base),
    factor: formatQuantity(factor.toDecimalPlaces(4)),
  };
  for (const r of rows) {
    if (!dropped.has(r.result.row)) continue;
    r.findings.push(makeFinding("NOT_APPLICABLE", r.result.row, columns.score, params));
  }
  return { total: round2(total.times(factor)), base, factor };
}
