/**
 * Settings kept with the document (Office.context.document.settings), read by the ribbon command:
 * the same key and shape as the pane's DocumentSettingsStore, so both see the user's choices.
 * (Cell navigation for the pane is ExcelWorkbook.selectCell.)
 */
import type { UserSettings } from "../../app/settings";
import type { SettingsStore } from "../../taskpane/contracts";

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
