/**
 * The read of a sheet over the ET object model. ET answers synchronously in-process, so the cost is
 * the number of calls, not round trips: values and formulas of the used range come in one call
 * each; number formats, fills and merges are asked of whole blocks, split only where the cells of a
 * block differ (ET reports a differing property of a range as null); the displayed text is asked
 * per non-empty cell; notes are listed from the sheet's Comments collection.
 */
import type { Cell, CellGrid, MergedArea } from "../../domain/grid";
import { toA1 } from "../../domain/grid";
import { decodeSnapshotTable, SNAPSHOT_SHEET_NAME, type StoredSnapshot } from "../snapshot-codec";
import type { EtRange, EtWorkbook, EtWorksheet } from "./et-types";
import { XL_NONE } from "./et-types";
import {
  asMatrix,
  bgrToHex,
  firstCellOf,
  formulaFromEt,
  textFromEt,
  valueFromEt,
} from "./wps-cells";

/** What the last read learned about a sheet and the workbook, needed to write it. */
export interface WpsSheetState {
  sheetName: string;
  protected: boolean;
  /** Notes by A1 address. */
  notes: Map<string, string>;
  snapshots: Map<string, StoredSnapshot>;
  /** Rows of the `_selfeval` table as read (0 when the sheet is missing or empty). */
  snapshotRows: number;
  /** The grid as read: lets the write leave alone every part of a cell that already is as wanted. */
  grid: CellGrid;
}

/** A block of cells, 1-based like ET. */
export interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const MIXED = Symbol("mixed");

export function boxAddress(box: Box): string {
  const a = toA1(box.top - 1, box.left - 1);
  if (box.rows === 1 && box.cols === 1) return a;
  return `${a}:${toA1(box.top + box.rows - 2, box.left + box.cols - 2)}`;
}

/**
 * Calls `emit` for every maximal block `probe` answers for as a whole, halving blocks whose cells
 * differ. A block of one cell always has an answer.
 */
export function walkUniform<T>(
  box: Box,
  probe: (box: Box) => T | typeof MIXED,
  emit: (box: Box, value: T) => void,
  single: (box: Box) => T
): void {
  const value = probe(box);
  if (value !== MIXED) {
    emit(box, value);
    return;
  }
  if (box.rows === 1 && box.cols === 1) {
    emit(box, single(box));
    return;
  }
  const halves: Box[] =
    box.rows >= box.cols
      ? [
          { ...box, rows: Math.ceil(box.rows / 2) },
          { ...box, top: box.top + Math.ceil(box.rows / 2), rows: Math.floor(box.rows / 2) },
        ]
      : [
          { ...box, cols: Math.ceil(box.cols / 2) },
          { ...box, left: box.left + Math.ceil(box.cols / 2), cols: Math.floor(box.cols / 2) },
        ];
  for (const half of halves) walkUniform(half, probe, emit, single);
}

function fillOf(range: EtRange): string | null | typeof MIXED {
  const interior = range.Interior;
  const index = interior.ColorIndex;
  if (index === XL_NONE) return null;
  const color = interior.Color;
  if (typeof index !== "number" || typeof color !== "number") return MIXED;
  return bgrToHex(color);
}

function formatOf(range: EtRange): string | typeof MIXED {
  const format = range.NumberFormat;
  return typeof format === "string" ? format || "General" : MIXED;
}

/** Merged areas meeting the block, each once, in 0-based coordinates. */
function readMerges(sheet: EtWorksheet, used: Box): MergedArea[] {
  const found = new Map<string, MergedArea>();
  const visit = (box: Box): void => {
    const range = sheet.Range(boxAddress(box));
    const merged = range.MergeCells;
    if (merged === false) return;
    const first = box.rows === 1 && box.cols === 1 ? range : sheet.Cells.Item(box.top, box.left);
    const area = first.MergeArea;
    const top = area.Row;
    const left = area.Column;
    const bottom = top + area.Rows.Count - 1;
    const right = left + area.Columns.Count - 1;
    const covers =
      top <= box.top &&
      left <= box.left &&
      bottom >= box.top + box.rows - 1 &&
      right >= box.left + box.cols - 1;
    if ((merged === true || box.rows * box.cols === 1) && covers) {
      if (bottom > top || right > left)
        found.set(`${top},${left}`, {
          top: top - 1,
          left: left - 1,
          bottom: bottom - 1,
          right: right - 1,
        });
      return;
    }
    if (box.rows === 1 && box.cols === 1) return;
    const split =
      box.rows >= box.cols
        ? [
            { ...box, rows: Math.ceil(box.rows / 2) },
            { ...box, top: box.top + Math.ceil(box.rows / 2), rows: Math.floor(box.rows / 2) },
          ]
        : [
            { ...box, cols: Math.ceil(box.cols / 2) },
            { ...box, left: box.left + Math.ceil(box.cols / 2), cols: Math.floor(box.cols / 2) },
          ];
    for (const half of split) visit(half);
  };
  visit(used);
  return [...found.values()].sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Every note of the sheet by A1 address (ET keeps them in one collection per sheet). */
export function readNotes(sheet: EtWorksheet): Map<string, string> {
  const notes = new Map<string, string>();
  const comments = sheet.Comments;
  for (let i = 1; i <= comments.Count; i++) {
    const comment = comments.Item(i);
    const at = firstCellOf(comment.Parent.Address());
    if (at) notes.set(toA1(at.row - 1, at.col - 1), String(comment.Text() ?? ""));
  }
  return notes;
}

export function findSheet(workbook: EtWorkbook, name: string): EtWorksheet | undefined {
  const sheets = workbook.Worksheets;
  for (let i = 1; i <= sheets.Count; i++) {
    const sheet = sheets.Item(i);
    if (sheet.Name === name) return sheet;
  }
  return undefined;
}

/** The `_selfeval` table: its snapshots and how many rows it holds now. */
export function readSnapshotTable(workbook: EtWorkbook): {
  snapshots: Map<string, StoredSnapshot>;
  rows: number;
} {
  const store = findSheet(workbook, SNAPSHOT_SHEET_NAME);
  if (!store) return { snapshots: new Map(), rows: 0 };
  const used = store.UsedRange;
  const rows = used.Row + used.Rows.Count - 1;
  const raw = store.Range(`A1:C${rows}`).Value2;
  const table = asMatrix(raw, rows, 3).map((line) =>
    line.map((v) => (v === undefined || v === null ? "" : v))
  );
  return { snapshots: decodeSnapshotTable(table), rows };
}

/** The used range as 1-based block; an empty sheet reports A1 with nothing in it. */
export function usedBox(sheet: EtWorksheet): Box {
  const used = sheet.UsedRange;
  return { top: used.Row, left: used.Column, rows: used.Rows.Count, cols: used.Columns.Count };
}

export function readSheet(
  workbook: EtWorkbook,
  sheet: EtWorksheet,
  checkSize: (sheetName: string, cells: number) => void
): { grid: CellGrid; state: WpsSheetState } {
  const sheetName = sheet.Name;
  const box = usedBox(sheet);
  checkSize(sheetName, box.rows * box.cols);
  const used = sheet.Range(boxAddress(box));
  const values = asMatrix(used.Value2, box.rows, box.cols);
  const formulas = asMatrix(used.Formula, box.rows, box.cols);

  const formats: string[][] = values.map((line) => line.map(() => "General"));
  const fills: (string | null)[][] = values.map((line) => line.map(() => null));
  const paint =
    <T>(target: T[][]) =>
    (b: Box, value: T) => {
      for (let r = 0; r < b.rows; r++)
        for (let c = 0; c < b.cols; c++) target[b.top - box.top + r][b.left - box.left + c] = value;
    };
  const cellRange = (b: Box) => sheet.Cells.Item(b.top, b.left);
  walkUniform(
    box,
    (b) => formatOf(sheet.Range(boxAddress(b))),
    paint(formats),
    (b) => {
      const f = formatOf(cellRange(b));
      return f === MIXED ? "General" : f;
    }
  );
  walkUniform(
    box,
    (b) => fillOf(sheet.Range(boxAddress(b))),
    paint(fills),
    (b) => {
      const f = fillOf(cellRange(b));
      return f === MIXED ? null : f;
    }
  );
  const notes = readNotes(sheet);

  const cells: Cell[][] = values.map((line, r) =>
    line.map((raw, c) => {
      const formula = formulaFromEt(formulas[r][c]);
      const empty = (raw === undefined || raw === null || raw === "") && formula === undefined;
      const numberFormat = formats[r][c];
      const shown = empty ? "" : sheet.Cells.Item(box.top + r, box.left + c).Text;
      const value = valueFromEt(raw, typeof shown === "string" ? shown : String(shown ?? ""));
      const cell: Cell = {
        value,
        text: textFromEt(shown, value, numberFormat),
        numberFormat,
        fill: fills[r][c],
        note: notes.get(toA1(box.top - 1 + r, box.left - 1 + c)) ?? null,
      };
      if (formula !== undefined) cell.formula = formula;
      return cell;
    })
  );
  const table = readSnapshotTable(workbook);
  const grid: CellGrid = {
    sheetName,
    originRow: box.top - 1,
    originCol: box.left - 1,
    cells,
    merges: readMerges(sheet, box),
    protected: sheet.ProtectContents === true,
  };
  const stored = table.snapshots.get(sheetName);
  if (stored) grid.snapshot = stored.snapshot;
  return {
    grid,
    state: {
      sheetName,
      protected: grid.protected,
      notes,
      snapshots: table.snapshots,
      snapshotRows: table.rows,
      grid,
    },
  };
}
