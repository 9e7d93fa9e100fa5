/**
 * Pure conversions between what Office.js hands over and the engine's cell model, and the grouping
 * of writes into ranges. No `Excel` or `Office` here, so all of it is unit-testable in Node.
 */
import type { Cell, CellState, CellValue, MergedArea } from "../../domain/grid";
import { fromA1 } from "../../domain/grid";
import type { ResolvedCell } from "../../domain/plan-types";

/** Excel reports an empty cell as "". */
export function fromExcelValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * Strings written to `values`/`formulas` are parsed like typed input: "99.82%" would become the
 * number 0.9982, "12" a number, "=x" a formula, "TRUE" a boolean. A leading apostrophe keeps the
 * text as it is (Excel stores it as a quote prefix, not as part of the value).
 */
export function needsQuotePrefix(text: string): boolean {
  return (
    /^[=+\-@'(]/.test(text) ||
    /^\s*[\d.$¥￥€£]/.test(text) ||
    /^\s*(true|false)\s*$/i.test(text) ||
    /^\s+|\s+$/.test(text)
  );
}

export type ExcelInput = string | number | boolean;

export function toExcelInput(value: CellValue): ExcelInput {
  if (value === null) return "";
  if (typeof value === "string" && needsQuotePrefix(value)) return `'${value}`;
  return value;
}

/** What to put in `formulas` for a cell state: its formula, else its value. */
export function formulaInput(state: CellState): ExcelInput {
  return state.formula !== undefined ? `=${state.formula}` : toExcelInput(state.value);
}

/** Cell-properties fill → "#RRGGBB" or null. Excel reports white for "no fill", with pattern None. */
export function fillFromProperties(
  fill: { color?: string; pattern?: string } | undefined
): string | null {
  if (!fill || !fill.color || fill.pattern === "None") return null;
  return fill.color.toUpperCase();
}

/** "Sheet1!A1:B2, 'My, sheet'!C3" → merged areas. The sheet part is ignored: only one sheet is asked. */
export function parseAreaAddresses(address: string): MergedArea[] {
  const out: MergedArea[] = [];
  const re = /!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
  for (const m of address.matchAll(re)) {
    const a = fromA1(`${m[1]}${m[2]}`);
    const b = m[3] ? fromA1(`${m[3]}${m[4]}`) : a;
    out.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  return out;
}

/** A cell from the arrays Office.js returns for one position. */
export function cellFromExcel(
  value: unknown,
  text: unknown,
  numberFormat: unknown,
  formula: unknown,
  fill: string | null,
  note: string | null | undefined
): Cell {
  const cell: Cell = {
    value: fromExcelValue(value),
    text: typeof text === "string" ? text : String(text ?? ""),
    numberFormat:
      typeof numberFormat === "string" && numberFormat !== "" ? numberFormat : "General",
    fill,
  };
  if (typeof formula === "string" && formula.startsWith("=") && formula.length > 1) {
    cell.formula = formula.slice(1);
  }
  if (note !== undefined) cell.note = note;
  return cell;
}

/** Consecutive cells of one column: written as one range. */
export interface ColumnRun {
  col: number;
  top: number;
  cells: ResolvedCell[];
}

/** Groups cells into vertical runs (same column, consecutive rows), in column then row order. */
export function columnRuns(cells: readonly ResolvedCell[]): ColumnRun[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: ColumnRun[] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === cell.col && last.top + last.cells.length === cell.row) {
      last.cells.push(cell);
    } else {
      runs.push({ col: cell.col, top: cell.row, cells: [cell] });
    }
  }
  return runs;
}

/** Maximal sub-runs whose cells share the same fill, for one fill command each. */
export function fillSpans(run: ColumnRun): { top: number; rows: number; fill: string | null }[] {
  const spans: { top: number; rows: number; fill: string | null }[] = [];
  for (const cell of run.cells) {
    const last = spans[spans.length - 1];
    if (last && last.fill === cell.state.fill && last.top + last.rows === cell.row) last.rows++;
    else spans.push({ top: cell.row, rows: 1, fill: cell.state.fill });
  }
  return spans;
}

/** Rough JSON size of what a run sends: enough to keep each request under the payload limit. */
export function estimateRunBytes(run: ColumnRun): number {
  let bytes = 200;
  for (const cell of run.cells) {
    bytes +=
      60 + JSON.stringify(formulaInput(cell.state)).length * 3 + cell.state.numberFormat.length;
    if (cell.state.note) bytes += 120 + cell.state.note.length * 3;
  }
  return bytes + fillSpans(run).length * 80;
}

/** Splits runs into batches of at most `budget` estimated bytes (a run bigger than that is split). */
export function batchRuns(runs: readonly ColumnRun[], budget: number): ColumnRun[][] {
  const batches: ColumnRun[][] = [];
  let current: ColumnRun[] = [];
  let used = 0;
  const pieces: ColumnRun[] = [];
  for (const run of runs) {
    const bytes = estimateRunBytes(run);
    if (bytes <= budget || run.cells.length === 1) {
      pieces.push(run);
      continue;
    }
    const parts = Math.ceil(bytes / budget);
    const per = Math.ceil(run.cells.length / parts);
    for (let i = 0; i < run.cells.length; i += per) {
      const cells = run.cells.slice(i, i + per);
      pieces.push({ col: run.col, top: cells[0].row, cells });
    }
  }
  for (const run of pieces) {
    const bytes = estimateRunBytes(run);
    if (current.length > 0 && used + bytes > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(run);
    used += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
