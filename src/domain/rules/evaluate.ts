/**
 * evaluateLayout: the rules stage of the engine. Scores the budget and every indicator row,
 * totals them, grades the total and checks what the sheet already printed.
 * Deterministic, and independent of where the columns are: findings are ordered by row and code.
 */
import type Decimal from "decimal.js";
import type { CellGrid } from "../grid";
import { rangeToA1, toA1 } from "../grid";
import { codesOf, compareFindings, PROVISIONAL_CODES } from "../findings";
import type { Evaluation, Finding, TableLayout } from "../model";
import type { RuleProfile } from "../profile-types";
import { evaluateBudget } from "./budget";
import { breakdownFindings } from "./breakdown";
import { readPrinted, totalFindings } from "./consistency";
import { evaluateIndicator } from "./indicator";
import { isNotApplicable, notApplicableRow, rescaleTotal } from "./not-applicable";
import { gradeOf, sumTotal, weightFindings } from "./totals";

export function evaluateLayout(
  layout: TableLayout,
  grid: CellGrid,
  profile: RuleProfile
): Evaluation {
  const scored = evaluateBudget(layout.funds, grid, profile);
  // A template with no indicator filled in has nothing to total: report its missing values and
  // write nothing, rather than print 0 and 差 into a blank form.
  const unfilled = layout.indicators.length === 0;
  const budget =
    scored && unfilled ? { ...scored, result: { ...scored.result, score: null } } : scored;
  const rescaling = profile.notApplicable === "rescale";
  const dropped = new Set<number>();
  const rows = [...layout.indicators]
    .sort((a, b) => a.row - b.row)
    .map((row) => {
      if (!rescaling || !isNotApplicable(row))
        return evaluateIndicator(row, layout.columns, profile);
      dropped.add(row.row);
      return notApplicableRow(row, layout.columns);
    });

  const summed = unfilled
    ? null
    : sumTotal(
        budget ? budget.score : null,
        rows.map((r) => r.counted)
      );
  const rescaled =
    summed === null
      ? null
      : rescaleTotal(summed, budget ? budget.weight : null, rows, dropped, layout.columns);
  const total = rescaled ? rescaled.total : summed;
  const rowWeights = new Map<number, Decimal | null>(rows.map((r) => [r.result.row, r.weight]));
  const printed = readPrinted(grid, layout);

  const parts = breakdownFindings(
    layout.breakdowns,
    layout.indicators,
    layout.columns,
    profile.mismatchTolerance
  );
  // Pushed one list after another: flatMap and nested spreads copy through a slow generic path.
  const findings: Finding[] = budget ? [...budget.findings] : [];
  for (const r of rows) for (const f of r.findings) findings.push(f);
  findings.push(...parts);
  if (!unfilled) {
    findings.push(
      ...weightFindings(
        layout,
        rowWeights,
        budget ? budget.weight : null,
        profile.mismatchTolerance
      ),
      ...totalFindings(layout, printed, total, profile)
    );
  }
  findings.sort(compareFindings);

  const indicators = rows.map((r) => {
    const own = parts.filter((f) => f.row === r.result.row);
    return { ...r.result, codes: codesOf(own.length ? [...r.findings, ...own] : r.findings) };
  });

  const evaluation: Evaluation = {
    sheetName: layout.sheetName,
    form: layout.form,
    range: rangeToA1(layout.range),
    profileId: profile.id,
    projectName: layout.projectName,
    layout,
    budget: budget ? budget.result : null,
    indicators,
    breakdowns: layout.breakdowns.map((b) => ({
      row: b.row,
      parentRow: b.parentRow,
      level3: b.level3,
      target: b.targetText.trim(),
      actual: b.actualText.trim(),
    })),
    total: total === null ? null : total.toNumber(),
    grade: total === null ? null : gradeOf(total, profile.gradeBands),
    provisional: findings.some((f) => PROVISIONAL_CODES.includes(f.code)),
    reportedTotal: printed.total === null ? null : printed.total.toNumber(),
    reportedGrade: printed.gradeText,
    totalCell: layout.total ? toA1(layout.total.row, layout.total.scoreCol) : null,
    gradeCell: layout.gradeCell ? toA1(layout.gradeCell.row, layout.gradeCell.col) : null,
    findings,
  };
  if (rescaled) {
    evaluation.rescaled = {
      base: rescaled.base.toNumber(),
      factor: rescaled.factor.toNumber(),
      rows: [...dropped],
    };
  }
  return evaluation;
}
