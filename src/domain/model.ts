/**
 * The typed hand-offs between engine stages: detect → parse → evaluate → plan.
 * Coordinates are absolute and 0-based like CellGrid; reports convert to 1-based rows and A1.
 */
import type Decimal from "decimal.js";
import type { Cell } from "./grid";

export type Lang = "zh-CN" | "en";
export interface LocalizedText {
  "zh-CN": string;
  en: string;
}

// ---------- parse ----------

export type Comparator = "GE" | "GT" | "LE" | "LT" | "EQ";

/** A date or month. `year`/`day` are absent when the text gives only a month. */
export interface TimePoint {
  year?: number;
  month: number;
  day?: number;
}

export type ParsedValue =
  | { kind: "empty"; raw: string }
  | {
      kind: "number";
      raw: string;
      /** null when the text carries no comparator (the caller applies the row's default). */
      comparator: Comparator | null;
      /** Multiplier applied, as a fraction when `percent` (97.3% → 0.973). */
      value: Decimal;
      percent: boolean;
      /** Unit text after the number, multiplier and "/" removed ("44.9204万人" → "人", "2.6亿元" → "元"); "" when none. */
      unit: string;
    }
  | { kind: "time"; raw: string; comparator: Comparator | null; point: TimePoint }
  | {
      kind: "text";
      raw: string;
      /** NFKC-normalised, trimmed, inner whitespace removed */ text: string;
    };

// ---------- detect ----------

export interface CellRef {
  row: number;
  col: number;
}

export interface FundsColumns {
  label: number;
  initial: number | null; // 年初预算数
  adjusted: number | null; // 全年预算数
  executed: number | null; // 全年执行数
  weight: number | null; // 分值
  rate: number | null; // 执行率
  score: number | null; // 得分
}

export type FundsRowKind = "total" | "fiscal" | "carryover" | "other";

export interface FundsRow {
  row: number;
  kind: FundsRowKind;
  label: string;
}

export interface FundsBlock {
  headerRow: number;
  /** 万元 unless the label says 元. Amounts are compared within one block, so the unit only matters for display. */
  unit: "万元" | "元";
  columns: FundsColumns;
  /** The 年度资金总额 row, if present. */
  totalRow: FundsRow | null;
  subRows: FundsRow[];
}

export interface IndicatorColumns {
  level1: number | null;
  level2: number | null;
  level3: number;
  /** 年度指标值; with split columns this is the 指标值 column. */
  target: number;
  actual: number;
  weight: number;
  score: number;
  note: number | null;
  /** Split-column forms: 指标性质 (≥ ≤ = 定性) and 度量单位. */
  nature: number | null;
  unit: number | null;
}

/** One 一级 label that declares its section weight, e.g. 产出指标（50）. */
export interface SectionDecl {
  label: string;
  weight: Decimal;
  cell: CellRef;
  /** Rows (absolute) of the indicators that carry this label. */
  rows: number[];
}

export interface IndicatorRow {
  row: number;
  level1: string;
  level2: string;
  level3: string;
  /** Text of the target as the form means it; split-column forms are joined: nature + value + unit. */
  targetText: string;
  actualText: string;
  /** The raw cells, so percent-formatted numbers can be read as percentages. */
  targetCell: Cell;
  actualCell: Cell;
  /** With split columns: the 度量单位 text that applies to both sides. */
  unitText: string;
  weightCell: Cell;
  scoreCell: Cell;
  noteText: string;
}

/**
 * A row printed under a weighted indicator that details it (其中：某作物种植面积): no 分值 and no
 * 得分 of its own, so it is neither scored nor counted.
 */
export interface BreakdownRow {
  row: number;
  /** The weighted row it details. */
  parentRow: number;
  level3: string;
  targetText: string;
  actualText: string;
  targetCell: Cell;
  actualCell: Cell;
}

export interface TotalRow {
  row: number;
  weightCol: number | null;
  scoreCol: number;
}

/** A rectangle of cells, absolute 0-based, bounds inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface TableLayout {
  sheetName: string;
  /** 1, 2 … : which 自评表 of the sheet this is, top to bottom (most sheets hold one). */
  form: number;
  /** The rows and columns this form occupies, from its title to its 总分 (or grade) row. */
  range: CellRange;
  projectName: string | null;
  funds: FundsBlock | null;
  indicatorHeaderRow: number;
  columns: IndicatorColumns;
  indicators: IndicatorRow[];
  sections: SectionDecl[];
  total: TotalRow | null;
  /** Where the grade is (or should be) written: a labelled cell or the word beside the total. */
  gradeCell: CellRef | null;
  skippedRows: { row: number; reason: "placeholder" | "parent" | "empty" }[];
  /** Rows that detail the row above them; not indicators. */
  breakdowns: BreakdownRow[];
}

export type DetectFailure = {
  ok: false;
  reason: "no-table" | "no-indicator-header";
  detail?: string;
};

export type DetectResult = { ok: true; layout: TableLayout } | DetectFailure;

/** Every 自评表 on a sheet, top to bottom. */
export type DetectFormsResult = { ok: true; layouts: TableLayout[] } | DetectFailure;

// ---------- evaluate ----------

export type Severity = "error" | "warning" | "info";

export const FINDING_CODES = [
  "SHORTFALL",
  "OVER_TARGET",
  "NOTE_MISSING",
  "LATE",
  "SCORE_MISMATCH",
  "RATE_MISMATCH",
  "TOTAL_MISMATCH",
  "GRADE_MISMATCH",
  "WEIGHT_SUM",
  "UNIT_MISMATCH",
  "UNPARSEABLE",
  "MISSING_VALUE",
  "BUDGET_TOTAL_MISMATCH",
  "QUALITATIVE_REVIEW",
  "RATE_REASON_MISSING",
  "FORMULA_KEPT",
  "UNIT_ASSUMED",
  "BREAKDOWN_SUM",
  "NOT_APPLICABLE",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** Absolute 0-based cell the finding is about. */
  row: number;
  col: number;
  /** A1 address, e.g. "J13". */
  cell: string;
  /** Values interpolated into the catalogue message. */
  params: Record<string, string | number>;
  message: LocalizedText;
}

export type IndicatorKind = "GE" | "GT" | "LE" | "LT" | "EQ" | "TIME" | "QUAL";
export type Grade = "优" | "良" | "中" | "差";

export interface IndicatorResult {
  row: number;
  /** A1 of the 得分 cell. */
  scoreCell: string;
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: number | null;
  kind: IndicatorKind | null;
  /** A / T (or T / A for LE/LT), unrounded, as a number; null when not computed. */
  completion: number | null;
  /** Computed score, rounded half-up at 2 decimals; null when the row cannot be scored. */
  score: number | null;
  reportedScore: number | null;
  /** The score that counts in the total: computed, or the reported one when not computable. */
  countedScore: number | null;
  explanation: LocalizedText;
  codes: FindingCode[];
}

/** A funds sub-row's own rate and score, computed only where the form already prints a number. */
export interface FundsSubRowResult {
  row: number;
  /** Set when the sub-row's 执行率 cell holds a number (else left as the form has it). */
  rateCell: string | null;
  /** Set when the sub-row's 得分 cell holds a number. */
  scoreCell: string | null;
  rate: number | null;
  score: number | null;
}

export interface BudgetResult {
  row: number;
  rateCell: string | null;
  scoreCell: string | null;
  /** Unrounded rate as a number (0.99821…); null when it cannot be computed. */
  rate: number | null;
  score: number | null;
  weight: number;
  reportedRate: string | null;
  reportedScore: number | null;
  explanation: LocalizedText;
  /** Sub-rows (其中：财政拨款 …) whose printed rate or score is recomputed. */
  subRows: FundsSubRowResult[];
}

export interface BreakdownResult {
  row: number;
  parentRow: number;
  level3: string;
  target: string;
  actual: string;
}

export interface Evaluation {
  sheetName: string;
  /** 1, 2 … : which 自评表 of the sheet (TableLayout.form). */
  form: number;
  /** The form's A1 range on its sheet, e.g. "A1:J38". */
  range: string;
  profileId: string;
  projectName: string | null;
  layout: TableLayout;
  budget: BudgetResult | null;
  indicators: IndicatorResult[];
  /** Rows that detail an indicator (其中 …): shown, not scored. */
  breakdowns: BreakdownResult[];
  total: number | null;
  grade: Grade | null;
  /** True when some row could not be scored and kept its reported score. */
  provisional: boolean;
  /** Set when rows marked 不适用 were dropped and the total rescaled (profile option). */
  rescaled?: { base: number; factor: number; rows: number[] };
  reportedTotal: number | null;
  reportedGrade: string | null;
  totalCell: string | null;
  gradeCell: string | null;
  findings: Finding[];
}
