/* global HTMLElement -- a DOM type; the shared lint config declares only runtime globals */
/**
 * The pane outside Office (a plain browser, the Playwright tests): the same App over an in-memory
 * workbook holding the seed form, settings in localStorage, and a navigator that shows the cell a
 * finding points at. Issue 5 grows this into a page that scores a dropped .xlsx (loaded lazily).
 */
import { gridFromSpec } from "../../tests/fixtures/sheet-spec";
import { seed } from "../../tests/fixtures/forms/seed";
import { MemoryWorkbook } from "../hosts/memory/memory-workbook";
import type { CellNavigator } from "./contracts";
import { mountPane } from "./mount";
import { LocalStorageSettingsStore, MemorySettingsStore } from "./settings-stores";
import type { SettingsStore } from "./contracts";

/** Without a sheet on screen, "selecting" a cell means saying which one, in a live line above the pane. */
class PreviewNavigator implements CellNavigator {
  constructor(private readonly line: HTMLElement) {}

  async selectCell(address: string, sheetName?: string): Promise<void> {
    this.line.textContent = `${sheetName ? `${sheetName}!` : ""}${address}`;
    this.line.setAttribute("data-cell", address);
  }
}

function browserSettingsStore(): SettingsStore {
  try {
    if (typeof window !== "undefined" && window.localStorage)
      return new LocalStorageSettingsStore(window.localStorage, "selfeval.preview.settings");
  } catch {
    // Storage can throw when cookies are blocked; settings then last for the session only.
  }
  return new MemorySettingsStore();
}

export async function startPreview(container: HTMLElement): Promise<MemoryWorkbook> {
  const doc = container.ownerDocument;
  const workbook = new MemoryWorkbook([gridFromSpec(seed)]);

  container.textContent = "";
  const selection = doc.createElement("div");
  selection.setAttribute("data-testid", "preview-selection");
  selection.setAttribute("aria-live", "polite");
  selection.style.padding = "4px 12px 0";
  selection.style.fontFamily = "monospace";
  const paneRoot = doc.createElement("div");
  container.appendChild(selection);
  container.appendChild(paneRoot);

  mountPane(paneRoot, {
    port: workbook,
    settingsStore: browserSettingsStore(),
    navigator: new PreviewNavigator(selection),
    preview: true,
  });
  return workbook;
}
