/**
 * Opening a user's .xlsx in the browser with the CLI's own in-place package host, so a file scores
 * here exactly as the command line scores it and comes back whole. Loaded only by a dynamic import
 * when a file is chosen: the pane's bundle stays small. The bytes never leave the page.
 */
import { scoreGrid } from "../../domain";
import { HostError } from "../../hosts/workbook-port";
import { sniffFile } from "../../hosts/xlsx/sniff";
import { PackageWorkbook } from "../../hosts/xlsx/package-workbook";

export type OpenFailure =
  | "NOT_XLSX"
  | "XLS"
  | "ZIP"
  | "ENCRYPTED"
  | "CORRUPT"
  | "EMPTY"
  | "NO_TABLE"
  | "TOO_LARGE"
  | "UNKNOWN";

export class OpenFileError extends Error {
  constructor(
    readonly reason: OpenFailure,
    readonly detail = ""
  ) {
    super(detail || reason);
    this.name = "OpenFileError";
  }
}

export interface OpenedXlsx {
  workbook: PackageWorkbook;
  /** Visible sheets that hold a 自评表, in workbook order. */
  formSheets: string[];
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

function failureOf(error: HostError, bytes: Uint8Array): OpenFileError {
  switch (error.code) {
    case "NOT_XLSX": {
      const kind = sniffFile(bytes);
      return new OpenFileError(
        kind === "xls" ? "XLS" : kind === "zip-not-xlsx" ? "ZIP" : "NOT_XLSX"
      );
    }
    case "ENCRYPTED":
    case "CORRUPT":
    case "EMPTY":
    case "NO_TABLE":
    case "TOO_LARGE":
      return new OpenFileError(error.code, error.message);
    default:
      return new OpenFileError("UNKNOWN", error.message);
  }
}

export async function openXlsx(bytes: Uint8Array): Promise<OpenedXlsx> {
  let workbook: PackageWorkbook;
  try {
    workbook = PackageWorkbook.fromBytes(bytes);
  } catch (error) {
    if (error instanceof HostError) throw failureOf(error, bytes);
    throw new OpenFileError("UNKNOWN", error instanceof Error ? error.message : String(error));
  }
  const sheets = await workbook.listSheets();
  if (sheets.length === 0 || (await workbook.isEmpty())) throw new OpenFileError("EMPTY");
  const formSheets: string[] = [];
  let tooLarge: HostError | null = null;
  for (const sheet of sheets) {
    try {
      if (!(await workbook.mayHoldForm(sheet))) continue;
      if (scoreGrid(await workbook.readGrid(sheet)).ok) formSheets.push(sheet.name);
    } catch (error) {
      if (error instanceof HostError && error.code === "TOO_LARGE") tooLarge = error;
      else throw error;
    }
  }
  if (formSheets.length === 0) {
    throw tooLarge ? failureOf(tooLarge, bytes) : new OpenFileError("NO_TABLE");
  }
  return { workbook, formSheets };
}

/** The workbook as it is now (scored, or reverted), as a file to download. */
export async function workbookBlob(workbook: PackageWorkbook, macros = false): Promise<Blob> {
  const data = workbook.toBytes();
  return new Blob([data as unknown as ArrayBuffer], { type: macros ? XLSM_TYPE : XLSX_TYPE });
}
