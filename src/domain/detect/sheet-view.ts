/**
 * Read-only view of a CellGrid for detection: absolute coordinates, cached label keys and a merge
 * index, so every detection pass stays linear in the number of cells.
 */
import type { Cell, CellGrid, MergedArea } from "../grid";
import { EMPTY_CELL } from "../grid";
import { labelKey } from "./labels";

/** Labels are short; long free text (goals, notes) is never a header, so it is not keyed. */
const MAX_LABEL_LENGTH = 40;

export class SheetView {
  readonly top: number;
  readonly left: number;
  /** Exclusive bounds. */
  readonly bottom: number;
  readonly right: number;
  /** Label keys by [row - top][col - left], computed on first use. */
  private readonly keys: (string | undefined)[][] = [];
  private readonly mergeByTopLeft = new Map<number, MergedArea>();

  constructor(readonly grid: CellGrid) {
    this.top = grid.originRow;
    this.left = grid.originCol;
    this.bottom = grid.originRow + grid.cells.length;
    let width = 0;
    for (const line of grid.cells) if (line.length > width) width = line.length;
    this.right = grid.originCol + width;
    for (const m of grid.merges) this.mergeByTopLeft.set(this.id(m.top, m.left), m);
  }

  private id(row: number, col: number): number {
    return row * 16384 + col;
  }

  cell(row: number, col: number): Cell {
    const line = this.grid.cells[row - this.top];
    if (!line) return EMPTY_CELL;
    return line[col - this.left] ?? EMPTY_CELL;
  }

  text(row: number, col: number): string {
    return this.cell(row, col).text ?? "";
  }

  /** The label key of a cell; "" for empty or long cells. */
  key(row: number, col: number): string {
    const r = row - this.top;
    const c = col - this.left;
    if (r < 0 || c < 0 || row >= this.bottom || col >= this.right) return "";
    const line = (this.keys[r] ??= []);
    const cached = line[c];
    if (cached !== undefined) return cached;
    const text = this.text(row, col);
    const key = text.length === 0 || text.length > MAX_LABEL_LENGTH ? "" : labelKey(text);
    line[c] = key;
    return key;
  }

  /** The merged area whose top-left cell is (row, col), if any. */
  mergeFrom(row: number, col: number): MergedArea | undefined {
    return this.mergeByTopLeft.get(this.id(row, col));
  }

  /** The last column a cell spans (its merge's right edge, or itself). */
  spanRight(row: number, col: number): number {
    return this.mergeFrom(row, col)?.right ?? col;
  }

  spanBottom(row: number, col: number): number {
    return this.mergeFrom(row, col)?.bottom ?? row;
  }

  /**
   * For one column, the top-left row of the merge covering each row of [from, to], when that merge
   * starts in this column. Cells inside a merge read as blank in most hosts; carry-down needs the source.
   */
  mergeSourcesInColumn(col: number, from: number, to: number): Map<number, number> {
    const sources = new Map<number, number>();
    for (const m of this.grid.merges) {
      if (m.left !== col || m.bottom < from || m.top > to || m.bottom === m.top) continue;
      for (let r = Math.max(m.top, from); r <= Math.min(m.bottom, to); r++) sources.set(r, m.top);
    }
    return sources;
  }
}
