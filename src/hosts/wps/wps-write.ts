/**
 * The write of cell states and the `_selfeval` snapshot table over the ET object model. The table
 * goes first: if a cell write fails half-way, the snapshot already holds the original of every cell
 * the write could have changed, so revert still restores them. Each part of a cell (value with
 * formula, number format, fill, note) is set only where it differs from what the read found, so a
 * cell the plan only marks keeps its value untouched.
 */
import type { CellState } from "../../domain/grid";
import { cellAt, EMPTY_CELL } from "../../domain/grid";
import { cellState } from "../../domain/resolve";
import type { ResolvedCell } from "../../domain/plan-types";
import { SNAPSHOT_SHEET_NAME, type SnapshotTable } from "../snapshot-codec";
import { formulaInput } from "../excel/excel-cells";
import type { EtWorkbook, EtWorksheet } from "./et-types";
import { XL_NONE, XL_SHEET_VERY_HIDDEN } from "./et-types";
import { hexToBgr } from "./wps-cells";
import { findSheet, type WpsSheetState } from "./wps-read";

/** Replaces the `_selfeval` table (creating the very hidden sheet on first use). */
export function writeSnapshotTable(
  workbook: EtWorkbook,
  form: EtWorksheet,
  previousRows: number,
  table: SnapshotTable
): void {
  let store = findSheet(workbook, SNAPSHOT_SHEET_NAME);
  if (!store) {
    const sheets = workbook.Worksheets;
    store = sheets.Add(undefined, sheets.Item(sheets.Count));
    store.Name = SNAPSHOT_SHEET_NAME;
    store.Visible = XL_SHEET_VERY_HIDDEN;
    // Adding a sheet activates it: the user stays on their form.
    form.Activate();
  } else if (previousRows > 0) {
    store.Range(`A1:C${previousRows}`).ClearContents();
  }
  table.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = store.Cells.Item(r + 1, c + 1);
      // Text format first: a sheet named "2021" or a slice starting with a digit stays text.
      cell.NumberFormat = c === 1 ? "General" : "@";
      cell.Value2 = value;
    })
  );
}

function sameValue(now: CellState, wanted: CellState): boolean {
  return (now.formula ?? null) === (wanted.formula ?? null) && now.value === wanted.value;
}

/**
 * Writes each cell's final state. `notes` (the sheet's notes as read) is given when the add-in
 * manages notes on this sheet, and is kept up to date as notes change.
 */
export function writeCells(
  sheet: EtWorksheet,
  state: WpsSheetState,
  cells: readonly ResolvedCell[],
  notes: Map<string, string> | undefined
): void {
  for (const { row, col, address, state: wanted } of cells) {
    const read = cellAt(state.grid, row, col);
    const now =
      read === EMPTY_CELL ? cellState({ ...read, fill: null, note: null }) : cellState(read);
    const target = sheet.Cells.Item(row + 1, col + 1);
    const valueChanges = !sameValue(now, wanted);
    // Format first: a value written into a General cell would otherwise pick a format of its own.
    if (valueChanges || now.numberFormat !== wanted.numberFormat)
      target.NumberFormat = wanted.numberFormat;
    if (valueChanges) target.Formula = formulaInput(wanted);
    if (now.fill !== wanted.fill) {
      if (wanted.fill === null) target.Interior.ColorIndex = XL_NONE;
      else target.Interior.Color = hexToBgr(wanted.fill);
    }
    if (!notes) continue;
    const current = notes.get(address) ?? null;
    if (current === wanted.note) continue;
    if (current !== null) target.ClearComments();
    if (wanted.note !== null) target.AddComment(wanted.note);
    if (wanted.note === null) notes.delete(address);
    else notes.set(address, wanted.note);
  }
}
