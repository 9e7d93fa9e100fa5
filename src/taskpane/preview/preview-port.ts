/**
 * The port the preview hands the pane: one sheet of a workbook (the sample in memory, or a file the
 * user opened), and a change signal after every write or revert so the rendered sheet can redraw.
 */
import type { CellGrid, SheetSnapshot } from "../../domain/grid";
import type { ResolvedWrite } from "../../domain/plan-types";
import type { SheetRef, WorkbookPort } from "../../hosts/workbook-port";

export class PreviewPort implements WorkbookPort {
  private readonly listeners = new Set<() => void>();
  /** Bumped after each write or revert; a React external-store snapshot. */
  version = 0;
  /** How many scoring writes reached the workbook: the download waits for the first. */
  writes = 0;
  /** Whether the sheet now holds our scores: false again after a revert (nothing to download). */
  scored = false;

  constructor(
    private readonly inner: WorkbookPort,
    readonly sheet: SheetRef
  ) {}

  /** Only the chosen sheet: the pane scores the first sheet a port lists. */
  async listSheets(): Promise<SheetRef[]> {
    return [{ ...this.sheet }];
  }

  readGrid(sheet: SheetRef): Promise<CellGrid> {
    return this.inner.readGrid(sheet);
  }

  async write(resolved: ResolvedWrite): Promise<void> {
    await this.inner.write(resolved);
    this.writes++;
    this.scored = true;
    this.changed();
  }

  async revert(sheet: SheetRef): Promise<number> {
    const restored = await this.inner.revert(sheet);
    this.scored = false;
    this.changed();
    return restored;
  }

  readSnapshot(sheet: SheetRef): Promise<SheetSnapshot | undefined> {
    return this.inner.readSnapshot(sheet);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }
}
