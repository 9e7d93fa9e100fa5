/**
 * A CellGrid laid out as an HTML table: one entry per visible cell, merged areas as one cell with
 * row/col spans (clipped to the used range), the cells a merge covers left out. Pure, so it is
 * tested without a DOM.
 */
import type { CellGrid, MergedArea } from "../../domain/grid";
import { columnLetters, fromA1, toA1 } from "../../domain/grid";

export interface LaidOutCell {
  /** A1 address of the cell (the top-left one of a merge). */
  address: string;
  text: string;
  rowSpan: number;
  colSpan: number;
  fill: string | null;
  note: string | null;
  numeric: boolean;
}

export interface LaidOutRow {
  /** 1-based sheet row number. */
  rowNumber: number;
  cells: LaidOutCell[];
}

export interface SheetLayout {
  /** Column letters of the used range, left to right. */
  columns: string[];
  rows: LaidOutRow[];
}

function clip(m: MergedArea, grid: CellGrid, rows: number, cols: number): MergedArea | null {
  const top = Math.max(m.top, grid.originRow);
  const left = Math.max(m.left, grid.originCol);
  const bottom = Math.min(m.bottom, grid.originRow + rows - 1);
  const right = Math.min(m.right, grid.originCol + cols - 1);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

export function layoutSheet(grid: CellGrid): SheetLayout {
  const rows = grid.cells.length;
  const cols = grid.cells.reduce((n, line) => Math.max(n, line.length), 0);
  const owner = new Map<string, MergedArea>();
  const covered = new Set<string>();
  for (const merge of grid.merges) {
    const m = clip(merge, grid, rows, cols);
    if (!m) continue;
    owner.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const columns: string[] = [];
  for (let c = 0; c < cols; c++) columns.push(columnLetters(grid.originCol + c));
  const out: LaidOutRow[] = [];
  for (let r = 0; r < rows; r++) {
    const row = grid.originRow + r;
    const cells: LaidOutCell[] = [];
    for (let c = 0; c < cols; c++) {
      const col = grid.originCol + c;
      if (covered.has(`${row},${col}`)) continue;
      const cell = grid.cells[r][c];
      const m = owner.get(`${row},${col}`);
      cells.push({
        address: toA1(row, col),
        text: cell?.text ?? "",
        rowSpan: m ? m.bottom - m.top + 1 : 1,
        colSpan: m ? m.right - m.left + 1 : 1,
        fill: cell?.fill ?? null,
        note: cell?.note ?? null,
        numeric: typeof cell?.value === "number",
      });
    }
    out.push({ rowNumber: row + 1, cells });
  }
  return { columns, rows: out };
}

/** The address that shows a cell: the top-left cell of the merge holding it, or itself. */
export function displayedAddress(grid: CellGrid, address: string): string {
  const { row, col } = fromA1(address);
  for (const m of grid.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right)
      return toA1(m.top, m.left);
  }
  return toA1(row, col);
}
