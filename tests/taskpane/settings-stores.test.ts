import { DEFAULT_SETTINGS, type UserSettings } from "../../src/app/settings";
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
