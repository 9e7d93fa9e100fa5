/**
 * The task pane's Excel capabilities besides the workbook port: settings kept with the document
 * and moving the selection to a cell. They live here because only src/hosts/excel touches Office.
 */
import type { UserSettings } from "../../app/settings";
import type { CellNavigator, SettingsStore } from "../../taskpane/contracts";

export const SETTINGS_KEY = "selfeval.settings";

/** Office.context.document.settings: travels with the workbook, shared by the pane and the ribbon. */
export class OfficeDocumentSettingsStore implements SettingsStore {
  constructor(private readonly key = SETTINGS_KEY) {}

  async load(): Promise<unknown> {
    if (typeof Office === "undefined" || !Office.context?.document?.settings) return undefined;
    const value: unknown = Office.context.document.settings.get(this.key);
    return value === null ? undefined : value;
  }

  async save(settings: UserSettings): Promise<void> {
    const store = Office.context.document.settings;
    store.set(this.key, { ...settings });
    await new Promise<void>((resolve, reject) =>
      store.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded
          ? resolve()
          : reject(new Error(result.error?.message ?? "settings.saveAsync failed"))
      )
    );
  }
}

/** Selects a cell (activating its sheet), so clicking a finding shows where it is. */
export class ExcelCellNavigator implements CellNavigator {
  async selectCell(address: string, sheetName?: string): Promise<void> {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const sheet = sheetName ? sheets.getItem(sheetName) : sheets.getActiveWorksheet();
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    });
  }
}
