/**
 * Layout detection (RULES A1): finds the funds block, the indicator header and its columns, the
 * indicator rows, the 总分 row and the grade cell from header text, never from fixed positions.
 * Linear in the number of cells.
 *
 * Texts in the layout: `level1`/`level2` are label keys (NFKC, no spaces or line breaks,
 * Traditional folded to Simplified: "經濟效益\n指標" → "经济效益指标") because rules classify by
 * them; `level3` and `noteText` are the sheet's words with whitespace tidied; `targetText` and
 * `actualText` are the cells' displayed text, untouched, for the parser.
 */
import type { CellGrid } from "../grid";
import Decimal from "decimal.js";
import type { DetectFormsResult, DetectResult, FundsBlock, TableLayout } from "../model";
import { parseAmount } from "../parse/amount";
import { findGradeCell, findProjectName, totalRowOf } from "./footer";
import { findFundsBlock } from "./funds";
import { findIndicatorHeader, type IndicatorHeader } from "./indicator-header";
import { scanIndicatorRows, type RowScan } from "./indicator-rows";
import { SheetView } from "./sheet-view";
import {
  fundsRole,
  isFooterLabel,
  isFormTitle,
  isFundsLabel,
  isProjectNameLabel,
} from "./synonyms";

export { labelKey, toSimplified } from "./labels";
export { declaredSectionWeight } from "./sections";

const ROLE_NAMES: Record<string, string> = {
  level3: "三级指标",
  target: "年度指标值",
  actual: "实际完成值",
  weight: "分值",
  score: "得分",
};

/**
 * Every indicator header names 一级指标 or a 三级指标 synonym, and each of those contains 指标 (指標
 * in Traditional forms). A sheet without the word anywhere — a 60,000-row ledger beside the form —
 * cannot hold a table, and is passed over without keying each of its cells.
 */
export function mayNameIndicators(text: string): boolean {
  if (!text.includes("指")) return false;
  const bare = text.replace(/\s/g, "");
  return bare.includes("指标") || bare.includes("指標");
}

function mentionsIndicators(grid: CellGrid): boolean {
  for (const line of grid.cells)
    for (const cell of line) if (mayNameIndicators(cell.text)) return true;
  return false;
}

interface Table {
  header: IndicatorHeader;
  rows: RowScan;
  top: number;
  funds: FundsBlock | null;
}

/** The budget's 分值 as printed on the funds block's total row; 10 (RULES A5) when it prints none. */
function budgetWeightOf(view: SheetView, funds: FundsBlock | null): Decimal {
  const row = funds?.totalRow?.row ?? funds?.subRows[0]?.row;
  const col = funds?.columns.weight;
  if (row === undefined || col === null || col === undefined) return new Decimal(10);
  const read = parseAmount(view.cell(row, col));
  return read.kind === "number" ? read.value : new Decimal(10);
}

/** The first row of a form: its title, project name or funds block, else its first non-empty line. */
function formTop(view: SheetView, from: number, to: number): number {
  let firstText = -1;
  for (let r = from; r < to; r++) {
    let footer = false;
    let text = false;
    for (let c = view.left; c < view.right; c++) {
      const key = view.key(r, c);
      if (!key) {
        if (view.text(r, c).trim() !== "") text = true;
        continue;
      }
      if (isFormTitle(key) || isProjectNameLabel(key) || isFundsLabel(key) || fundsRole(key))
        return r;
      if (isFooterLabel(key)) footer = true;
      text = true;
    }
    if (firstText < 0 && text && !footer) firstText = r;
  }
  return firstText >= 0 ? firstText : to;
}

/** The columns a form's rows use (text or merges), so its range is the same whatever the host reads. */
function usedColumns(
  view: SheetView,
  top: number,
  bottom: number
): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (let r = top; r <= bottom; r++) {
    for (let c = view.left; c < view.right; c++) {
      if (c >= left && c <= right) continue;
      if (view.text(r, c).trim() === "") continue;
      if (c < left) left = c;
      if (c > right) right = c;
    }
  }
  for (const m of view.grid.merges) {
    if (m.bottom < top || m.top > bottom) continue;
    if (m.left < left) left = m.left;
    if (m.right > right) right = m.right;
  }
  return left > right ? { left: view.left, right: view.right - 1 } : { left, right };
}

function layoutOf(view: SheetView, table: Table, form: number, nextTop: number): TableLayout {
  const { header, rows, top, funds } = table;
  const total = totalRowOf(rows.totalRow, header.columns);
  const gradeCell = findGradeCell(view, total, top, nextTop);
  const lastRows = [
    header.row,
    rows.totalRow ?? header.row,
    gradeCell?.row ?? header.row,
    ...rows.indicators.slice(-1).map((i) => i.row),
    ...rows.skippedRows.slice(-1).map((s) => s.row),
  ];
  const bottom = Math.max(...lastRows);
  return {
    sheetName: view.grid.sheetName,
    form,
    range: { top, bottom, ...usedColumns(view, top, bottom) },
    projectName: findProjectName(view, header.row, top),
    funds,
    indicatorHeaderRow: header.row,
    columns: header.columns,
    indicators: rows.indicators,
    sections: rows.sections,
    total,
    gradeCell,
    skippedRows: rows.skippedRows,
    breakdowns: rows.breakdowns,
  };
}

/**
 * Every 自评表 on the sheet, top to bottom. Stacked forms (two projects one below the other, with
 * 填表人 / 联系电话 lines between them) each have their own header, funds block, rows and 总分: the
 * next form is searched below the previous one's table, and each block is looked for between the
 * previous table and its own header, so one form never reads another's cells.
 */
export function detectForms(grid: CellGrid): DetectFormsResult {
  if (!mentionsIndicators(grid)) return { ok: false, reason: "no-table" };
  const view = new SheetView(grid);
  let search = findIndicatorHeader(view);
  if (!search.found) {
    if (!search.partial) return { ok: false, reason: "no-table" };
    const missing = search.partial.missing.map((r) => ROLE_NAMES[r] ?? r).join("、");
    return {
      ok: false,
      reason: "no-indicator-header",
      detail: `第${search.partial.row + 1}行的指标表头缺少：${missing}`,
    };
  }
  const tables: Table[] = [];
  while (search.found) {
    const { header } = search;
    const previous = tables[tables.length - 1];
    const top = formTop(view, previous ? previous.rows.endRow : view.top, header.row);
    const funds = findFundsBlock(view, header.row, top);
    const budgetWeight = budgetWeightOf(view, funds);
    const rows = scanIndicatorRows(view, header.firstDataRow, header.columns, budgetWeight);
    tables.push({ header, rows, top, funds });
    const next = Math.max(rows.endRow, header.firstDataRow);
    if (next >= view.bottom) break;
    search = findIndicatorHeader(view, next);
  }
  const layouts = tables.map((t, i) => layoutOf(view, t, i + 1, tables[i + 1]?.top ?? view.bottom));
  return { ok: true, layouts };
}

/** The sheet's first (usually only) 自评表. */
export function detectLayout(grid: CellGrid): DetectResult {
  const forms = detectForms(grid);
  return forms.ok ? { ok: true, layout: forms.layouts[0] } : forms;
}
