/* global structuredClone */
/**
 * The WorkbookPort over an ExcelJS workbook held in memory (the CLI's host). Reads a sheet into a
 * CellGrid, applies a ResolvedWrite and keeps the snapshot inside the workbook (`_selfeval`).
 *
 * Writing changes only the aspects the plan changes (value, number format, fill, note); every other
 * part of the style is copied, never mutated, because ExcelJS shares one style object between all
 * cells read with the same style id. When a cell goes back to its original state, its original
 * value, fill, number format and note are put back exactly as they were read.
 */
import type ExcelJS from "exceljs";
import type { CellGrid, CellState, Cell, MergedArea, SheetSnapshot } from "../../domain/grid";
import { fromA1 } from "../../domain/grid";
import type { ResolvedWrite } from "../../domain/plan-types";
import { currentOriginal, valuePartChanged } from "../../domain/resolve";
import { HostError, type SheetRef, type WorkbookPort } from "../workbook-port";
import { hexToArgb, themePalette } from "./colors";
import { isMergeSlave, readCell, readState } from "./cell-read";
import { loadWorkbook } from "./open";
import {
  STORE_SHEET,
  readStore,
  writeStore,
  type RawCell,
  type StoreModel,
  type StoredSheet,
} from "./snapshot-store";

/** Reading more cells than this is refused rather than exhausting memory. */
export const MAX_GRID_CELLS = 4_000_000;

const NULL_TYPE = 0;

type Style = Record<string, unknown>;

function sameValue(a: CellState, b: CellState): boolean {
  return a.value === b.value && (a.formula ?? null) === (b.formula ?? null);
}

/**
 * A deep copy of an ExcelJS value, style or note. Those are plain data (objects, arrays, strings,
 * numbers, dates), copied directly: structuredClone costs microseconds per call and a write makes
 * several per touched cell. Anything else still goes through structuredClone.
 */
function clone<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map((item: unknown) => clone(item)) as T;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return structuredClone(v);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) out[key] = clone((v as Record<string, unknown>)[key]);
  return out as T;
}

function withoutUndefined(style: Style): Style {
  for (const key of Object.keys(style)) if (style[key] === undefined) delete style[key];
  return style;
}

function setNote(cell: ExcelJS.Cell, note: unknown): void {
  if (note === null || note === undefined) {
    // ExcelJS has no API to remove a note. The cell keeps it in `_comment`, and its value model keeps
    // a copy once the cell was read from a file or saved: both must go.
    const internals = cell as unknown as {
      _comment?: unknown;
      _value?: { model?: { comment?: unknown } };
    };
    delete internals._comment;
    if (internals._value?.model) delete internals._value.model.comment;
  } else {
    cell.note = clone(note) as string;
  }
}

function rawValue(cell: ExcelJS.Cell): unknown {
  return isMergeSlave(cell) ? null : clone(cell.value);
}

/**
 * Before a shared formula's master cell is overwritten, its copies get their own formula: ExcelJS
 * (like Excel) cannot save copies whose master is gone. Same formulas, only spelled out per cell.
 */
function detachSharedCopies(master: ExcelJS.Cell): void {
  const v = master.value as { shareType?: string; ref?: string } | null;
  if (!v || typeof v !== "object" || v.shareType !== "shared" || !v.ref) return;
  const [from, to] = v.ref.split(":");
  const a = fromA1(from);
  const b = fromA1(to ?? from);
  for (let r = a.row; r <= b.row; r++) {
    for (let c = a.col; c <= b.col; c++) {
      const copy = master.worksheet.findCell(r + 1, c + 1);
      const cv = copy?.value as { sharedFormula?: string; result?: unknown } | null | undefined;
      if (copy && cv && typeof cv === "object" && cv.sharedFormula === master.address) {
        copy.value = { formula: copy.formula, result: cv.result } as ExcelJS.CellValue;
      }
    }
  }
}

export function isSheetProtected(ws: ExcelJS.Worksheet): boolean {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null })
    .sheetProtection;
  return Boolean(protection && protection.sheet);
}

function mergesOf(ws: ExcelJS.Worksheet): MergedArea[] {
  const merges = (ws as unknown as { _merges: Record<string, { model: MergedArea } | undefined> })
    ._merges;
  return Object.values(merges)
    .filter((m): m is { model: MergedArea } => Boolean(m))
    .map(({ model }) => ({
      top: model.top - 1,
      left: model.left - 1,
      bottom: model.bottom - 1,
      right: model.right - 1,
    }));
}

export class XlsxWorkbook implements WorkbookPort {
  private readonly store: StoreModel;
  private readonly palette: string[];
  private readonly reconciled = new Set<string>();

  constructor(readonly workbook: ExcelJS.Workbook) {
    this.store = readStore(workbook);
    const themes = (workbook as unknown as { _themes?: Record<string, string> })._themes;
    this.palette = themePalette(themes?.theme1);
  }

  static async fromBytes(bytes: Uint8Array): Promise<XlsxWorkbook> {
    return new XlsxWorkbook(await loadWorkbook(bytes));
  }

  /** Visible sheets only: the store sheet and sheets the author hid are not scored. */
  async listSheets(): Promise<SheetRef[]> {
    return this.workbook.worksheets
      .filter((ws) => ws.name !== STORE_SHEET && (ws.state ?? "visible") === "visible")
      .map((ws) => ({ name: ws.name }));
  }

  /** True when no visible sheet holds a single value. */
  async isEmpty(): Promise<boolean> {
    const sheets = await this.listSheets();
    return sheets.every((s) => this.sheet(s.name).actualRowCount === 0);
  }

  async isProtected(sheet: SheetRef): Promise<boolean> {
    return isSheetProtected(this.sheet(sheet.name));
  }

  async readGrid(ref: SheetRef): Promise<CellGrid> {
    const ws = this.sheet(ref.name);
    this.reconcile(ws);
    const merges = mergesOf(ws);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const extend = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const hasValue = (cell.type as unknown as number) !== NULL_TYPE;
        if (hasValue || cell.note !== undefined) extend(rowNumber - 1, colNumber - 1);
      });
    });
    for (const m of merges) {
      extend(m.top, m.left);
      extend(m.bottom, m.right);
    }
    const cells: Cell[][] = [];
    if (bottom >= 0) {
      if ((bottom - top + 1) * (right - left + 1) > MAX_GRID_CELLS) {
        throw new HostError(
          "TOO_LARGE",
          `sheet ${ref.name}: the used range ${bottom - top + 1} × ${right - left + 1} is too large`
        );
      }
      for (let r = top; r <= bottom; r++) {
        const line: Cell[] = [];
        const row = ws.findRow(r + 1);
        for (let c = left; c <= right; c++) line.push(readCell(row?.findCell(c + 1), this.palette));
        cells.push(line);
      }
    }
    const grid: CellGrid = {
      sheetName: ws.name,
      originRow: bottom >= 0 ? top : 0,
      originCol: bottom >= 0 ? left : 0,
      cells,
      merges,
      protected: isSheetProtected(ws),
    };
    const snapshot = this.store.sheets[ws.name]?.snapshot;
    if (snapshot) grid.snapshot = clone(snapshot);
    return grid;
  }

  async readSnapshot(ref: SheetRef): Promise<SheetSnapshot | undefined> {
    const ws = this.sheet(ref.name);
    this.reconcile(ws);
    return clone(this.store.sheets[ws.name]?.snapshot);
  }

  async write(resolved: ResolvedWrite): Promise<void> {
    const ws = this.sheet(resolved.sheetName);
    if (isSheetProtected(ws)) {
      throw new HostError("PROTECTED", `sheet ${ws.name} is protected: nothing was written`);
    }
    this.reconcile(ws);
    const previous = this.store.sheets[ws.name];
    const raw: Record<string, RawCell> = { ...(previous?.raw ?? {}) };
    const snapshot: SheetSnapshot = { sheetName: ws.name, cells: { ...resolved.snapshot.cells } };
    if (resolved.snapshot.written) snapshot.written = { ...resolved.snapshot.written };
    // A cell an earlier snapshot already lists shows that run's writes, not its original: only a
    // cell touched for the first time gets a raw record. Record them all before the first change.
    const firstTouch = (address: string) => !raw[address] && !previous?.snapshot.cells[address];
    for (const { address } of resolved.cells) {
      if (firstTouch(address)) raw[address] = this.capture(ws.getCell(address));
      if (!snapshot.cells[address])
        snapshot.cells[address] = readState(ws.getCell(address), this.palette);
    }
    for (const address of Object.keys(snapshot.cells)) {
      if (firstTouch(address)) raw[address] = this.capture(ws.getCell(address));
    }
    // Originals another host recorded without notes stay unknown until that snapshot is gone.
    const notesTracked = previous?.notesTracked ?? true;
    for (const { address, state } of resolved.cells) {
      const cell = ws.getCell(address);
      this.apply(cell, state, snapshot.cells[address], raw[address], notesTracked);
      // What the cell shows now, as this host reads it: the next read compares with exactly that.
      const shown = readState(cell, this.palette);
      if (raw[address]) raw[address] = { ...raw[address], written: shown };
      if (snapshot.written) snapshot.written[address] = shown;
    }
    const kept: Record<string, RawCell> = {};
    for (const address of Object.keys(snapshot.cells))
      if (raw[address]) kept[address] = raw[address];
    const hasSnapshot = Object.keys(snapshot.cells).length > 0;
    this.setEntry(ws.name, hasSnapshot ? { snapshot, raw: kept, notesTracked } : undefined);
  }

  async revert(ref: SheetRef): Promise<number> {
    const ws = this.sheet(ref.name);
    this.reconcile(ws);
    const entry = this.store.sheets[ws.name];
    if (!entry) {
      throw new HostError("NOTHING_TO_REVERT", `sheet ${ws.name} has nothing to revert`);
    }
    if (isSheetProtected(ws)) {
      throw new HostError("PROTECTED", `sheet ${ws.name} is protected: nothing was restored`);
    }
    const addresses = Object.keys(entry.snapshot.cells);
    for (const address of addresses) {
      const original = entry.snapshot.cells[address];
      this.apply(ws.getCell(address), original, original, entry.raw[address], entry.notesTracked);
    }
    this.setEntry(ws.name, undefined);
    return addresses.length;
  }

  /** The workbook as .xlsx bytes. */
  async toBuffer(): Promise<Buffer> {
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws || ws.name === STORE_SHEET) throw new HostError("UNKNOWN", `no sheet named ${name}`);
    return ws;
  }

  private setEntry(name: string, entry: StoredSheet | undefined): void {
    if (entry) this.store.sheets[name] = entry;
    else delete this.store.sheets[name];
    writeStore(this.workbook, this.store);
  }

  private capture(cell: ExcelJS.Cell): RawCell {
    return {
      value: rawValue(cell),
      style: clone(cell.style as Style),
      note: clone(cell.note ?? null),
      written: readState(cell, this.palette),
    };
  }

  /**
   * Someone may have edited a touched cell since our last write (typed the missing 偏差原因 into a
   * highlighted cell, say). Each part that no longer shows what we wrote takes the edit as its new
   * original — decided by the engine's currentOriginal, as for every host — so a rescore neither
   * undoes the edit nor "restores" over it. The raw record of such a part becomes the edit too, and
   * the record of our write becomes what the cell shows now, so the engine sees nothing left to do.
   */
  private reconcile(ws: ExcelJS.Worksheet): void {
    if (this.reconciled.has(ws.name)) return;
    this.reconciled.add(ws.name);
    const entry = this.store.sheets[ws.name];
    if (!entry) return;
    const { snapshot } = entry;
    for (const [address, original] of Object.entries(snapshot.cells)) {
      const raw = entry.raw[address];
      // Our own reading right after the write is the closer record; another host's is the fallback.
      const written = raw?.written ?? snapshot.written?.[address];
      if (!written) continue;
      const { row, col } = fromA1(address);
      const cell = ws.findCell(row + 1, col + 1);
      const now = readState(cell, this.palette);
      const next = currentOriginal(original, written, now);
      snapshot.cells[address] = next;
      if (snapshot.written) snapshot.written[address] = now;
      if (!raw) continue;
      const style = (cell?.style ?? {}) as Style;
      if (valuePartChanged(now, written)) raw.value = cell ? rawValue(cell) : null;
      if (now.numberFormat !== written.numberFormat)
        raw.style = withoutUndefined({ ...raw.style, numFmt: clone(style.numFmt) });
      if (now.fill !== written.fill)
        raw.style = withoutUndefined({ ...raw.style, fill: clone(style.fill) });
      if (now.note !== written.note)
        raw.note = next.note === now.note ? clone(cell?.note ?? null) : next.note;
      raw.written = now;
    }
  }

  /** Bring one cell to `state`; aspects equal to the original come back from the raw record. */
  private apply(
    cell: ExcelJS.Cell,
    state: CellState,
    original: CellState | undefined,
    raw: RawCell | undefined,
    notesTracked = true
  ): void {
    const current = readState(cell, this.palette);
    const restoring = (same: boolean) => same && raw !== undefined;

    if (restoring(original !== undefined && sameValue(state, original))) {
      if (!isMergeSlave(cell)) cell.value = clone(raw!.value) as ExcelJS.CellValue;
    } else if (!sameValue(state, current)) {
      detachSharedCopies(cell);
      cell.value = (
        state.formula ? { formula: state.formula, result: state.value } : state.value
      ) as ExcelJS.CellValue;
    }

    const style: Style = { ...(cell.style as Style) };
    if (restoring(state.numberFormat === original?.numberFormat)) {
      style.numFmt = clone(raw!.style.numFmt);
    } else if (state.numberFormat !== current.numberFormat) {
      style.numFmt = state.numberFormat === "General" ? undefined : state.numberFormat;
    }
    if (restoring(state.fill === original?.fill)) {
      style.fill = clone(raw!.style.fill);
    } else if (state.fill !== current.fill) {
      style.fill = state.fill
        ? { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(state.fill) } }
        : undefined;
    }

    const noteIsOriginal = state.note === original?.note;
    if (restoring(noteIsOriginal)) setNote(cell, raw!.note);
    else if (noteIsOriginal && !notesTracked) {
      // The original note was never read: leave whatever note the cell has.
    } else if (state.note !== current.note) setNote(cell, state.note);

    // ExcelJS drops a cell with no value and no style on save, and its note with it.
    if (
      cell.note !== undefined &&
      cell.value === null &&
      Object.keys(withoutUndefined(style)).length === 0
    ) {
      style.protection = { locked: true };
    }
    cell.style = withoutUndefined(style) as Partial<ExcelJS.Style>;
  }
}
