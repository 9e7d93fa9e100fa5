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
 *
 * The read is in excel-read.ts, the write in excel-write.ts, the error messages in excel-errors.ts.
 */
import type { CellGrid, SheetSnapshot } from "../../domain/grid";
import type { Lang } from "../../domain/model";
import type { ResolvedCell, ResolvedWrite } from "../../domain/plan-types";
import { revertCells } from "../../domain/resolve";
import { withSnapshot, type StoredSnapshot } from "../snapshot-codec";
import type { SheetRef, WorkbookPort } from "../workbook-port";
import { errorCode, HostErrors, PAYLOAD_ERRORS } from "./excel-errors";
import {
  readCareful,
  readFast,
  worksheet,
  type ReadNeeds,
  type SheetRead,
  type SheetState,
} from "./excel-read";
import { defaultIsSetSupported, defaultRun, runExcel, type ExcelRunner } from "./excel-run";
import { planWrite, queueNote } from "./excel-write";

export type { ExcelRunner } from "./excel-run";

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

type Ctx = Excel.RequestContext;

export class ExcelWorkbook implements WorkbookPort {
  private readonly run: ExcelRunner;
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly timeoutMs: number;
  private readonly maxCells: number;
  private readonly budget: number;
  private readonly prefetchTtlMs: number;
  /** Language of the messages in the errors this adapter throws; the pane/command may change it. */
  lang: Lang;
  private readonly errors: HostErrors;
  /** The state of the last read per sheet: what write() needs without reading again. */
  private readonly states = new Map<string, SheetState>();
  /** Addresses that held a note at our last look, per sheet: lets the next read skip a sync. */
  private readonly knownNotes = new Map<string, string[]>();
  private prefetched: { at: number; read: SheetRead } | undefined;
  /** The sheet read last: the active sheet is probably still that one (probes are only a hint). */
  private lastSheetName = "";
  private readonly readNeeds: ReadNeeds;

  constructor(options: ExcelWorkbookOptions = {}) {
    this.run = options.run ?? defaultRun();
    this.isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
    this.budget = options.payloadBudgetBytes ?? DEFAULT_PAYLOAD_BUDGET_BYTES;
    this.prefetchTtlMs = options.prefetchTtlMs ?? 3_000;
    this.lang = options.lang ?? "zh-CN";
    this.errors = new HostErrors(() => this.lang, this.maxCells);
    this.readNeeds = {
      budget: this.budget,
      notesSupported: () => this.notesSupported,
      knownNotes: this.knownNotes,
      lastSheetName: () => this.lastSheetName,
      checkSize: (sheetName, cells) => this.errors.checkSize(sheetName, cells),
    };
  }

  /**
   * Notes (ExcelApi 1.18) are read and written only where Excel can.
   * @apiSetGuard ExcelApi 1.18
   */
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
    if (state.protected) throw this.errors.error("PROTECTED", "protected", { sheet: name });
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
      throw this.errors.error("NOTHING_TO_REVERT", "nothingToRevert", { sheet: sheet.name });
    }
    if (state.protected) throw this.errors.error("PROTECTED", "protected", { sheet: sheet.name });
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
      const sheet = worksheet(context, sheetName);
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
        return await readFast(context, name, this.readNeeds);
      } catch (error) {
        if (!PAYLOAD_ERRORS.includes(errorCode(error) ?? "")) throw error;
      }
      return readCareful(context, name, this.readNeeds);
    });
    this.states.set(read.grid.sheetName, read.state);
    this.lastSheetName = read.grid.sheetName;
    return read;
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
    // queueNote needs ExcelApi 1.18: it is handed over only behind the guard (npm run check:apisets).
    const writeNote = manageNotes && this.notesSupported ? queueNote : undefined;
    const { table, notes, groups } = planWrite(state, cells, snapshots, writeNote, this.budget);
    await this.excel(name, true, async (context) => {
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
    if (writeNote) {
      state.notes = notes;
      this.knownNotes.set(name, [...notes.keys()]);
    }
  }

  private excel<T>(
    sheetName: string,
    mergeUndo: boolean,
    batch: (context: Ctx) => Promise<T>
  ): Promise<T> {
    const runner = {
      run: this.run,
      timeoutMs: this.timeoutMs,
      errors: this.errors,
      isSetSupported: this.isSetSupported,
    };
    return runExcel(runner, sheetName, mergeUndo, batch);
  }
}
