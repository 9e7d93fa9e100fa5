/**
 * The WorkbookPort over Office.js: the only code in the product that touches `Excel` and `Office`.
 *
 * Round trips are the cost on Excel on the web, so a recompute is one read sync and one write sync:
 * - read: values, text, number formats, formulas, merges (queried on the used range, so every merge
 *   anchored in it comes back), fills (cell properties), protection, the stored snapshot and the
 *   notes, all queued before a single `context.sync()`. Notes need ExcelApi 1.18 and have no address
 *   property: a sheet with notes we have not located yet costs one more sync (getItemAt → location).
 * - write: the snapshot table first, then every cell run (number formats + formulas/values as 2-D
 *   arrays, fills per span, notes per cell), one sync. Only a batch estimated above the 5 MB request
 *   limit of Excel on the web is split, inside one Excel.run with mergeUndoGroup where supported.
 * Snapshot-first keeps a failure half-way safe: the snapshot already holds the original of every
 * cell the failed batch could have changed, so revert still restores them.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   The queue*() helpers load and return a finisher that callers run only after context.sync(); these
   rules cannot follow a closure (and ClientResult.value needs no load). The fake Excel in
   tests/excel enforces load-before-read for real: it throws PropertyNotLoaded. */
import type { Cell, CellGrid, SheetSnapshot } from "../../domain/grid";
import { toA1 } from "../../domain/grid";
import type { Lang } from "../../domain/model";
import type { ResolvedCell, ResolvedWrite } from "../../domain/plan-types";
import { revertCells } from "../../domain/resolve";
import { hostMessage, type HostStringKey } from "../../i18n/host";
import {
  decodeSnapshotTable,
  encodeSnapshotTable,
  SNAPSHOT_PART_CHARS,
  SNAPSHOT_SHEET_NAME,
  withSnapshot,
  type SnapshotTable,
  type StoredSnapshot,
} from "../snapshot-codec";
import { HostError, type HostErrorCode, type SheetRef, type WorkbookPort } from "../workbook-port";
import {
  batchRuns,
  cellFromExcel,
  columnRuns,
  estimateRunBytes,
  fillFromProperties,
  fillSpans,
  formulaInput,
  parseAreaAddresses,
  type ColumnRun,
} from "./excel-cells";

export type ExcelRunner = <T>(
  options: Excel.RunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

export interface ExcelWorkbookOptions {
  /** Defaults to `Excel.run`; tests inject a fake. */
  run?: ExcelRunner;
  /** Defaults to `Office.context.requirements.isSetSupported`. */
  isSetSupported?: (name: string, minVersion: string) => boolean;
  /** How long Excel may take to answer one batch before we give up. */
  timeoutMs?: number;
  /** Used ranges larger than this are refused. */
  maxCells?: number;
  /** Estimated request/response bytes per sync; under Excel on the web's 5 MB limit. */
  payloadBudgetBytes?: number;
  /** How long a sheet read by listSheets() may be reused by the readGrid()/revert() that follows. */
  prefetchTtlMs?: number;
  lang?: Lang;
}

export const DEFAULT_MAX_CELLS = 200_000;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_PAYLOAD_BUDGET_BYTES = 4_000_000;
const PAYLOAD_ERRORS = ["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"];
/** Bytes a cell costs in a read response: values, text, format, formula and fill properties. */
const READ_BYTES_PER_CELL = 160;
/** Most bytes one `_selfeval` row can take in a response: a full part of CJK text (3 bytes each). */
const TABLE_ROW_MAX_BYTES = SNAPSHOT_PART_CHARS * 3 + 200;

/** What the last read learned about a sheet and the workbook, needed to write it. */
interface SheetState {
  sheetName: string;
  protected: boolean;
  /** Notes by A1 address; undefined where this Excel cannot read notes (before ExcelApi 1.18). */
  notes: Map<string, string> | undefined;
  snapshots: Map<string, StoredSnapshot>;
  snapshotSheet: { exists: boolean; rows: number; cols: number };
}

interface SheetRead {
  grid: CellGrid;
  state: SheetState;
}

type Ctx = Excel.RequestContext;
type Sheet = Excel.Worksheet;

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function defaultRun(): ExcelRunner {
  return (options, batch) => Excel.run(options, batch);
}

function defaultIsSetSupported(name: string, version: string): boolean {
  return (
    typeof Office !== "undefined" &&
    !!Office.context?.requirements &&
    Office.context.requirements.isSetSupported(name, version)
  );
}

/** Queues the read of the `_selfeval` table; the sheet may not exist (a null object then). */
function queueSnapshotRead(context: Ctx) {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SNAPSHOT_SHEET_NAME);
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,rowCount,columnCount");
  return () => {
    if (sheet.isNullObject) {
      return {
        snapshots: new Map<string, StoredSnapshot>(),
        sheet: { exists: false, rows: 0, cols: 0 },
      };
    }
    if (used.isNullObject) {
      return {
        snapshots: new Map<string, StoredSnapshot>(),
        sheet: { exists: true, rows: 0, cols: 0 },
      };
    }
    return {
      snapshots: decodeSnapshotTable(used.values),
      sheet: { exists: true, rows: used.rowCount, cols: used.columnCount },
    };
  };
}

type StoreSize = { exists: boolean; rows: number; cols: number };

/** Queues the size of the `_selfeval` table only, for reading it in bands (the careful path). */
function queueSnapshotSize(context: Ctx): () => StoreSize {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SNAPSHOT_SHEET_NAME);
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowCount,columnCount");
  return () => {
    if (sheet.isNullObject) return { exists: false, rows: 0, cols: 0 };
    if (used.isNullObject) return { exists: true, rows: 0, cols: 0 };
    return { exists: true, rows: used.rowCount, cols: used.columnCount };
  };
}

/**
 * Queues what locating the sheet's notes needs in the main read: the count, and a probe of every
 * address we already know held a note. When the probes account for every note, no extra sync.
 */
function queueNotesRead(sheet: Sheet, known: readonly string[], notesPerSync: number) {
  const count = sheet.notes.getCount();
  const probes = known.map((address) => {
    const note = sheet.notes.getItemOrNullObject(address);
    note.load("content");
    return { address, note };
  });
  return async (context: Ctx): Promise<Map<string, string>> => {
    const found = new Map<string, string>();
    for (const { address, note } of probes)
      if (!note.isNullObject) found.set(address, note.content);
    if (found.size === count.value) return found;
    const map = new Map<string, string>();
    for (let first = 0; first < count.value; first += notesPerSync) {
      const chunk = Array.from({ length: Math.min(notesPerSync, count.value - first) }, (_, i) => {
        const note = sheet.notes.getItemAt(first + i);
        note.load("content");
        const at = note.getLocation();
        at.load("address");
        return { note, at };
      });
      // Usually one round trip; more only when the notes would exceed the payload limit together.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const { note, at } of chunk) {
        const a = parseAreaAddresses(at.address)[0];
        if (a) map.set(toA1(a.top, a.left), note.content);
      }
    }
    return map;
  };
}

/** Queues the read of one block of cells (the used range, or a band of it on the careful path). */
function queueBlockRead(range: Excel.Range) {
  range.load("rowIndex,columnIndex,rowCount,columnCount,values,text,numberFormat,formulas");
  const merged = range.getMergedAreasOrNullObject();
  merged.load("address");
  const props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
  return (notes: Map<string, string> | undefined) => {
    const rows: Cell[][] = [];
    for (let r = 0; r < range.rowCount; r++) {
      const line: Cell[] = [];
      for (let c = 0; c < range.columnCount; c++) {
        const address = toA1(range.rowIndex + r, range.columnIndex + c);
        line.push(
          cellFromExcel(
            range.values[r][c],
            range.text[r][c],
            range.numberFormat[r][c],
            range.formulas[r][c],
            fillFromProperties(props.value[r]?.[c]?.format?.fill),
            notes ? (notes.get(address) ?? null) : undefined
          )
        );
      }
      rows.push(line);
    }
    const merges = merged.isNullObject ? [] : parseAreaAddresses(merged.address);
    return { originRow: range.rowIndex, originCol: range.columnIndex, rows, merges };
  };
}

export class ExcelWorkbook implements WorkbookPort {
  private readonly run: ExcelRunner;
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly timeoutMs: number;
  private readonly maxCells: number;
  private readonly budget: number;
  private readonly prefetchTtlMs: number;
  /** Language of the messages in the errors this adapter throws; the pane/command may change it. */
  lang: Lang;
  /** The state of the last read per sheet: what write() needs without reading again. */
  private readonly states = new Map<string, SheetState>();
  /** Addresses that held a note at our last look, per sheet: lets the next read skip a sync. */
  private readonly knownNotes = new Map<string, string[]>();
  private prefetched: { at: number; read: SheetRead } | undefined;
  /** The sheet read last: the active sheet is probably still that one (probes are only a hint). */
  private lastSheetName = "";

  constructor(options: ExcelWorkbookOptions = {}) {
    this.run = options.run ?? defaultRun();
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
    this.budget = options.payloadBudgetBytes ?? DEFAULT_PAYLOAD_BUDGET_BYTES;
    this.prefetchTtlMs = options.prefetchTtlMs ?? 3_000;
    this.lang = options.lang ?? "zh-CN";
  }

  /** Notes located per round trip, assuming at most 2 KB per note. */
  private get notesPerSync(): number {
    return Math.max(1, Math.floor(this.budget / 2000));
  }

  /** Notes (ExcelApi 1.18) are read and written only where Excel can. */
  get notesSupported(): boolean {
    return this.isSetSupported("ExcelApi", "1.18");
  }

  /**
   * The active sheet. It is read in full in the same round trip, because the recompute that asks
   * for it reads it next: readGrid()/revert() right after take that read instead of syncing again.
   */
  async listSheets(): Promise<SheetRef[]> {
    const read = await this.readSheet(undefined);
    this.prefetched = { at: Date.now(), read };
    return [{ name: read.grid.sheetName }];
  }

  async readGrid(sheet: SheetRef): Promise<CellGrid> {
    const read = this.takePrefetched(sheet.name) ?? (await this.readSheet(sheet.name));
    return read.grid;
  }

  async write(resolved: ResolvedWrite): Promise<void> {
    const name = resolved.sheetName;
    const state = this.states.get(name) ?? (await this.readSheet(name)).state;
    if (state.protected) throw this.error("PROTECTED", "protected", { sheet: name });
    const previous = state.snapshots.get(name);
    // Notes are ours to manage only if every run behind this snapshot could read them.
    const manageNotes = state.notes !== undefined && (previous?.notesTracked ?? true);
    const stored: StoredSnapshot = { snapshot: resolved.snapshot, notesTracked: manageNotes };
    await this.apply(
      state,
      resolved.cells,
      withSnapshot(state.snapshots, name, stored),
      manageNotes
    );
  }

  async revert(sheet: SheetRef): Promise<number> {
    const read = this.takePrefetched(sheet.name) ?? (await this.readSheet(sheet.name));
    const state = read.state;
    const stored = state.snapshots.get(sheet.name);
    if (!stored || Object.keys(stored.snapshot.cells).length === 0) {
      throw this.error("NOTHING_TO_REVERT", "nothingToRevert", { sheet: sheet.name });
    }
    if (state.protected) throw this.error("PROTECTED", "protected", { sheet: sheet.name });
    // Parts the user changed since our last write are theirs now: revert leaves them.
    const cells = revertCells(stored.snapshot, read.grid);
    const manageNotes = state.notes !== undefined && stored.notesTracked;
    await this.apply(
      state,
      cells,
      withSnapshot(state.snapshots, sheet.name, undefined),
      manageNotes
    );
    return cells.length;
  }

  async readSnapshot(sheet: SheetRef): Promise<SheetSnapshot | undefined> {
    const state =
      this.takePrefetched(sheet.name)?.state ?? (await this.readSheet(sheet.name)).state;
    return state.snapshots.get(sheet.name)?.snapshot;
  }

  /** Moves the selection to a cell (activating its sheet): the pane's CellNavigator capability. */
  async selectCell(address: string, sheetName?: string): Promise<void> {
    await this.excel(sheetName ?? "", false, async (context) => {
      const sheet = this.worksheet(context, sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    });
  }

  private takePrefetched(name: string): SheetRead | undefined {
    const p = this.prefetched;
    this.prefetched = undefined;
    if (p && p.read.grid.sheetName === name && Date.now() - p.at <= this.prefetchTtlMs)
      return p.read;
    return undefined;
  }

  /** Reads a sheet (by name, or the active one): one sync, more only for notes or huge sheets. */
  private async readSheet(name: string | undefined): Promise<SheetRead> {
    const label = name ?? "";
    const read = await this.excel(label, false, async (context) => {
      try {
        return await this.readFast(context, name);
      } catch (error) {
        if (!PAYLOAD_ERRORS.includes(errorCode(error) ?? "")) throw error;
      }
      return this.readCareful(context, name);
    });
    this.states.set(read.grid.sheetName, read.state);
    this.lastSheetName = read.grid.sheetName;
    return read;
  }

  private worksheet(context: Ctx, name: string | undefined): Sheet {
    const sheets = context.workbook.worksheets;
    return name === undefined ? sheets.getActiveWorksheet() : sheets.getItem(name);
  }

  private async readFast(context: Ctx, name: string | undefined): Promise<SheetRead> {
    const sheet = this.worksheet(context, name);
    sheet.load("name");
    sheet.protection.load("protected");
    const used = sheet.getUsedRange(true);
    const block = queueBlockRead(used);
    const snapshot = queueSnapshotRead(context);
    const notesRead = this.notesSupported
      ? queueNotesRead(
          sheet,
          this.knownNotes.get(name ?? this.lastSheetName) ?? [],
          this.notesPerSync
        )
      : undefined;
    await context.sync();
    this.checkSize(sheet.name, used.rowCount * used.columnCount);
    const notes = notesRead ? await notesRead(context) : undefined;
    return this.assemble(sheet, [block(notes)], snapshot(), notes);
  }

  /** For used ranges whose read exceeds the payload limit: size first, then bands of rows. */
  private async readCareful(context: Ctx, name: string | undefined): Promise<SheetRead> {
    const sheet = this.worksheet(context, name);
    sheet.load("name");
    sheet.protection.load("protected");
    const used = sheet.getUsedRange(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const storeSize = queueSnapshotSize(context);
    const notesRead = this.notesSupported
      ? queueNotesRead(sheet, [], this.notesPerSync)
      : undefined;
    await context.sync();
    this.checkSize(sheet.name, used.rowCount * used.columnCount);
    const notes = notesRead ? await notesRead(context) : undefined;
    const snapshot = await this.readSnapshotBands(context, storeSize());
    const bandRows = Math.max(
      1,
      Math.floor(this.budget / (used.columnCount * READ_BYTES_PER_CELL))
    );
    const blocks = [];
    for (let top = 0; top < used.rowCount; top += bandRows) {
      const rows = Math.min(bandRows, used.rowCount - top);
      const band = sheet.getRangeByIndexes(
        used.rowIndex + top,
        used.columnIndex,
        rows,
        used.columnCount
      );
      const finish = queueBlockRead(band);
      // Each band is its own round trip: together they would exceed the payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      blocks.push(finish(notes));
    }
    return this.assemble(sheet, blocks, snapshot, notes);
  }

  /** The `_selfeval` table in bands of rows, each under the payload budget even for CJK text. */
  private async readSnapshotBands(context: Ctx, size: StoreSize) {
    const rows: unknown[][] = [];
    const perSync = Math.max(1, Math.floor(this.budget / TABLE_ROW_MAX_BYTES));
    for (let top = 0; top < size.rows && size.cols > 0; top += perSync) {
      const band = context.workbook.worksheets
        .getItem(SNAPSHOT_SHEET_NAME)
        .getRangeByIndexes(top, 0, Math.min(perSync, size.rows - top), size.cols);
      band.load("values");
      // The table may be larger than one response when the form is: a sync per band then.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      rows.push(...band.values);
    }
    return { snapshots: decodeSnapshotTable(rows), sheet: size };
  }

  private checkSize(sheetName: string, cells: number): void {
    if (cells > this.maxCells) {
      throw this.error("TOO_LARGE", "tooLarge", {
        sheet: sheetName,
        cells: cells.toLocaleString("en-US"),
        limit: this.maxCells.toLocaleString("en-US"),
      });
    }
  }

  private assemble(
    sheet: Sheet,
    blocks: ReturnType<ReturnType<typeof queueBlockRead>>[],
    snapshot: ReturnType<ReturnType<typeof queueSnapshotRead>>,
    notes: Map<string, string> | undefined
  ): SheetRead {
    const sheetName = sheet.name;
    const grid: CellGrid = {
      sheetName,
      originRow: blocks[0].originRow,
      originCol: blocks[0].originCol,
      cells: blocks.flatMap((b) => b.rows),
      merges: blocks.flatMap((b) => b.merges),
      protected: sheet.protection.protected,
    };
    const stored = snapshot.snapshots.get(sheetName);
    if (stored) grid.snapshot = stored.snapshot;
    if (notes) this.knownNotes.set(sheetName, [...notes.keys()]);
    return {
      grid,
      state: {
        sheetName,
        protected: grid.protected,
        notes,
        snapshots: snapshot.snapshots,
        snapshotSheet: snapshot.sheet,
      },
    };
  }

  /**
   * Writes cell states and the snapshot table. Everything goes in one sync unless the estimated
   * request exceeds the payload budget; then the table (in row bands) and the cell runs are spread
   * over as few syncs as fit, table first.
   */
  private async apply(
    state: SheetState,
    cells: readonly ResolvedCell[],
    snapshots: Map<string, StoredSnapshot>,
    manageNotes: boolean
  ): Promise<void> {
    const name = state.sheetName;
    const table = encodeSnapshotTable(snapshots);
    const notes = new Map(state.notes ?? []);
    const steps: { bytes: number; queue: (context: Ctx, sheet: Sheet) => void }[] = [];
    const bands = tableBands(table, this.budget);
    let first = true;
    for (const band of bands) {
      const isFirst = first;
      first = false;
      steps.push({
        bytes: band.bytes,
        queue: (context) => this.queueSnapshotTable(context, state, table, band, isFirst),
      });
    }
    for (const batch of batchRuns(columnRuns(cells), this.budget)) {
      steps.push({
        bytes: batch.reduce((n, run) => n + estimateRunBytes(run), 0),
        queue: (_context, sheet) => {
          for (const run of batch) this.queueRun(sheet, run, manageNotes ? notes : undefined);
        },
      });
    }
    const groups: (typeof steps)[] = [];
    let used = Infinity;
    for (const step of steps) {
      if (used + step.bytes > this.budget) {
        groups.push([]);
        used = 0;
      }
      groups[groups.length - 1].push(step);
      used += step.bytes;
    }
    const undoable = this.isSetSupported("ExcelApi", "1.20");
    await this.excel(name, undoable, async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      for (const group of groups) {
        for (const step of group) step.queue(context, sheet);
        // More than one group only when one request would exceed the payload limit.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      }
    });
    state.snapshots = snapshots;
    state.snapshotSheet = { exists: true, rows: table.length, cols: 3 };
    if (manageNotes) {
      state.notes = notes;
      this.knownNotes.set(name, [...notes.keys()]);
    }
  }

  private queueSnapshotTable(
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
      if (first && rows > 0 && cols > 0)
        store.getRangeByIndexes(0, 0, rows, cols).clear("Contents");
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

  private queueRun(sheet: Sheet, run: ColumnRun, notes: Map<string, string> | undefined): void {
    const range = sheet.getRangeByIndexes(run.top, run.col, run.cells.length, 1);
    // Format first: a value written into a General cell would otherwise pick a format of its own.
    range.numberFormat = run.cells.map((c) => [c.state.numberFormat]);
    range.formulas = run.cells.map((c) => [formulaInput(c.state)]);
    for (const span of fillSpans(run)) {
      const target = sheet.getRangeByIndexes(span.top, run.col, span.rows, 1);
      if (span.fill === null) target.format.fill.clear();
      else target.format.fill.color = span.fill;
    }
    if (notes) for (const cell of run.cells) this.queueNote(sheet, cell, notes);
  }

  private queueNote(sheet: Sheet, cell: ResolvedCell, notes: Map<string, string>): void {
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

  /** Excel.run with a timeout, and every failure turned into a HostError with a clear message. */
  private async excel<T>(
    sheetName: string,
    mergeUndo: boolean,
    batch: (context: Ctx) => Promise<T>
  ): Promise<T> {
    const options: Excel.RunOptions = { delayForCellEdit: false };
    if (mergeUndo) options.mergeUndoGroup = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(this.error("TIMEOUT", "timeout", { seconds: Math.round(this.timeoutMs / 1000) })),
        this.timeoutMs
      );
    });
    try {
      return await Promise.race([this.run(options, batch), timeout]);
    } catch (error) {
      throw this.toHostError(error, sheetName);
    } finally {
      clearTimeout(timer);
    }
  }

  private toHostError(error: unknown, sheet: string): HostError {
    if (error instanceof HostError) return error;
    const code = errorCode(error);
    if (code === "InvalidOperationInCellEditMode")
      return this.error("EDIT_MODE", "editMode", {}, error);
    if (code === "AccessDenied") return this.error("PROTECTED", "protected", { sheet }, error);
    if (code === "ItemNotFound" && sheet !== "")
      return this.error("EMPTY", "sheetMissing", { sheet }, error);
    if (code && PAYLOAD_ERRORS.includes(code))
      return this.error(
        "TOO_LARGE",
        "tooLarge",
        { sheet, cells: "?", limit: this.maxCells },
        error
      );
    const detail = error instanceof Error ? error.message : String(error);
    return this.error("UNKNOWN", "unknown", { detail }, error);
  }

  private error(
    code: HostErrorCode,
    key: HostStringKey,
    params: Record<string, string | number>,
    cause?: unknown
  ): HostError {
    return new HostError(code, hostMessage(key, params, this.lang), cause);
  }
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
