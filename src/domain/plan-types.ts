import type { CellValue, CellState, SheetSnapshot } from "./grid";

export type WriteReason = "score" | "rate" | "budgetScore" | "total" | "grade";

/** A value the product owns and writes. Keeps the template's representation (number stays number). */
export interface CellWrite {
  row: number;
  col: number;
  address: string;
  value: CellValue;
  /** Set only when the cell needs a format to show the value (e.g. a rate written into an empty cell). */
  numberFormat?: string;
  reason: WriteReason;
}

/** A fill and/or note the product adds. null fill/note means "none from us". */
export interface CellMark {
  row: number;
  col: number;
  address: string;
  fill: string | null;
  note: string | null;
}

export interface SkippedWrite {
  address: string;
  /** formula: the user's formula is kept; placeholder: the user typed "/", "—", "无" … there. */
  reason: "formula" | "protected" | "placeholder";
  /** What we would have written. */
  value: CellValue;
}

export interface WritePlan {
  sheetName: string;
  writes: CellWrite[];
  marks: CellMark[];
  skipped: SkippedWrite[];
}

export interface PlanOptions {
  highlights: boolean;
  notes: boolean;
  /** Overwrite formulas in cells we own (off by default: the formula is the user's work). */
  replaceFormulas: boolean;
  lang: "zh-CN" | "en";
}

/**
 * The final state of one cell after applying a plan on top of a snapshot: what a host writes.
 * Cells in the old snapshot that the new plan no longer touches go back to their original state.
 */
export interface ResolvedCell {
  row: number;
  col: number;
  address: string;
  state: CellState;
}

export interface ResolvedWrite {
  sheetName: string;
  cells: ResolvedCell[];
  /**
   * The snapshot to keep in the document after this write: originals of every cell ever touched,
   * and in `written` the states of `cells` above.
   */
  snapshot: SheetSnapshot;
}
