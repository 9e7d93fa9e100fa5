/**
 * The one interface every host implements (Excel via office-js, .xlsx/.xlsm edited in place, in-memory for the
 * preview page). The engine never sees a host; hosts never score.
 */
import type { CellGrid, SheetSnapshot } from "../domain/grid";
import type { ResolvedWrite } from "../domain/plan-types";

export type HostErrorCode =
  | "EDIT_MODE" // the user is typing in a cell
  | "PROTECTED" // the sheet is protected: nothing written
  | "NO_TABLE" // no 自评表 found
  | "TOO_LARGE" // the used range is too large to read
  | "TIMEOUT" // the host did not answer in time
  | "NOT_XLSX" // not an .xlsx (zip) file
  | "ENCRYPTED" // password-protected workbook
  | "CORRUPT" // unreadable workbook
  | "EMPTY" // no sheets / no cells
  | "NOTHING_TO_REVERT"
  | "UNKNOWN";

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly cause?: unknown
  ) {
    super(message);
    this.name = "HostError";
  }
}

export interface SheetRef {
  name: string;
}

export interface WorkbookPort {
  /** Sheets this host can score (the Excel host returns the active sheet only). */
  listSheets(): Promise<SheetRef[]>;
  /** Read a sheet once: values, text, formats, merges, protection, existing fills/notes and the stored snapshot. */
  readGrid(sheet: SheetRef): Promise<CellGrid>;
  /** Write every resolved cell and store the new snapshot, in one batch. Throws HostError("PROTECTED") with nothing written. */
  write(resolved: ResolvedWrite): Promise<void>;
  /**
   * Restore every cell of the stored snapshot and drop the snapshot; a part the user changed since
   * our last write stays as they left it. Returns the number of cells restored.
   */
  revert(sheet: SheetRef): Promise<number>;
  /** The stored snapshot of a sheet, if any. */
  readSnapshot(sheet: SheetRef): Promise<SheetSnapshot | undefined>;
}
