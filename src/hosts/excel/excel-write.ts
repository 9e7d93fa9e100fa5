/**
 * The write of cell states and the `_selfeval` snapshot table, planned as steps of estimated size so
 * that a batch only splits where one request would exceed the payload limit. The snapshot table
 * goes first: see excel-workbook.ts for why.
 */
import type { ResolvedCell } from "../../domain/plan-types";
import {
  encodeSnapshotTable,
  SNAPSHOT_SHEET_NAME,
  type SnapshotTable,
  type StoredSnapshot,
} from "../snapshot-codec";
import {
  batchRuns,
  columnRuns,
  estimateRunBytes,
  fillSpans,
  formulaInput,
  type ColumnRun,
} from "./excel-cells";
import type { SheetState } from "./excel-read";

type Ctx = Excel.RequestContext;
type Sheet = Excel.Worksheet;

/** Queues one cell's note change: queueNote, handed over only where notes are supported. */
export type NoteWriter = (sheet: Sheet, cell: ResolvedCell, notes: Map<string, string>) => void;

/** One part of a write: its estimated request bytes, and what it queues on the context. */
export type WriteStep = { bytes: number; queue: (context: Ctx, sheet: Sheet) => void };

export interface WritePlan {
  table: SnapshotTable;
  /** The sheet's notes once written: updated by the queued steps as they run. */
  notes: Map<string, string>;
  /** One sync per group; more than one group only when one request would exceed the budget. */
  groups: WriteStep[][];
}

/** The table in row bands, then the cell runs, packed into as few groups as the budget allows. */
export function planWrite(
  state: SheetState,
  cells: readonly ResolvedCell[],
  snapshots: Map<string, StoredSnapshot>,
  /** Given when the add-in manages the sheet's notes (and Excel supports them). */
  writeNote: NoteWriter | undefined,
  budget: number
): WritePlan {
  const table = encodeSnapshotTable(snapshots);
  const notes = new Map(state.notes ?? []);
  const steps: WriteStep[] = [];
  const bands = tableBands(table, budget);
  let first = true;
  for (const band of bands) {
    const isFirst = first;
    first = false;
    steps.push({
      bytes: band.bytes,
      queue: (context) => queueSnapshotTable(context, state, table, band, isFirst),
    });
  }
  for (const batch of batchRuns(columnRuns(cells), budget)) {
    steps.push({
      bytes: batch.reduce((n, run) => n + estimateRunBytes(run), 0),
      queue: (_context, sheet) => {
        for (const run of batch) queueRun(sheet, run, writeNote && { notes, writeNote });
      },
    });
  }
  const groups: (typeof steps)[] = [];
  let used = Infinity;
  for (const step of steps) {
    if (used + step.bytes > budget) {
      groups.push([]);
      used = 0;
    }
    groups[groups.length - 1].push(step);
    used += step.bytes;
  }
  return { table, notes, groups };
}

function queueSnapshotTable(
  context: Ctx,
  state: SheetState,
  table: SnapshotTable,
  band: { top: number; rows: number },
  first: boolean
): void {
  const sheets = context.workbook.worksheets;
  let store: Sheet;
  if (state.snapshotSheet.exists) {
    store = sheets.getItem(SNAPSHOT_SHEET_NAME);
    const { rows, cols } = state.snapshotSheet;
    if (first && rows > 0 && cols > 0) store.getRangeByIndexes(0, 0, rows, cols).clear("Contents");
  } else if (first) {
    store = sheets.add(SNAPSHOT_SHEET_NAME);
    // Very hidden: not listed in Excel's Unhide dialog, so nobody edits the snapshot by accident.
    store.visibility = "VeryHidden" as Excel.SheetVisibility;
  } else {
    store = sheets.getItem(SNAPSHOT_SHEET_NAME);
  }
  const rows = table.slice(band.top, band.top + band.rows);
  const range = store.getRangeByIndexes(band.top, 0, rows.length, 3);
  range.numberFormat = rows.map(() => ["@", "General", "@"]);
  range.values = rows;
}

function queueRun(
  sheet: Sheet,
  run: ColumnRun,
  notes: { notes: Map<string, string>; writeNote: NoteWriter } | undefined
): void {
  const range = sheet.getRangeByIndexes(run.top, run.col, run.cells.length, 1);
  // Format first: a value written into a General cell would otherwise pick a format of its own.
  range.numberFormat = run.cells.map((c) => [c.state.numberFormat]);
  range.formulas = run.cells.map((c) => [formulaInput(c.state)]);
  for (const span of fillSpans(run)) {
    const target = sheet.getRangeByIndexes(span.top, run.col, span.rows, 1);
    if (span.fill === null) target.format.fill.clear();
    else target.format.fill.color = span.fill;
  }
  if (notes) for (const cell of run.cells) notes.writeNote(sheet, cell, notes.notes);
}

/** @requiresApiSet ExcelApi 1.18 */
export function queueNote(sheet: Sheet, cell: ResolvedCell, notes: Map<string, string>): void {
  const wanted = cell.state.note;
  const current = notes.get(cell.address) ?? null;
  if (wanted === current) return;
  if (wanted === null) sheet.notes.getItem(cell.address).delete();
  else if (current === null)
    sheet.notes.add(sheet.getRangeByIndexes(cell.row, cell.col, 1, 1), wanted);
  else sheet.notes.getItem(cell.address).content = wanted;
  if (wanted === null) notes.delete(cell.address);
  else notes.set(cell.address, wanted);
}

/** Row bands of the snapshot table, each under the payload budget. */
function tableBands(
  table: SnapshotTable,
  budget: number
): { top: number; rows: number; bytes: number }[] {
  const bands: { top: number; rows: number; bytes: number }[] = [];
  let current = { top: 0, rows: 0, bytes: 300 };
  table.forEach((row, i) => {
    const bytes = JSON.stringify(row).length * 2 + 20;
    if (current.rows > 0 && current.bytes + bytes > budget) {
      bands.push(current);
      current = { top: i, rows: 0, bytes: 300 };
    }
    current.rows++;
    current.bytes += bytes;
  });
  bands.push(current);
  return bands;
}
