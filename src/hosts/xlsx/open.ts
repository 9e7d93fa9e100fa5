/**
 * Tell apart the ways a file can fail to be a readable workbook before ExcelJS sees it, so each
 * failure gets its own one-line reason instead of a library stack trace.
 */
import ExcelJS from "exceljs";
import { HostError } from "../workbook-port";

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// Office puts a password-protected .xlsx inside an OLE container with this stream name (UTF-16LE).
const ENCRYPTED_STREAM = Buffer.from("EncryptedPackage", "utf16le");

export type FileKind = "xlsx" | "encrypted" | "xls" | "zip-not-xlsx" | "not-xlsx";

export function sniffFile(bytes: Buffer): FileKind {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    return bytes.includes(ENCRYPTED_STREAM) ? "encrypted" : "xls";
  }
  const head = bytes.subarray(0, 4);
  if (head.equals(ZIP_MAGIC) || head.equals(EMPTY_ZIP_MAGIC)) {
    // Zip entry names are stored uncompressed, so a workbook part is visible in the raw bytes. A zip
    // without its closing directory is damaged, whatever it held: let the loader call it corrupt.
    const complete = bytes.includes(EMPTY_ZIP_MAGIC);
    const hasWorkbook = bytes.includes(Buffer.from("xl/workbook.xml"));
    return hasWorkbook || !complete ? "xlsx" : "zip-not-xlsx";
  }
  return "not-xlsx";
}

/** Load .xlsx bytes, or throw a HostError whose code says why they are not a usable workbook. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
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
    // ExcelJS's typings want its own Buffer type; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as never);
  } catch (e) {
    throw new HostError("CORRUPT", `the workbook is damaged (${(e as Error).message})`, e);
  }
  return workbook;
}
