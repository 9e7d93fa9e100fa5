/**
 * The cell grid every host fills and the engine reads. Coordinates are 0-based and absolute
 * (row 0 / col 0 is sheet cell A1), so a used range that starts at B3 keeps its real addresses.
 */

export type CellValue = string | number | boolean | null;

export interface Cell {
  /** The raw value as the host stores it (a number cell formatted 0.00% holds 0.973). */
  value: CellValue;
  /** What the user sees (97.30%). Hosts without a renderer format numbers by numberFormat. */
  text: string;
  /** Excel number format code, "General" when none. */
  numberFormat: string;
  /** The formula, without the leading "=", when the cell holds one; the value is then its cached result. */
  formula?: string;
  /** Existing solid fill colour as "#RRGGBB", or null for none. Only needed for cells the plan may touch. */
  fill?: string | null;
  /** Existing note text, or null for none. Only needed for cells the plan may touch. */
  note?: string | null;
}

/** A merged area in absolute 0-based coordinates, bounds inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellGrid {
  sheetName: string;
  /** Absolute coordinates of cells[0][0]. */
  originRow: number;
  originCol: number;
  /** Dense rectangle of cells: cells[r][c] is sheet cell (originRow + r, originCol + c). */
  cells: Cell[][];
  merges: MergedArea[];
  /** The sheet is protected: hosts must not write to it. */
  protected: boolean;
  /** The previous state of every cell an earlier run of this product wrote, if the document keeps one. */
  snapshot?: SheetSnapshot;
}

/** The state of a cell before this product first wrote to it: what revert restores. */
export interface CellState {
  value: CellValue;
  numberFormat: string;
  formula?: string;
  fill: string | null;
  note: string | null;
}

/** Keyed by A1 address. */
export interface SheetSnapshot {
  sheetName: string;
  cells: Record<string, CellState>;
  /**
   * The state our last write left in each cell. A part of a cell that no longer shows it was
   * changed by the user since, and becomes that part's new original. Absent in snapshots stored
   * before this field existed: their originals are taken as recorded.
   */
  written?: Record<string, CellState>;
}

export const EMPTY_CELL: Cell = Object.freeze({
  value: null,
  text: "",
  numberFormat: "General",
}) as Cell;

/** The cell at absolute 0-based (row, col), or an empty cell outside the grid. */
export function cellAt(grid: CellGrid, row: number, col: number): Cell {
  const r = row - grid.originRow;
  const c = col - grid.originCol;
  if (r < 0 || c < 0 || r >= grid.cells.length) return EMPTY_CELL;
  const line = grid.cells[r];
  if (c >= line.length) return EMPTY_CELL;
  return line[c] ?? EMPTY_CELL;
}

export function gridRowCount(grid: CellGrid): number {
  return grid.cells.length;
}

export function gridColCount(grid: CellGrid): number {
  return grid.cells.reduce((max, line) => Math.max(max, line.length), 0);
}

/** Column index (0-based) → letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Absolute 0-based (row, col) → "B13". */
export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** An inclusive rectangle → "A1:J38". */
export function rangeToA1(range: MergedArea): string {
  return `${toA1(range.top, range.left)}:${toA1(range.bottom, range.right)}`;
}

/** "B13" (optionally "Sheet1!$B$13") → absolute 0-based { row, col }. Throws on a malformed address. */
export function fromA1(address: string): { row: number; col: number } {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(bare.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** The merged area containing (row, col), if any. */
export function mergeAt(grid: CellGrid, row: number, col: number): MergedArea | undefined {
  return grid.merges.find(
    (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right
  );
}
