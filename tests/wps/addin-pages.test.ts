/**
 * @jest-environment jsdom
 *
 * The add-in's pages as WPS runs them: the ET application injected as the global `Application`
 * (here the fake ET plus the add-in API: CreateTaskPane, GetTaskPane, PluginStorage), the ribbon's
 * callbacks looked up as globals of index.html, and the 评分面板 driven by its buttons.
 */
import { seed } from "../fixtures/forms/seed";
import { SNAPSHOT_SHEET_NAME } from "../../src/hosts/snapshot-codec";
import { PANE_ID_KEY, type WpsTaskPane } from "../../src/hosts/wps/wps-task-pane";
import { FakeEt } from "./fake-et";

class FakeAddinEt extends FakeEt {
  readonly panes: (WpsTaskPane & { url: string })[] = [];
  private readonly storage = new Map<string, string>();
  PluginStorage = {
    getItem: (key: string) => this.storage.get(key) ?? null,
    setItem: (key: string, value: string) => void this.storage.set(key, value),
  };
  CreateTaskPane(url: string): WpsTaskPane {
    const pane = { ID: `pane${this.panes.length + 1}`, Visible: false, DockPosition: 0, url };
    this.panes.push(pane);
    return pane;
  }
  GetTaskPane(id: string): WpsTaskPane | undefined {
    return this.panes.find((p) => p.ID === id);
  }
}

function install(): FakeAddinEt {
  const et = new FakeAddinEt();
  et.addSpec(seed);
  (global as unknown as Record<string, unknown>).Application = et;
  return et;
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

afterEach(() => {
  delete (global as unknown as Record<string, unknown>).Application;
  jest.resetModules();
  window.localStorage.clear();
});

type Callbacks = {
  OnAddinLoad: (ui: unknown) => boolean;
  OnAction: (control: { Id: string }) => boolean;
  GetImage: (control: { Id: string }) => string;
};

describe("ribbon page (index.html)", () => {
  test("一键评分 scores the active sheet through the global Application, silently", async () => {
    const et = install();
    const alert = jest.spyOn(window, "alert").mockImplementation(() => undefined);
    await import("../../src/wps-addin/ribbon");
    const ribbon = window as unknown as Callbacks;
    expect(ribbon.OnAddinLoad({})).toBe(true);
    expect(ribbon.OnAction({ Id: "selfevalRecompute" })).toBe(true);
    await settle();
    expect(et.cell(seed.name, "I38").value).toBe(98.83);
    expect(et.sheet(SNAPSHOT_SHEET_NAME).Visible).toBe(2);
    expect(alert).not.toHaveBeenCalled();
    expect(ribbon.GetImage({ Id: "selfevalPane" })).toBe("images/pane.svg");
  });

  test("a problem is shown: a protected sheet, in the language of the settings", async () => {
    const et = install();
    et.sheet(seed.name).ProtectContents = true;
    window.localStorage.setItem("selfeval.settings", JSON.stringify({ lang: "en" }));
    const alert = jest.spyOn(window, "alert").mockImplementation(() => undefined);
    await import("../../src/wps-addin/ribbon");
    (window as unknown as Callbacks).OnAction({ Id: "selfevalRecompute" });
    await settle();
    expect(alert).toHaveBeenCalledTimes(1);
    expect(alert.mock.calls[0][0]).toMatch(/is protected; nothing was written/);
  });

  test("评分面板 opens one task pane beside the page and toggles it", async () => {
    const et = install();
    await import("../../src/wps-addin/ribbon");
    const ribbon = window as unknown as Callbacks;
    ribbon.OnAction({ Id: "selfevalPane" });
    expect(et.panes).toHaveLength(1);
    expect(et.panes[0].url).toBe("http://localhost/pane.html");
    expect(et.panes[0].Visible).toBe(true);
    expect(et.panes[0].DockPosition).toBe(2);
    expect(et.PluginStorage.getItem(PANE_ID_KEY)).toBe("pane1");
    ribbon.OnAction({ Id: "selfevalPane" });
    expect(et.panes).toHaveLength(1);
    expect(et.panes[0].Visible).toBe(false);
  });
});

describe("评分面板 (pane.html)", () => {
  function button(name: string): { click(): void } {
    const found = [...document.querySelectorAll("button")].find((b) => b.textContent === name);
    if (!found) throw new Error(`no button ${name}`);
    return found;
  }

  test("重新计算 shows the total and findings; a finding selects its cell; 撤销评分 restores", async () => {
    const et = install();
    document.body.innerHTML = '<main id="app"></main>';
    await import("../../src/wps-addin/pane");
    await settle();
    button("重新计算").click();
    await settle();
    expect(document.querySelector(".status")?.textContent).toBe("总分 98.83（优）");
    const cells = [...document.querySelectorAll("li.finding button.cell")];
    expect(cells.length).toBeGreaterThan(0);
    expect(document.querySelector("li.finding")?.className).toMatch(/error|warning|info/);
    (cells[0] as unknown as { click(): void }).click();
    await settle();
    expect(et.selection).toBe(`${seed.name}!$${cells[0].textContent?.replace(/(\d+)/, "$$$1")}`);

    button("撤销评分").click();
    await settle();
    expect(document.querySelector(".status")?.textContent).toMatch(
      /^已撤销评分，恢复了 \d+ 个单元格。$/
    );
    expect(et.dump(seed.name)).toEqual(FakeEt.fromSpec(seed).dump(seed.name));
  });
});
