/**
 * The WorkbookPort over WPS 表格's JS object model (ET): with wps-globals.ts the only code in the
 * product that touches the `wps`/`Application` globals. The object model is synchronous and
 * in-process, so a recompute is one read of the active sheet (wps-read.ts) and one write
 * (wps-write.ts), the snapshot table first. Snapshots live on the same very hidden `_selfeval`
 * sheet in the same table format as the Excel and the .xlsx hosts (snapshot-codec.ts), so a file
 * scored in one of them reverts in any other.
 */
import type { CellGrid, SheetSnapshot } from "../../domain/grid";
import type { Lang } from "../../domain/model";
import type { ResolvedCell, ResolvedWrite } from "../../domain/plan-types";
import { copyGrid, revertCells } from "../../domain/resolve";
import { hostMessage, type HostStringKey } from "../../i18n/host";
import { encodeSnapshotTable, withSnapshot, type StoredSnapshot } from "../snapshot-codec";
import { HostError, type HostErrorCode, type SheetRef, type WorkbookPort } from "../workbook-port";
import type { EtApplication, EtWorkbook, EtWorksheet } from "./et-types";
import { etApplication } from "./wps-globals";
import { findSheet, readSheet, type WpsSheetState } from "./wps-read";
import { writeCells, writeSnapshotTable } from "./wps-write";

export interface WpsWorkbookOptions {
  /** Defaults to the application WPS injects; tests pass a fake ET. */
  app?: () => EtApplication | undefined;
  /** Used ranges larger than this are refused. */
  maxCells?: number;
  lang?: Lang;
}

export const DEFAULT_MAX_CELLS = 200_000;

export class WpsWorkbook implements WorkbookPort {
  /** The language of error messages; the ribbon sets it from the user's settings. */
  lang: Lang;
  private readonly app: () => EtApplication | undefined;
  private readonly maxCells: number;
  private readonly states = new Map<string, WpsSheetState>();

  constructor(options: WpsWorkbookOptions = {}) {
    this.app = options.app ?? etApplication;
    this.maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
    this.lang = options.lang ?? "zh-CN";
  }

  /** The active sheet only: the form the user is looking at. */
  async listSheets(): Promise<SheetRef[]> {
    return this.et("", () => {
      const sheet = this.application().ActiveSheet;
      if (!sheet) throw this.error("EMPTY", "wpsNoWorkbook", {});
      return [{ name: sheet.Name }];
    });
  }

  async readGrid(sheet: SheetRef): Promise<CellGrid> {
    return copyGrid(this.read(sheet.name).grid);
  }

  async write(resolved: ResolvedWrite): Promise<void> {
    const name = resolved.sheetName;
    const state = this.states.get(name) ?? this.read(name).state;
    const previous = state.snapshots.get(name);
    // Notes are ours to manage only if every run behind this snapshot could read them.
    const manageNotes = previous?.notesTracked ?? true;
    const stored: StoredSnapshot = { snapshot: resolved.snapshot, notesTracked: manageNotes };
    this.apply(state, resolved.cells, withSnapshot(state.snapshots, name, stored), manageNotes);
  }

  async revert(sheet: SheetRef): Promise<number> {
    const { grid, state } = this.read(sheet.name);
    const stored = state.snapshots.get(sheet.name);
    if (!stored || Object.keys(stored.snapshot.cells).length === 0)
      throw this.error("NOTHING_TO_REVERT", "nothingToRevert", { sheet: sheet.name });
    // Parts the user changed since our last write are theirs now: revert leaves them.
    const cells = revertCells(stored.snapshot, grid);
    this.apply(
      state,
      cells,
      withSnapshot(state.snapshots, sheet.name, undefined),
      stored.notesTracked
    );
    return cells.length;
  }

  async readSnapshot(sheet: SheetRef): Promise<SheetSnapshot | undefined> {
    return this.read(sheet.name).state.snapshots.get(sheet.name)?.snapshot;
  }

  /** Moves the selection to a cell (activating its sheet), for a pane's list of findings. */
  async selectCell(address: string, sheetName?: string): Promise<void> {
    this.et(sheetName ?? "", () => {
      const sheet =
        sheetName === undefined ? this.application().ActiveSheet : this.sheet(sheetName);
      if (!sheet) return;
      sheet.Activate();
      sheet.Range(address).Select();
    });
  }

  private application(): EtApplication {
    const app = this.app();
    if (!app) throw this.error("UNKNOWN", "wpsNoApplication", {});
    return app;
  }

  private workbook(): EtWorkbook {
    const workbook = this.application().ActiveWorkbook;
    if (!workbook) throw this.error("EMPTY", "wpsNoWorkbook", {});
    return workbook;
  }

  private sheet(name: string): EtWorksheet {
    const sheet = findSheet(this.workbook(), name);
    if (!sheet) throw this.error("EMPTY", "sheetMissing", { sheet: name });
    return sheet;
  }

  private read(name: string): { grid: CellGrid; state: WpsSheetState } {
    const read = this.et(name, () =>
      readSheet(this.workbook(), this.sheet(name), (sheetName, cells) => {
        if (cells > this.maxCells)
          throw this.error("TOO_LARGE", "tooLarge", {
            sheet: sheetName,
            cells: cells.toLocaleString("en-US"),
            limit: this.maxCells.toLocaleString("en-US"),
          });
      })
    );
    this.states.set(name, read.state);
    return read;
  }

  /** Writes cell states and the snapshot table; a protected sheet gets nothing at all. */
  private apply(
    state: WpsSheetState,
    cells: readonly ResolvedCell[],
    snapshots: Map<string, StoredSnapshot>,
    manageNotes: boolean
  ): void {
    const name = state.sheetName;
    this.et(name, () => {
      const workbook = this.workbook();
      const sheet = this.sheet(name);
      // Asked again now: protection may have been switched on since the read.
      if (sheet.ProtectContents === true)
        throw this.error("PROTECTED", "protected", { sheet: name });
      const table = encodeSnapshotTable(snapshots);
      const app = this.application();
      const screen = app.ScreenUpdating;
      try {
        if (typeof screen === "boolean") app.ScreenUpdating = false;
        writeSnapshotTable(workbook, sheet, state.snapshotRows, table);
        state.snapshots = snapshots;
        state.snapshotRows = table.length;
        writeCells(sheet, state, cells, manageNotes ? state.notes : undefined);
      } finally {
        if (typeof screen === "boolean") app.ScreenUpdating = screen;
      }
    });
    // What the sheet holds now differs from the read: the next write reads again.
    this.states.delete(name);
  }

  /** Runs ET calls, turning every failure into a HostError with a message in the user's language. */
  private et<T>(sheet: string, body: () => T): T {
    try {
      return body();
    } catch (error) {
      if (error instanceof HostError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw this.error("UNKNOWN", "wpsUnknown", { detail, sheet }, error);
    }
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
