/** SettingsStore implementations for hosts without a document: the preview page and tests. */
import type { UserSettings } from "../app/settings";
import type { SettingsStore } from "./contracts";

export class MemorySettingsStore implements SettingsStore {
  /** Every save, in order: lets tests see what was persisted. */
  readonly saved: UserSettings[] = [];

  constructor(private stored: unknown = undefined) {}

  async load(): Promise<unknown> {
    return this.stored === undefined ? undefined : JSON.parse(JSON.stringify(this.stored));
  }

  async save(settings: UserSettings): Promise<void> {
    this.stored = { ...settings };
    this.saved.push({ ...settings });
  }
}

/** The part of the Web Storage API the store needs (window.localStorage fits). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Browser storage; a value that is not JSON reads as nothing stored rather than breaking the pane. */
export class LocalStorageSettingsStore implements SettingsStore {
  constructor(
    private readonly storage: KeyValueStorage,
    private readonly key = "selfeval.settings"
  ) {}

  async load(): Promise<unknown> {
    const text = this.storage.getItem(this.key);
    if (text === null) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  async save(settings: UserSettings): Promise<void> {
    this.storage.setItem(this.key, JSON.stringify(settings));
  }
}
