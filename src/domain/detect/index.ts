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
import type { DetectResult, TableLayout } from "../model";
import { findGradeCell, findProjectName, totalRowOf } from "./footer";
import { findFundsBlock } from "./funds";
import { findIndicatorHeader } from "./indicator-header";
import { scanIndicatorRows } from "./indicator-rows";
import { SheetView } from "./sheet-view";

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

export function detectLayout(grid: CellGrid): DetectResult {
  if (!mentionsIndicators(grid)) return { ok: false, reason: "no-table" };
  const view = new SheetView(grid);
  const search = findIndicatorHeader(view);
  if (!search.found) {
    if (!search.partial) return { ok: false, reason: "no-table" };
    const missing = search.partial.missing.map((r) => ROLE_NAMES[r] ?? r).join("、");
    return {
      ok: false,
      reason: "no-indicator-header",
      detail: `第${search.partial.row + 1}行的指标表头缺少：${missing}`,
    };
  }
  const { header } = search;
  const rows = scanIndicatorRows(view, header.firstDataRow, header.columns);
  const total = totalRowOf(rows.totalRow, header.columns);
  const layout: TableLayout = {
    sheetName: grid.sheetName,
    projectName: findProjectName(view, header.row),
    funds: findFundsBlock(view, header.row),
    indicatorHeaderRow: header.row,
    columns: header.columns,
    indicators: rows.indicators,
    sections: rows.sections,
    total,
    gradeCell: findGradeCell(view, total),
    skippedRows: rows.skippedRows,
  };
  return { ok: true, layout };
}
