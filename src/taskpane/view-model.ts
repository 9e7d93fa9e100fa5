/**
 * What the pane shows, worked out from an Evaluation without React: whether the total can be
 * trusted, where it sits against the grade bands, 得分 against 分值 per 一级指标, and the to-do list —
 * one item per indicator, the one that lost the most points first. Pure, so each rule is tested
 * without rendering.
 */
import { dec } from "../domain/decimal";
import { budgetPointsLost, markKindOf, pointsLost } from "../domain/marks";
import type { Evaluation, Finding, FindingCode, Grade, LocalizedText } from "../domain/model";

// ---------- trust ----------

export type TrustProblem =
  | { kind: "weights"; sum: number | null }
  | { kind: "over100"; total: number }
  | { kind: "unreadable"; count: number }
  | { kind: "provisional"; count: number }
  | { kind: "noTotal" };

const UNREADABLE: readonly FindingCode[] = ["UNPARSEABLE", "UNIT_MISMATCH", "MISSING_VALUE"];

/** Σ 分值 of the budget and every indicator, when every weight is known. */
export function weightSum(evaluation: Evaluation): number | null {
  let sum = dec(evaluation.budget?.weight ?? 0);
  for (const row of evaluation.indicators) {
    if (row.weight === null) return null;
    sum = sum.plus(row.weight);
  }
  return sum.toNumber();
}

/** Why the total (and so the grade) cannot be taken as the result; empty when it can. */
export function trustProblems(evaluation: Evaluation): TrustProblem[] {
  const problems: TrustProblem[] = [];
  const sum = weightSum(evaluation);
  // The engine decides whether the weights add up (a profile may weigh the budget differently).
  if (evaluation.findings.some((f) => f.code === "WEIGHT_SUM"))
    problems.push({ kind: "weights", sum });
  if (evaluation.total === null) problems.push({ kind: "noTotal" });
  else if (evaluation.total > 100) problems.push({ kind: "over100", total: evaluation.total });
  const unreadable = evaluation.findings.filter((f) => UNREADABLE.includes(f.code)).length;
  if (unreadable > 0) problems.push({ kind: "unreadable", count: unreadable });
  const kept = evaluation.indicators.filter((r) => r.score === null).length;
  if (evaluation.provisional) problems.push({ kind: "provisional", count: kept });
  return problems;
}

// ---------- bands ----------

export const GRADE_BANDS: readonly { grade: Grade; from: number }[] = [
  { grade: "优", from: 90 },
  { grade: "良", from: 80 },
  { grade: "中", from: 60 },
];

/** "距优 1.17 分" (the next band up) or, at the top, "高于优 8.83 分". */
export type BandPosition =
  { kind: "below"; grade: Grade; points: number } | { kind: "above"; grade: Grade; points: number };

export function bandPosition(total: number | null): BandPosition | null {
  if (total === null) return null;
  const top = GRADE_BANDS[0];
  if (total >= top.from) return { kind: "above", grade: top.grade, points: diff(total, top.from) };
  const next = [...GRADE_BANDS].reverse().find((b) => total < b.from) ?? top;
  return { kind: "below", grade: next.grade, points: diff(next.from, total) };
}

function diff(a: number, b: number): number {
  return dec(a).minus(b).toNumber();
}

// ---------- sections (the chart) ----------

export const BUDGET_SECTION = "budget";

export interface SectionScore {
  /** BUDGET_SECTION or the 一级指标 text. */
  key: string;
  /** null for the budget: the pane names it. */
  label: string | null;
  weight: number;
  score: number;
  lost: number;
}

export function sectionScores(evaluation: Evaluation): SectionScore[] {
  const out: SectionScore[] = [];
  const b = evaluation.budget;
  if (b) {
    out.push({
      key: BUDGET_SECTION,
      label: null,
      weight: b.weight,
      score: b.score ?? 0,
      lost: budgetPointsLost(b),
    });
  }
  const byLabel = new Map<string, SectionScore>();
  for (const row of evaluation.indicators) {
    const key = row.level1.trim() || "—";
    let s = byLabel.get(key);
    if (!s) {
      s = { key, label: key, weight: 0, score: 0, lost: 0 };
      byLabel.set(key, s);
      out.push(s);
    }
    s.weight = dec(s.weight)
      .plus(row.weight ?? 0)
      .toNumber();
    s.score = dec(s.score)
      .plus(row.countedScore ?? 0)
      .toNumber();
    s.lost = dec(s.lost).plus(pointsLost(row)).toNumber();
  }
  return out;
}

// ---------- to-do list ----------

export type TodoKind = "indicator" | "budget" | "other";

export interface Todo {
  key: string;
  /** 0-based sheet row. */
  row: number;
  kind: TodoKind;
  /** The indicator's name; null for the budget and rows without one (the pane names them). */
  name: string | null;
  /** The chart section it belongs to (BUDGET_SECTION, a 一级指标, or null). */
  section: string | null;
  lost: number;
  explain: boolean;
  review: boolean;
  /** The cell a click selects: the 得分 cell when points were lost, else the first marked cell. */
  cell: string;
  findings: Finding[];
  /** How the row was scored, for an item that lost points without a finding (the budget). */
  explanation: LocalizedText | null;
}

/** Codes that ask for a check in the pane (the sheet's 待复核, plus a kept formula that differs). */
function isReview(code: FindingCode): boolean {
  return markKindOf(code) === "review" || code === "FORMULA_KEPT";
}

/**
 * One item per row that asks something of the user, most points lost first, then rows to check,
 * then rows that only lack an explanation; ties in sheet order.
 */
export function todoList(evaluation: Evaluation): Todo[] {
  const byRow = new Map<number, Finding[]>();
  for (const f of evaluation.findings) {
    const list = byRow.get(f.row);
    if (list) list.push(f);
    else byRow.set(f.row, [f]);
  }
  const items: Todo[] = [];
  const add = (
    row: number,
    kind: TodoKind,
    name: string | null,
    section: string | null,
    lost: number,
    scoreCell: string | null,
    explanation: LocalizedText | null
  ) => {
    const findings = byRow.get(row) ?? [];
    byRow.delete(row);
    const explain = findings.some((f) => markKindOf(f.code) === "explain");
    const review = findings.some((f) => isReview(f.code));
    if (lost <= 0 && !explain && !review) return;
    // The cell to work on: the lost score, else the figure to check, else the reason to write.
    const target =
      findings.find((f) => isReview(f.code)) ??
      findings.find((f) => markKindOf(f.code) === "explain") ??
      findings[0];
    const cell = lost > 0 && scoreCell ? scoreCell : (target?.cell ?? scoreCell ?? "");
    items.push({
      key: `row-${row}`,
      row,
      kind,
      name,
      section,
      lost,
      explain,
      review,
      cell,
      findings,
      explanation,
    });
  };

  const b = evaluation.budget;
  if (b) {
    const cell = b.scoreCell ?? b.rateCell;
    add(b.row, "budget", null, BUDGET_SECTION, budgetPointsLost(b), cell, b.explanation);
  }
  for (const r of evaluation.indicators) {
    const section = r.level1.trim() || "—";
    add(r.row, "indicator", r.level3, section, pointsLost(r), r.scoreCell, r.explanation);
  }
  for (const row of [...byRow.keys()].sort((x, y) => x - y)) {
    add(row, "other", null, null, 0, null, null);
  }

  const weight = (t: Todo) => (t.review ? 0 : t.explain ? 1 : 2);
  return items.sort((a, b) => b.lost - a.lost || weight(a) - weight(b) || a.row - b.row);
}

/** The settings fields that change what a recompute produces (the language only relabels). */
export function scoringKey(settings: Record<string, unknown>): string {
  const keys = Object.keys(settings).filter((k) => k !== "lang");
  return JSON.stringify(keys.sort().map((k) => [k, settings[k]]));
}
