/**
 * Which files a command line names: files as given, folders searched recursively for .xlsx and
 * .xlsm workbooks. Excel's `~$` lock files and our own outputs are not inputs; spreadsheets in
 * formats we cannot edit (.xls, .et, .ods) are listed so the user learns why they were left out.
 */
import { promises as fs } from "fs";
import * as path from "path";

const OUTPUT_SUFFIX = /\.(scored|reverted)\.xls[xm]$/;
const OTHER_SPREADSHEET = /\.(xls|et|ods|xlsb)$/;

function isHidden(fileName: string): boolean {
  return fileName.startsWith("~$") || fileName.startsWith(".");
}

export function isWorkbookCandidate(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  if (!/\.xls[xm]$/.test(lower)) return false;
  if (isHidden(fileName)) return false;
  return !OUTPUT_SUFFIX.test(lower);
}

/** A spreadsheet a folder scan leaves out because it is not in a format we edit. */
export function isOtherSpreadsheet(fileName: string): boolean {
  return !isHidden(fileName) && OTHER_SPREADSHEET.test(fileName.toLowerCase());
}

async function walk(dir: string, out: string[], skipped: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && entry.name !== "node_modules")
        await walk(full, out, skipped);
    } else if (entry.isFile() && isWorkbookCandidate(entry.name)) {
      out.push(full);
    } else if (entry.isFile() && isOtherSpreadsheet(entry.name)) {
      skipped.push(full);
    }
  }
}

export interface CollectedInputs {
  /** Absolute paths, in command-line order, folders expanded, duplicates dropped. */
  files: string[];
  /** Folders that held no workbook. */
  emptyFolders: string[];
  /** Spreadsheets found in folders but left out: .xls, .et, .ods, .xlsb (save them as .xlsx). */
  skipped: string[];
}

/**
 * A path that does not exist stays in the list: it is reported as that file's failure, so one
 * mistyped name does not stop the batch.
 */
export async function collectInputs(paths: string[]): Promise<CollectedInputs> {
  const files: string[] = [];
  const emptyFolders: string[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const abs = path.resolve(file);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(abs);
    }
  };
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    if (stat?.isDirectory()) {
      const found: string[] = [];
      await walk(p, found, skipped);
      if (found.length === 0) emptyFolders.push(path.resolve(p));
      found.forEach(add);
    } else {
      add(p);
    }
  }
  return { files, emptyFolders, skipped };
}
