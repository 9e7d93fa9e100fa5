/**
 * What the pane needs from its host besides the workbook port. Small, optional capabilities so a
 * host that cannot do something (a host with no sheet on screen cannot move a selection) omits it.
 */
import type { UserSettings } from "../app/settings";

/** Moves the user's selection to a cell, so a finding can be clicked to see where it is. */
export interface CellNavigator {
  selectCell(address: string, sheetName?: string): Promise<void>;
}

/**
 * Keeps the user's settings with the document (the Excel host uses Office.context.document.settings).
 * load() returns the raw stored value — untrusted, validated by the caller — or undefined.
 */
export interface SettingsStore {
  load(): Promise<unknown>;
  save(settings: UserSettings): Promise<void>;
}
