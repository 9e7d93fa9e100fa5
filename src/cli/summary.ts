/**
 * The closing summary of a run: one table row per scored sheet (file, sheet, project, total, grade,
 * errors, warnings), one row per failed file with its reason.
 */
import Table from "cli-table3";
import * as path from "path";
import type { Lang } from "../domain/model";
import { cliMessage } from "../i18n/cli";
import { countFindings, type Report } from "./report";

function formatTotal(total: number | null): string {
  return total === null ? "—" : total.toFixed(2);
}

export function renderSummary(report: Report, lang: Lang): string {
  const table = new Table({
    head: [
      "colFile",
      "colSheet",
      "colProject",
      "colTotal",
      "colGrade",
      "colErrors",
      "colWarnings",
    ].map((key) => cliMessage(lang, key as Parameters<typeof cliMessage>[1])),
    // Plain output: logs and redirected output stay free of colour codes.
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [null, null, 28, null, null, null, null],
  });
  for (const file of report.files) {
    const name = path.basename(file.input);
    if (file.error) {
      table.push([
        name,
        { colSpan: 6, content: cliMessage(lang, "failed", { detail: file.error }) },
      ]);
      continue;
    }
    const stacked = new Set(file.sheets.filter((s) => s.form > 1).map((s) => s.name));
    for (const sheet of file.sheets) {
      const { errors, warnings } = countFindings(sheet);
      const total =
        formatTotal(sheet.total) + (sheet.provisional ? cliMessage(lang, "provisional") : "");
      // A sheet holding several forms lists each as "name #1", "name #2" ….
      const sheetName =
        sheet.name +
        (stacked.has(sheet.name) ? ` #${sheet.form}` : "") +
        (sheet.skipped === "protected" ? cliMessage(lang, "protectedMark") : "");
      table.push([
        name,
        sheetName,
        sheet.projectName ?? "—",
        total,
        sheet.grade ?? "—",
        errors,
        warnings,
      ]);
    }
  }
  return table.toString();
}

/** Findings worth reading in a terminal (errors and warnings), for `--check`. */
export function renderFindings(report: Report, lang: Lang, limit = 30): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const sheet of file.sheets) {
      const shown = sheet.findings.filter((f) => f.severity !== "info");
      if (shown.length === 0) continue;
      lines.push(
        cliMessage(lang, "findingsOf", { file: path.basename(file.input), sheet: sheet.name })
      );
      for (const f of shown.slice(0, limit)) {
        lines.push(`  ${f.severity === "error" ? "✗" : "!"} ${f.cell} ${f.code} ${f.message}`);
      }
      if (shown.length > limit) {
        lines.push(`  ${cliMessage(lang, "moreFindings", { count: shown.length - limit })}`);
      }
    }
  }
  return lines.join("\n");
}
