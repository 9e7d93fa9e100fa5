/**
 * Snapshot bookkeeping: how a write plan becomes the final state of each cell, and how the sheet is
 * put back. The snapshot holds the state of every cell before this product first touched it, so a
 * second run starts from the same original as the first (runs are idempotent) and revert is exact.
 * It also holds what our last write left in each cell: a part the user changed since is the user's
 * work, so it becomes that part's original instead of being scored away, overwritten or reverted.
 */
import type { Cell, CellGrid, CellState, CellValue, SheetSnapshot } from "./grid";
import { EMPTY_CELL, cellAt, fromA1, toA1 } from "./grid";
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

function copyStates(states: Record<string, CellState>): Record<string, CellState> {
  const out: Record<string, CellState> = {};
  for (const [address, state] of Object.entries(states)) out[address] = copyState(state);
  return out;
}

export function copySnapshot(snapshot: SheetSnapshot): SheetSnapshot {
  const copy: SheetSnapshot = { sheetName: snapshot.sheetName, cells: copyStates(snapshot.cells) };
  if (snapshot.written) copy.written = copyStates(snapshot.written);
  return copy;
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
 * Our note goes after the user's own note rather than replacing it: the user's text stays visible,
 * and the snapshot still holds the original for revert.
 */
export const NOTE_SEPARATOR = "\n———\n";

/**
 * A cell as a host read it, for telling the user's edits from our writes. A part left undefined
 * could not be read (notes before ExcelApi 1.18, say) and counts as unchanged.
 */
export interface ReadCellParts {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string | null;
  note?: string | null;
}

/** The part of a note we appended after the original (the whole note when there was none). */
function ourNotePart(original: string | null, written: string | null): string | null {
  if (written === null || written === original) return null;
  if (original === null || original === "") return written;
  const prefix = `${original}${NOTE_SEPARATOR}`;
  return written.startsWith(prefix) ? written.slice(prefix.length) : null;
}

/**
 * The user edited a note that still ends with our text (they rewrote their own part above it): the
 * original is what stands before our text, or our note would be appended a second time.
 */
function noteWithoutOurs(now: string | null, original: string | null, written: string | null) {
  const ours = ourNotePart(original, written);
  if (now === null || ours === null) return now;
  const suffix = `${NOTE_SEPARATOR}${ours}`;
  return now.endsWith(suffix) && now.length > suffix.length ? now.slice(0, -suffix.length) : now;
}

/**
 * Whether the user changed a cell's value since we wrote `written`. A cell still holding the
 * formula we left has not been typed over: a new value there is Excel recalculating (our own
 * writes into the score cells recalculate a SUM total), not the user's input.
 */
export function valuePartChanged(now: ReadCellParts, written: CellState): boolean {
  const formula = now.formula ?? null;
  if (formula !== (written.formula ?? null)) return true;
  return formula === null && now.value !== written.value;
}

/**
 * One cell's original as of now. Per part — value with formula, number format, fill, note — a
 * part that differs from what we wrote was changed by the user since, and what they left is the
 * new original; any other part keeps the recorded original. Without a record of our write (a
 * snapshot from before `written` existed) the recorded original stands as it is.
 */
export function currentOriginal(
  original: CellState,
  written: CellState | undefined,
  now: ReadCellParts
): CellState {
  const out = copyState(original);
  if (!written) return out;
  if (valuePartChanged(now, written)) {
    out.value = now.value;
    if (now.formula !== undefined) out.formula = now.formula;
    else delete out.formula;
  }
  if (now.numberFormat !== undefined) {
    const format = now.numberFormat || "General";
    if (format !== written.numberFormat) out.numberFormat = format;
  }
  if (now.fill !== undefined && now.fill !== written.fill) out.fill = now.fill;
  if (now.note !== undefined && now.note !== written.note)
    out.note = noteWithoutOurs(now.note, original.note, written.note);
  return out;
}

/**
 * What the grid shows at (row, col). A cell outside the rectangle a host read holds no value (every
 * host's used range covers values); its other parts were not read.
 */
function partsAt(grid: CellGrid, row: number, col: number): ReadCellParts {
  const cell = cellAt(grid, row, col);
  return cell === EMPTY_CELL ? { value: null } : cell;
}

/** Every snapshot cell's original as of the grid as read now (see currentOriginal). */
export function currentOriginals(
  snapshot: SheetSnapshot,
  grid: CellGrid
): Record<string, CellState> {
  const out: Record<string, CellState> = {};
  for (const [address, original] of Object.entries(snapshot.cells)) {
    const written = snapshot.written?.[address];
    if (!written) {
      out[address] = copyState(original);
      continue;
    }
    const { row, col } = fromA1(address);
    out[address] = currentOriginal(original, written, partsAt(grid, row, col));
  }
  return out;
}

/**
 * The sheet as it would be without our runs: every snapshot cell put back to its original as of
 * now (keeping what the user changed since our last write), the snapshot dropped. Evaluating this
 * equals evaluating the sheet as the user left it, so re-running never scores our own output.
 */
export function restoreSnapshot(grid: CellGrid): CellGrid {
  const copy = copyGrid(grid);
  delete copy.snapshot;
  if (!grid.snapshot) return copy;
  for (const [address, state] of Object.entries(currentOriginals(grid.snapshot, grid))) {
    const { row, col } = fromA1(address);
    setCellAt(copy, row, col, cellFromState(state));
  }
  return copy;
}

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
 * its original (the old snapshot's as of now, else the grid as read), so a mark the new plan no
 * longer makes disappears, a value written before is rewritten, never stacked, and what the user
 * changed since our last write stays. The new snapshot records the final states as `written`.
 */
export function resolveWrite(plan: WritePlan, grid: CellGrid): ResolvedWrite {
  // The host attached the snapshot to this sheet; its recorded name may predate a rename.
  const old = grid.snapshot ? currentOriginals(grid.snapshot, grid) : {};
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
  const written: Record<string, CellState> = {};
  for (const { address, state } of cells) written[address] = copyState(state);
  return {
    sheetName: plan.sheetName,
    cells,
    snapshot: { sheetName: plan.sheetName, cells: originals, written },
  };
}

/**
 * The cells revert writes, by row then column: every snapshot cell back to its original. Given the
 * grid as read now, a part the user changed since our last write stays as they left it: revert
 * takes back only what is still ours.
 */
export function revertCells(snapshot: SheetSnapshot, grid?: CellGrid): ResolvedCell[] {
  const originals = grid ? currentOriginals(snapshot, grid) : snapshot.cells;
  return Object.entries(originals)
    .map(([address, state]) => ({ ...fromA1(address), address, state: copyState(state) }))
    .sort(byPosition);
}
