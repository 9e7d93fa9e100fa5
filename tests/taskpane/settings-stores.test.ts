import { DEFAULT_SETTINGS, type UserSettings } from "../../src/app/settings";
import {
  DocumentSettingsStore,
  SETTINGS_KEY,
  type DocumentSettingsBag,
} from "../../src/taskpane/document-settings-store";
import {
  LocalStorageSettingsStore,
  MemorySettingsStore,
  type KeyValueStorage,
} from "../../src/taskpane/settings-stores";

const CHANGED: UserSettings = {
  ...DEFAULT_SETTINGS,
  profileId: "guangxi",
  overTargetThreshold: 1.5,
  notes: false,
  lang: "en",
};

/** Behaves like Office.Settings: set() changes memory, saveAsync() persists it. */
class FakeBag implements DocumentSettingsBag {
  memory = new Map<string, unknown>();
  persisted = new Map<string, unknown>();
  failWith: string | null = null;
  get(name: string): unknown {
    return this.memory.has(name) ? this.memory.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.memory.set(name, value);
  }
  saveAsync(
    callback?: (r: { status: unknown; error?: { message?: string } | null }) => void
  ): void {
    if (this.failWith) {
      callback?.({ status: "failed", error: { message: this.failWith } });
      return;
    }
    this.persisted = new Map(this.memory);
    callback?.({ status: "succeeded" });
  }
}

describe("DocumentSettingsStore", () => {
  test("nothing stored reads as undefined", async () => {
    expect(await new DocumentSettingsStore(new FakeBag()).load()).toBeUndefined();
  });

  test("save writes into the document (saveAsync) and load reads it back", async () => {
    const bag = new FakeBag();
    const store = new DocumentSettingsStore(bag);
    await store.save(CHANGED);
    expect(bag.persisted.get(SETTINGS_KEY)).toEqual(CHANGED);
    expect(await store.load()).toEqual(CHANGED);
  });

  test("a failed saveAsync rejects with Office's message", async () => {
    const bag = new FakeBag();
    bag.failWith = "The document is read-only.";
    await expect(new DocumentSettingsStore(bag).save(CHANGED)).rejects.toThrow(
      "The document is read-only."
    );
  });
});

describe("LocalStorageSettingsStore", () => {
  function storage(): KeyValueStorage & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
    };
  }

  test("round-trips settings as JSON under its key", async () => {
    const s = storage();
    const store = new LocalStorageSettingsStore(s, "k");
    expect(await store.load()).toBeUndefined();
    await store.save(CHANGED);
    expect(JSON.parse(s.data.get("k")!)).toEqual(CHANGED);
    expect(await store.load()).toEqual(CHANGED);
  });

  test("a value that is not JSON reads as nothing stored", async () => {
    const s = storage();
    s.data.set("k", "{not json");
    expect(await new LocalStorageSettingsStore(s, "k").load()).toBeUndefined();
  });
});

describe("MemorySettingsStore", () => {
  test("load returns a copy, so a caller cannot change what is stored", async () => {
    const store = new MemorySettingsStore({ lang: "en" });
    const first = (await store.load()) as Record<string, unknown>;
    first.lang = "zh-CN";
    expect(await store.load()).toEqual({ lang: "en" });
  });
});
