/**
 * Totals, weights and grade (RULES A7).
 */
import type Decimal from "decimal.js";
import { differs, formatScore, HUNDRED, round2, ZERO } from "../decimal";
import { makeFinding } from "../findings";
import type { Finding, Grade, TableLayout } from "../model";
import type { RuleProfile } from "../profile-types";

/** Budget score + every row's counted score (each already rounded), rounded once more. */
export function sumTotal(
  budget: Decimal | null,
  counted: readonly (Decimal | null)[]
): Decimal | null {
  const parts = [budget, ...counted].filter((v): v is Decimal => v !== null);
  if (budget === null && counted.length === 0) return null;
  return round2(parts.reduce((sum, v) => sum.plus(v), ZERO));
}

export function gradeOf(total: Decimal, bands: RuleProfile["gradeBands"]): Grade {
  if (total.gte(bands.excellent)) return "优";
  if (total.gte(bands.good)) return "良";
  if (total.gte(bands.pass)) return "中";
  return "差";
}

/** Where a whole-table weight finding points: the 总分 row's 分值, else its 得分, else the header. */
function weightCell(layout: TableLayout): { row: number; col: number } {
  if (layout.total) {
    return { row: layout.total.row, col: layout.total.weightCol ?? layout.total.scoreCol };
  }
  return { row: layout.indicatorHeaderRow, col: layout.columns.weight };
}

/**
 * WEIGHT_SUM when budget weight + Σ indicator weights ≠ 100, and for each 一级 label whose declared
 * weight differs from the sum of its rows. Unreadable weights count as 0 (already reported).
 */
export function weightFindings(
  layout: TableLayout,
  rowWeights: ReadonlyMap<number, Decimal | null>,
  budgetWeight: Decimal | null,
  tolerance: number
): Finding[] {
  const out: Finding[] = [];
  const indicatorWeight = [...rowWeights.values()].reduce<Decimal>(
    (sum, w) => (w === null ? sum : sum.plus(w)),
    ZERO
  );
  const sum = indicatorWeight.plus(budgetWeight ?? ZERO);
  if (differs(sum, HUNDRED, tolerance)) {
    const at = weightCell(layout);
    out.push(
      makeFinding("WEIGHT_SUM", at.row, at.col, {
        budgetWeight: formatScore(budgetWeight ?? ZERO),
        indicatorWeight: formatScore(indicatorWeight),
        sum: formatScore(sum),
      })
    );
  }
  for (const section of layout.sections) {
    const sectionSum = section.rows.reduce<Decimal>((acc, row) => {
      const w = rowWeights.get(row);
      return w === null || w === undefined ? acc : acc.plus(w);
    }, ZERO);
    if (differs(sectionSum, section.weight, tolerance)) {
      out.push(
        makeFinding("WEIGHT_SUM", section.cell.row, section.cell.col, {
          variant: "section",
          section: section.label,
          declared: formatScore(section.weight),
          sum: formatScore(sectionSum),
        })
      );
    }
  }
  return out;
}
