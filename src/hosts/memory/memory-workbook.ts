/**
 * A workbook held in memory: the host behind the browser preview page and the tests. It behaves like
 * the real hosts where it matters — reads are copies, writes are all-or-nothing, protected sheets
 * refuse, and the snapshot lives with the sheet.
 */
import type { CellGrid, SheetSnapshot } from "../../domain/grid";
import { fromA1 } from "../../domain/grid";
import type { ResolvedCell, ResolvedWrite } from "../../domain/plan-types";
import {
  cellFromState,
  copyGrid,
  copySnapshot,
  revertCells,
  setCellAt,
} from "../../domain/resolve";
import type { Lang } from "../../domain/model";
import { hostMessage } from "../../i18n/host";
import { HostError } from "../workbook-port";
import type { SheetRef, WorkbookPort } from "../workbook-port";

export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets = new Map<string, CellGrid>();
  /** How many write/revert batches changed a sheet: lets tests prove nothing was written. */
  writeCount = 0;

  private readonly lang: Lang;

  constructor(grids: CellGrid[], options: { lang?: Lang } = {}) {
    this.lang = options.lang ?? "zh-CN";
    for (const grid of grids) this.sheets.set(grid.sheetName, copyGrid(grid));
  }

  async listSheets(): Promise<SheetRef[]> {
    return [...this.sheets.keys()].map((name) => ({ name }));
  }

  async readGrid(sheet: SheetRef): Promise<CellGrid> {
    return copyGrid(this.sheet(sheet.name));
  }

  async write(resolved: ResolvedWrite): Promise<void> {
    const grid = this.writable(resolved.sheetName);
    this.apply(grid, resolved.cells);
    if (Object.keys(resolved.snapshot.cells).length > 0)
      grid.snapshot = copySnapshot(resolved.snapshot);
    else delete grid.snapshot;
    this.writeCount++;
  }

  async revert(sheet: SheetRef): Promise<number> {
    const grid = this.writable(sheet.name);
    const snapshot = grid.snapshot;
    if (!snapshot || Object.keys(snapshot.cells).length === 0) {
      throw new HostError(
        "NOTHING_TO_REVERT",
        hostMessage("nothingToRevert", { sheet: sheet.name }, this.lang)
      );
    }
    // Parts the user changed since our last write are theirs now: revert leaves them.
    const cells = revertCells(snapshot, grid);
    this.apply(grid, cells);
    delete grid.snapshot;
    this.writeCount++;
    return cells.length;
  }

  async readSnapshot(sheet: SheetRef): Promise<SheetSnapshot | undefined> {
    const snapshot = this.sheet(sheet.name).snapshot;
    return snapshot ? copySnapshot(snapshot) : undefined;
  }

  /** The sheet as stored now (a copy), for previews and assertions. */
  current(name: string): CellGrid {
    return copyGrid(this.sheet(name));
  }

  /** Replace or add a sheet, e.g. after the user edits the preview. */
  setGrid(grid: CellGrid): void {
    this.sheets.set(grid.sheetName, copyGrid(grid));
  }

  private sheet(name: string): CellGrid {
    const grid = this.sheets.get(name);
    if (!grid)
      throw new HostError("UNKNOWN", hostMessage("sheetMissing", { sheet: name }, this.lang));
    return grid;
  }

  private writable(name: string): CellGrid {
    const grid = this.sheet(name);
    if (grid.protected) {
      throw new HostError("PROTECTED", hostMessage("protected", { sheet: name }, this.lang));
    }
    return grid;
  }

  private apply(grid: CellGrid, cells: ResolvedCell[]): void {
    for (const { address, state } of cells) {
      const { row, col } = fromA1(address);
      setCellAt(grid, row, col, cellFromState(state));
    }
  }
}
