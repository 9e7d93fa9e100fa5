/* global HTMLElement -- a DOM type; the shared lint config declares only runtime globals */
/**
 * The pane inside Excel: the Office.js workbook port (which also selects cells for findings) and
 * settings kept in the document, shared with the ribbon command. Loaded only after Office.onReady
 * reports Excel.
 */
import { OfficeDocumentSettingsStore } from "../hosts/excel/excel-pane-services";
import { ExcelWorkbook } from "../hosts/excel/excel-workbook";
import { mountPane } from "./mount";

export function startInExcel(container: HTMLElement): void {
  const workbook = new ExcelWorkbook();
  mountPane(container, {
    port: workbook,
    settingsStore: new OfficeDocumentSettingsStore(),
    navigator: workbook,
  });
}
