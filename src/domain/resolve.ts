/**
 * Snapshot bookkeeping: how a write plan becomes the final state of each cell, and how the sheet is
 * put back. The snapshot holds the state of every cell before this product first touched it, so a
 * second run starts from the same original as the first (runs are idempotent) and revert is exact.
 */
import type { Cell, CellGrid, CellState, CellValue, SheetSnapshot } from "./grid";
import { cellAt, fromA1, toA1 } from "./grid";
import { formatNumber } from "./format";
import type { CellMark, CellWrite, ResolvedCell, ResolvedWrite, WritePlan } from "./plan-types";

/** What a host without a renderer shows for a value under a number format. */
export function renderText(value: CellValue, numberFormat: string): string {
  if (value === null) return "";
  if (typeof value === "number") return formatNumber(value, numberFormat);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

/** The restorable state of a cell as read. A host that did not read fills/notes reports none. */
export function cellState(cell: Cell): CellState {
  const state: CellState = {
    value: cell.value,
    numberFormat: cell.numberFormat || "General",
    fill: cell.fill ?? null,
    note: cell.note ?? null,
  };
  if (cell.formula !== undefined) state.formula = cell.formula;
  return state;
}

/** The cell a state describes, with its text re-rendered. */
export function cellFromState(state: CellState): Cell {
  const cell: Cell = {
    value: state.value,
    text: renderText(state.value, state.numberFormat),
    numberFormat: state.numberFormat,
    fill: state.fill,
    note: state.note,
  };
  if (state.formula !== undefined) cell.formula = state.formula;
  return cell;
}

function copyState(state: CellState): CellState {
  const out: CellState = {
    value: state.value,
    numberFormat: state.numberFormat,
    fill: state.fill,
    note: state.note,
  };
  if (state.formula !== undefined) out.formula = state.formula;
  return out;
}

export function copyGrid(grid: CellGrid): CellGrid {
  const copy: CellGrid = {
    sheetName: grid.sheetName,
    originRow: grid.originRow,
    originCol: grid.originCol,
    cells: grid.cells.map((line) => line.map((cell) => ({ ...cell }))),
    merges: grid.merges.map((m) => ({ ...m })),
    protected: grid.protected,
  };
  if (grid.snapshot) copy.snapshot = copySnapshot(grid.snapshot);
  return copy;
}

export function copySnapshot(snapshot: SheetSnapshot): SheetSnapshot {
  const cells: Record<string, CellState> = {};
  for (const [address, state] of Object.entries(snapshot.cells)) cells[address] = copyState(state);
  return { sheetName: snapshot.sheetName, cells };
}

const EMPTY_STATE: CellState = { value: null, numberFormat: "General", fill: null, note: null };

/**
 * Puts `cell` at absolute (row, col) of a grid the caller owns, growing the dense rectangle (and
 * moving its origin) when the cell lies outside the used range, as a host's used range grows.
 */
export function setCellAt(grid: CellGrid, row: number, col: number, cell: Cell): void {
  if (grid.cells.length === 0) {
    grid.originRow = row;
    grid.originCol = col;
    grid.cells = [[]];
  }
  if (row < grid.originRow) {
    const extra = grid.originRow - row;
    grid.cells = [...Array.from({ length: extra }, () => [] as Cell[]), ...grid.cells];
    grid.originRow = row;
  }
  if (col < grid.originCol) {
    const extra = grid.originCol - col;
    grid.cells = grid.cells.map((line) => [
      ...Array.from({ length: extra }, () => cellFromState(EMPTY_STATE)),
      ...line,
    ]);
    grid.originCol = col;
  }
  const r = row - grid.originRow;
  const c = col - grid.originCol;
  while (grid.cells.length <= r) grid.cells.push([]);
  const width = grid.cells.reduce((max, line) => Math.max(max, line.length), c + 1);
  for (const line of grid.cells) {
    while (line.length < width) line.push(cellFromState(EMPTY_STATE));
  }
  grid.cells[r][c] = cell;
}

function byPosition(a: { row: number; col: number }, b: { row: number; col: number }): number {
  return a.row - b.row || a.col - b.col;
}

/**
 * The sheet as it was before our first run: every snapshot cell put back, the snapshot dropped.
 * Evaluating this equals evaluating the untouched sheet, so re-running never scores our own output.
 */
export function restoreSnapshot(grid: CellGrid): CellGrid {
  const copy = copyGrid(grid);
  delete copy.snapshot;
  if (!grid.snapshot) return copy;
  for (const [address, state] of Object.entries(grid.snapshot.cells)) {
    const { row, col } = fromA1(address);
    setCellAt(copy, row, col, cellFromState(state));
  }
  return copy;
}

/**
 * Our note goes after the user's own note rather than replacing it: the user's text stays visible,
 * and the snapshot still holds the original for revert.
 */
export const NOTE_SEPARATOR = "\n———\n";

function applyWrite(state: CellState, write: CellWrite): void {
  state.value = write.value;
  if (write.numberFormat !== undefined) state.numberFormat = write.numberFormat;
  // A write lands on a formula cell only when the plan chose to replace formulas.
  delete state.formula;
}

function applyMark(state: CellState, mark: CellMark): void {
  if (mark.fill !== null) state.fill = mark.fill;
  if (mark.note !== null)
    state.note = state.note ? `${state.note}${NOTE_SEPARATOR}${mark.note}` : mark.note;
}

/**
 * The final state of every cell the plan touches or an earlier run touched. Each cell starts from
 * its original (the old snapshot, else the grid as read), so a mark the new plan no longer makes
 * disappears and a value written before is rewritten, never stacked.
 */
export function resolveWrite(plan: WritePlan, grid: CellGrid): ResolvedWrite {
  // The host attached the snapshot to this sheet; its recorded name may predate a rename.
  const old = grid.snapshot?.cells ?? {};
  const originals: Record<string, CellState> = {};
  const finals = new Map<string, { row: number; col: number; state: CellState }>();

  const touch = (row: number, col: number) => {
    const address = toA1(row, col);
    let entry = finals.get(address);
    if (!entry) {
      const original = old[address] ?? cellState(cellAt(grid, row, col));
      originals[address] = copyState(original);
      entry = { row, col, state: copyState(original) };
      finals.set(address, entry);
    }
    return entry.state;
  };

  for (const address of Object.keys(old)) {
    const { row, col } = fromA1(address);
    touch(row, col);
  }
  for (const write of plan.writes) applyWrite(touch(write.row, write.col), write);
  for (const mark of plan.marks) applyMark(touch(mark.row, mark.col), mark);

  const cells: ResolvedCell[] = [...finals.entries()]
    .map(([address, { row, col, state }]) => ({ row, col, address, state }))
    .sort(byPosition);
  return {
    sheetName: plan.sheetName,
    cells,
    snapshot: { sheetName: plan.sheetName, cells: originals },
  };
}

/** The cells revert writes: every snapshot cell back to its original state, by row then column. */
export function revertCells(snapshot: SheetSnapshot): ResolvedCell[] {
  return Object.entries(snapshot.cells)
    .map(([address, state]) => ({ ...fromA1(address), address, state: copyState(state) }))
    .sort(byPosition);
}
