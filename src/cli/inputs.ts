/**
 * Which files a command line names: files as given, folders searched recursively for .xlsx
 * workbooks. Excel's `~$` lock files and our own outputs are not inputs.
 */
import { promises as fs } from "fs";
import * as path from "path";

const OUTPUT_SUFFIXES = [".scored.xlsx", ".reverted.xlsx"];

export function isWorkbookCandidate(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  if (!lower.endsWith(".xlsx")) return false;
  if (fileName.startsWith("~$") || fileName.startsWith(".")) return false;
  return !OUTPUT_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && entry.name !== "node_modules") await walk(full, out);
    } else if (entry.isFile() && isWorkbookCandidate(entry.name)) {
      out.push(full);
    }
  }
}

export interface CollectedInputs {
  /** Absolute paths, in command-line order, folders expanded, duplicates dropped. */
  files: string[];
  /** Folders that held no workbook. */
  emptyFolders: string[];
}

/**
 * A path that does not exist stays in the list: it is reported as that file's failure, so one
 * mistyped name does not stop the batch.
 */
export async function collectInputs(paths: string[]): Promise<CollectedInputs> {
  const files: string[] = [];
  const emptyFolders: string[] = [];
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
      await walk(p, found);
      if (found.length === 0) emptyFolders.push(path.resolve(p));
      found.forEach(add);
    } else {
      add(p);
    }
  }
  return { files, emptyFolders };
}
