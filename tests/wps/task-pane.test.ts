/** 评分面板's pane handling against the WPS add-in API: one pane, toggled, recreated when gone. */
import {
  toggleTaskPane,
  PANE_ID_KEY,
  type WpsAddinApi,
  type WpsTaskPane,
} from "../../src/hosts/wps/wps-task-pane";

function fakeApi() {
  const panes = new Map<string, WpsTaskPane>();
  const storage = new Map<string, string>();
  const api: WpsAddinApi = {
    CreateTaskPane: (url: string) => {
      const pane = { ID: `p${panes.size + 1}`, Visible: false, DockPosition: 0, url };
      panes.set(pane.ID, pane);
      return pane;
    },
    GetTaskPane: (id) => {
      const pane = panes.get(String(id));
      if (!pane) throw new Error("找不到任务窗格");
      return pane;
    },
    PluginStorage: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
    },
  };
  return { api, panes, storage };
}

test("creates the pane docked right, then toggles it", () => {
  const { api, panes } = fakeApi();
  expect(toggleTaskPane(api, "http://h/pane.html")).toBe(true);
  expect(panes.size).toBe(1);
  expect(panes.get("p1")).toMatchObject({ Visible: true, DockPosition: 2, Width: 360 });
  expect(toggleTaskPane(api, "http://h/pane.html")).toBe(false);
  expect(toggleTaskPane(api, "http://h/pane.html")).toBe(true);
  expect(panes.size).toBe(1);
});

test("a stored id whose pane is gone (its window closed) makes a new pane", () => {
  const { api, panes, storage } = fakeApi();
  storage.set(PANE_ID_KEY, "p9");
  expect(toggleTaskPane(api, "http://h/pane.html")).toBe(true);
  expect(panes.size).toBe(1);
  expect(storage.get(PANE_ID_KEY)).toBe("p1");
});
