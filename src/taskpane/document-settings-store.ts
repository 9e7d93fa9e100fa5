/**
 * Settings kept inside the workbook, so they travel with the file: a SettingsStore over the
 * `Office.context.document.settings` bag. The bag is passed in (only the bootstrap touches the
 * Office global), which keeps this testable with a plain object.
 */
import type { UserSettings } from "../app/settings";
import type { SettingsStore } from "./contracts";

/** The part of Office.Settings the store uses. */
export interface DocumentSettingsBag {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(
    callback?: (result: { status: unknown; error?: { message?: string } | null }) => void
  ): void;
}

export const SETTINGS_KEY = "selfeval.settings";

export class DocumentSettingsStore implements SettingsStore {
  constructor(
    private readonly bag: DocumentSettingsBag,
    private readonly key = SETTINGS_KEY
  ) {}

  async load(): Promise<unknown> {
    const value = this.bag.get(this.key);
    return value === null ? undefined : value;
  }

  /** set() only changes the in-memory copy; saveAsync() writes it into the document. */
  save(settings: UserSettings): Promise<void> {
    this.bag.set(this.key, { ...settings });
    return new Promise((resolve, reject) => {
      this.bag.saveAsync((result) => {
        // Office.AsyncResultStatus.Succeeded is the string "succeeded"; compared as text so this file needs no Office global.
        if (String(result.status).toLowerCase() === "succeeded") resolve();
        else reject(new Error(result.error?.message ?? "saveAsync failed"));
      });
    });
  }
}
