/**
 * A formula in a cell we own is the user's work: the plan leaves it alone, and this check reports it
 * when its cached value differs from what the rules give (FORMULA_KEPT), so nothing diverges silently.
 */
import Decimal from "decimal.js";
import { cellAt, fromA1, type CellGrid, type CellValue } from "./grid";
import { codesOf, compareFindings, makeFinding } from "./findings";
import type { Evaluation, Finding } from "./model";
import type { WritePlan } from "./plan-types";

function sameValue(cached: CellValue, ours: CellValue, tolerance: number): boolean {
  if (typeof cached === "number" && typeof ours === "number")
    return new Decimal(cached).minus(ours).abs().lte(tolerance);
  return String(cached ?? "").trim() === String(ours ?? "").trim();
}

export function formulaFindings(plan: WritePlan, grid: CellGrid, tolerance: number): Finding[] {
  const out: Finding[] = [];
  for (const skip of plan.skipped) {
    if (skip.reason !== "formula") continue;
    const { row, col } = fromA1(skip.address);
    const cached = cellAt(grid, row, col).value;
    if (sameValue(cached, skip.value, tolerance)) continue;
    out.push(makeFinding("FORMULA_KEPT", row, col, { value: String(skip.value ?? "") }));
  }
  return out;
}

/** The evaluation with formula findings merged in, each also listed in its row's codes. */
export function withFormulaFindings(evaluation: Evaluation, extra: Finding[]): Evaluation {
  if (extra.length === 0) return evaluation;
  const findings = [...evaluation.findings, ...extra].sort(compareFindings);
  const indicators = evaluation.indicators.map((r) => {
    const mine = extra.filter((f) => f.row === r.row);
    return mine.length
      ? { ...r, codes: codesOf([...findingsOfRow(evaluation, r.row), ...mine]) }
      : r;
  });
  return { ...evaluation, findings, indicators };
}

function findingsOfRow(evaluation: Evaluation, row: number): Finding[] {
  return evaluation.findings.filter((f) => f.row === row);
}
