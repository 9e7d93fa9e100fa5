/* global HTMLElement -- a DOM type; the shared lint config declares only runtime globals */
/**
 * The pane inside Excel: the Office.js workbook port, settings kept in the document, and cell
 * navigation when the host offers it. Loaded only after Office.onReady reports Excel.
 */
import { ExcelWorkbook } from "../hosts/excel/excel-workbook";
import type { CellNavigator } from "./contracts";
import { DocumentSettingsStore, type DocumentSettingsBag } from "./document-settings-store";
import { mountPane } from "./mount";

/** A host object that can move the selection exposes selectCell(address, sheetName?). */
export function asNavigator(host: unknown): CellNavigator | undefined {
  const candidate = host as Partial<CellNavigator> | null;
  return candidate && typeof candidate.selectCell === "function"
    ? (candidate as CellNavigator)
    : undefined;
}

export function startInExcel(container: HTMLElement, settingsBag: DocumentSettingsBag): void {
  const workbook = new ExcelWorkbook();
  mountPane(container, {
    port: workbook,
    settingsStore: new DocumentSettingsStore(settingsBag),
    navigator: asNavigator(workbook),
  });
}
