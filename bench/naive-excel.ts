/**
 * The baseline for the round-trip benchmark: a straightforward add-in that loads and syncs one row
 * at a time, then writes one row at a time. It scores through the same engine, so the only thing
 * that differs from ExcelWorkbook is how it talks to Excel.
 *
 * Deliberately generous to the baseline: it stores no snapshot (so nothing can be reverted) and
 * reads no notes, which makes its byte counts a lower bound for a per-row design with revert.
 */
/* eslint-disable office-addins/no-context-sync-in-loop, office-addins/load-object-before-read --
   syncing inside the loop is exactly the pattern this baseline stands for. */
import type { Cell, CellGrid, MergedArea } from "../src/domain/grid";
import { scoreGrid } from "../src/domain";
import type { ResolvedCell } from "../src/domain/plan-types";
import type { ExcelRunner } from "../src/hosts/excel/excel-workbook";
import {
  cellFromExcel,
  fillFromProperties,
  formulaInput,
  parseAreaAddresses,
} from "../src/hosts/excel/excel-cells";

export interface NaiveOptions {
  /** Whether notes can be written (ExcelApi 1.18). */
  notes: boolean;
}

/** Scores the active sheet row by row; resolves to the number of cells written. */
export async function naiveRecompute(run: ExcelRunner, options: NaiveOptions): Promise<number> {
  return run({ delayForCellEdit: false }, async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    const used = sheet.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const merged = used.getMergedAreasOrNullObject();
    merged.load("address");
    await context.sync();

    const rows: Cell[][] = [];
    for (let r = 0; r < used.rowCount; r++) {
      const line = sheet.getRangeByIndexes(
        used.rowIndex + r,
        used.columnIndex,
        1,
        used.columnCount
      );
      line.load("values,text,numberFormat,formulas");
      const props = line.getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await context.sync();
      rows.push(
        line.values[0].map((value, c) =>
          cellFromExcel(
            value,
            line.text[0][c],
            line.numberFormat[0][c],
            line.formulas[0][c],
            fillFromProperties(props.value[0]?.[c]?.format?.fill),
            undefined
          )
        )
      );
    }
    const merges: MergedArea[] = merged.isNullObject ? [] : parseAreaAddresses(merged.address);
    const grid: CellGrid = {
      sheetName: sheet.name,
      originRow: used.rowIndex,
      originCol: used.columnIndex,
      cells: rows,
      merges,
      protected: false,
    };
    const scored = scoreGrid(grid);
    if (!scored.ok) return 0;

    const byRow = new Map<number, ResolvedCell[]>();
    for (const cell of scored.resolved.cells) {
      const list = byRow.get(cell.row) ?? [];
      list.push(cell);
      byRow.set(cell.row, list);
    }
    for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
      for (const cell of byRow.get(row) ?? []) {
        const range = sheet.getRangeByIndexes(cell.row, cell.col, 1, 1);
        range.numberFormat = [[cell.state.numberFormat]];
        range.formulas = [[formulaInput(cell.state)]];
        if (cell.state.fill === null) range.format.fill.clear();
        else range.format.fill.color = cell.state.fill;
        if (options.notes && cell.state.note !== null) sheet.notes.add(range, cell.state.note);
      }
      await context.sync();
    }
    return scored.resolved.cells.length;
  });
}
