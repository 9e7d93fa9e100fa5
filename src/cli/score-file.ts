/**
 * Score one workbook file: read it, score every sheet that holds a 自评表 through the same recompute
 * service the add-in uses, write the scored copy. Every failure becomes a one-line reason in the
 * run's language; nothing here throws for a bad input.
 */
import * as fs from "fs";
import * as path from "path";
import { createRecomputeService } from "../app/recompute";
import type { Lang } from "../domain/model";
import type { PlanOptions } from "../domain/plan-types";
import type { RuleProfile } from "../domain/profile-types";
import { cliMessage } from "../i18n/cli";
import { HostError } from "../hosts/workbook-port";
import { PackageWorkbook } from "../hosts/xlsx/package-workbook";
import { sniffFile } from "../hosts/xlsx/sniff";
import { writeAtomic } from "./output";
import { nodeZipCodec } from "./zip-codec";
import type { FileOutcome, SheetOutcome } from "./report";

export interface ScoreRunOptions {
  check: boolean;
  profile: RuleProfile;
  plan: Partial<PlanOptions>;
  lang: Lang;
}

/** A failure with its reason already in words. */
export class FileFailure extends Error {}

/** The one-line reason for an error thrown while opening or scoring a file. */
export function failureReason(error: unknown, bytes: Buffer | undefined, lang: Lang): string {
  if (error instanceof FileFailure) return error.message;
  if (error instanceof HostError) {
    switch (error.code) {
      case "NOT_XLSX": {
        const kind = bytes ? sniffFile(bytes) : "not-xlsx";
        if (kind === "xls") return cliMessage(lang, "oldXls");
        if (kind === "zip-not-xlsx") return cliMessage(lang, "zipNotXlsx");
        return cliMessage(lang, "notXlsx");
      }
      case "ENCRYPTED":
        return cliMessage(lang, "encrypted");
      case "CORRUPT":
        return cliMessage(lang, "corrupt");
      case "EMPTY":
        return cliMessage(lang, "empty");
      case "NO_TABLE":
        return cliMessage(lang, "noTable");
      case "TOO_LARGE":
        return cliMessage(lang, "tooLarge", { detail: error.message });
      case "NOTHING_TO_REVERT":
        return cliMessage(lang, "nothingToRevert");
      default:
        return cliMessage(lang, "unexpected", { detail: error.message });
    }
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === "ENOENT") return cliMessage(lang, "notFound");
  if (code === "EISDIR" || code === "EACCES") return cliMessage(lang, "notXlsx");
  return cliMessage(lang, "unexpected", { detail: (error as Error)?.message ?? String(error) });
}

/** Read and open a workbook; the bytes are returned too so a failure can be explained. */
export async function openWorkbook(
  input: string
): Promise<{ bytes: Buffer; workbook: PackageWorkbook }> {
  // Synchronous, as writeAtomic: files are scored one after another.
  const bytes = fs.readFileSync(input);
  try {
    return { bytes, workbook: PackageWorkbook.fromBytes(bytes, { codec: nodeZipCodec }) };
  } catch (error) {
    (error as { bytes?: Buffer }).bytes = bytes;
    throw error;
  }
}

export async function scoreFile(
  input: string,
  output: string,
  options: ScoreRunOptions
): Promise<FileOutcome> {
  const outcome: FileOutcome = { input, output: null, error: null, sheets: [] };
  let bytes: Buffer | undefined;
  try {
    if (!options.check && path.resolve(output) === path.resolve(input)) {
      throw new FileFailure(cliMessage(options.lang, "wouldOverwrite"));
    }
    const opened = await openWorkbook(input);
    bytes = opened.bytes;
    const workbook = opened.workbook;
    const sheets = await workbook.listSheets();
    if (sheets.length === 0) throw new HostError("EMPTY", "no cells");
    const service = createRecomputeService(workbook);
    for (const sheet of sheets) {
      if (!(await workbook.mayHoldForm(sheet))) continue;
      const isProtected = await workbook.isProtected(sheet);
      const result = await service.recompute({
        sheet,
        profile: options.profile,
        plan: options.plan,
        dryRun: options.check || isProtected,
      });
      if (result.noTable) continue;
      // Each 自评表 of the sheet is its own entry; they were written together.
      for (const form of result.forms) {
        const sheetOutcome: SheetOutcome = {
          evaluation: form.evaluation,
          written: !options.check && !isProtected,
          skipped: !options.check && isProtected ? "protected" : null,
        };
        outcome.sheets.push(sheetOutcome);
      }
    }
    if (outcome.sheets.length === 0) {
      // Told apart only now: finding a form never needs the whole workbook scanned for values.
      if (await workbook.isEmpty()) throw new HostError("EMPTY", "no cells");
      throw new HostError("NO_TABLE", "no table");
    }
    if (!options.check && outcome.sheets.some((s) => s.written)) {
      const scored = workbook.toBytes();
      try {
        await writeAtomic(output, scored);
      } catch (error) {
        throw new FileFailure(
          cliMessage(options.lang, "writeFailed", { detail: (error as Error).message })
        );
      }
      outcome.output = output;
    }
  } catch (error) {
    bytes = bytes ?? (error as { bytes?: Buffer }).bytes;
    outcome.error = failureReason(error, bytes, options.lang);
    // Sheets scored before a failed save stay in the report, but nothing of them was written.
    for (const sheet of outcome.sheets) sheet.written = false;
  }
  return outcome;
}

/** Undo our writes in a scored file: every sheet with a snapshot goes back to its original. */
export async function revertFile(
  input: string,
  output: string,
  lang: Lang
): Promise<{ input: string; output: string | null; restored: number; error: string | null }> {
  let bytes: Buffer | undefined;
  try {
    if (path.resolve(output) === path.resolve(input)) {
      throw new FileFailure(cliMessage(lang, "wouldOverwrite"));
    }
    const opened = await openWorkbook(input);
    bytes = opened.bytes;
    const workbook = opened.workbook;
    let restored = 0;
    for (const sheet of await workbook.listSheets()) {
      if (!(await workbook.readSnapshot(sheet))) continue;
      if (await workbook.isProtected(sheet)) {
        throw new FileFailure(cliMessage(lang, "sheetProtected", { sheet: sheet.name }));
      }
      restored += await workbook.revert(sheet);
    }
    if (restored === 0) throw new HostError("NOTHING_TO_REVERT", "nothing to revert");
    await writeAtomic(output, workbook.toBytes());
    return { input, output, restored, error: null };
  } catch (error) {
    bytes = bytes ?? (error as { bytes?: Buffer }).bytes;
    return { input, output: null, restored: 0, error: failureReason(error, bytes, lang) };
  }
}
