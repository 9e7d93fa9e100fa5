/**
 * The JSON report of `selfeval score --json FILE`: a public interface (docs/report-format.md).
 * Pure: outcomes in, plain JSON-ready objects out. Rows are 1-based here, as users see them.
 */
import Decimal from "decimal.js";
import type {
  Evaluation,
  FindingCode,
  Grade,
  IndicatorKind,
  Lang,
  Severity,
} from "../domain/model";

/** What happened to one 自评表 (a sheet may hold several). */
export interface SheetOutcome {
  evaluation: Evaluation;
  /** The scored copy holds our writes for this sheet. */
  written: boolean;
  /** Why nothing was written although the run writes (a protected sheet). */
  skipped: "protected" | null;
}

/** What happened to one input file. */
export interface FileOutcome {
  input: string;
  output: string | null;
  /** A one-line reason when the file could not be scored, in the run's language. */
  error: string | null;
  sheets: SheetOutcome[];
}

export interface BudgetReport {
  rate: number | null;
  score: number | null;
  weight: number;
  reportedRate: string | null;
  reportedScore: number | null;
  /** Sub-rows whose printed 执行率 / 得分 were recomputed (1-based rows). */
  subRows: { row: number; rate: number | null; score: number | null }[];
}

export interface IndicatorReport {
  row: number;
  scoreCell: string;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: number | null;
  kind: IndicatorKind | null;
  completion: number | null;
  score: number | null;
  reportedScore: number | null;
  explanation: string;
  codes: FindingCode[];
}

export interface FindingReport {
  code: FindingCode;
  severity: Severity;
  cell: string;
  row: number;
  message: string;
}

export interface BreakdownReport {
  row: number;
  parentRow: number;
  level3: string;
  target: string;
  actual: string;
}

export interface SheetReport {
  name: string;
  /** 1, 2 … : which 自评表 of the sheet this entry is. */
  form: number;
  /** The form's A1 range, e.g. "A1:J38". */
  range: string;
  projectName: string | null;
  budget: BudgetReport | null;
  indicators: IndicatorReport[];
  breakdowns: BreakdownReport[];
  total: number | null;
  grade: Grade | null;
  provisional: boolean;
  reportedTotal: number | null;
  reportedGrade: string | null;
  findings: FindingReport[];
  written: boolean;
  skipped: "protected" | null;
}

export interface FileReport {
  input: string;
  output: string | null;
  error: string | null;
  sheets: SheetReport[];
}

export interface Report {
  files: FileReport[];
}

/** Ratios are exact inside the engine; the report keeps enough places to reproduce every printed figure. */
function roundTo(value: number | null, places: number): number | null {
  if (value === null) return null;
  return new Decimal(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

export function sheetReport(outcome: SheetOutcome, lang: Lang): SheetReport {
  const e = outcome.evaluation;
  return {
    name: e.sheetName,
    form: e.form,
    range: e.range,
    projectName: e.projectName,
    budget: e.budget
      ? {
          rate: roundTo(e.budget.rate, 5),
          score: e.budget.score,
          weight: e.budget.weight,
          reportedRate: e.budget.reportedRate,
          reportedScore: e.budget.reportedScore,
          subRows: e.budget.subRows.map((r) => ({
            row: r.row + 1,
            rate: r.rateCell === null ? null : roundTo(r.rate, 5),
            score: r.score,
          })),
        }
      : null,
    indicators: e.indicators.map((i) => ({
      row: i.row + 1,
      scoreCell: i.scoreCell,
      level1: i.level1,
      level2: i.level2,
      level3: i.level3.trim(),
      target: i.target,
      actual: i.actual,
      weight: i.weight,
      kind: i.kind,
      completion: roundTo(i.completion, 4),
      score: i.score,
      reportedScore: i.reportedScore,
      explanation: i.explanation[lang],
      codes: [...i.codes],
    })),
    breakdowns: e.breakdowns.map((b) => ({
      row: b.row + 1,
      parentRow: b.parentRow + 1,
      level3: b.level3,
      target: b.target,
      actual: b.actual,
    })),
    total: e.total,
    grade: e.grade,
    provisional: e.provisional,
    reportedTotal: e.reportedTotal,
    reportedGrade: e.reportedGrade,
    findings: e.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      cell: f.cell,
      row: f.row + 1,
      message: f.message[lang],
    })),
    written: outcome.written,
    skipped: outcome.skipped,
  };
}

export function buildReport(files: FileOutcome[], lang: Lang): Report {
  return {
    files: files.map((f) => ({
      input: f.input,
      output: f.output,
      error: f.error,
      sheets: f.sheets.map((s) => sheetReport(s, lang)),
    })),
  };
}

/** Findings of one sheet by severity, for the summary table. */
export function countFindings(sheet: SheetReport): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of sheet.findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
  }
  return { errors, warnings };
}
