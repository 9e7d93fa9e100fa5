/**
 * Tell apart the ways a file can fail to be a readable workbook before ExcelJS sees it, so each
 * failure gets its own one-line reason instead of a library stack trace. No Node API here: the
 * browser preview loads this module too (with ExcelJS's browser build).
 */
import ExcelJS from "exceljs";
import { HostError } from "../workbook-port";
import { sniffFile } from "./sniff";

export { sniffFile, type FileKind } from "./sniff";

/** Load .xlsx bytes, or throw a HostError whose code says why they are not a usable workbook. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  switch (sniffFile(bytes)) {
    case "encrypted":
      throw new HostError("ENCRYPTED", "the workbook is password-protected");
    case "xls":
      throw new HostError("NOT_XLSX", "an old binary .xls workbook, not .xlsx");
    case "zip-not-xlsx":
      throw new HostError("NOT_XLSX", "a zip file that holds no Excel workbook");
    case "not-xlsx":
      throw new HostError("NOT_XLSX", "not an .xlsx file");
    case "xlsx":
      break;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want its own Buffer type; it reads a Node Buffer or, in a browser, any Uint8Array.
    await workbook.xlsx.load(bytes as never);
  } catch (e) {
    throw new HostError("CORRUPT", `the workbook is damaged (${(e as Error).message})`, e);
  }
  return workbook;
}
