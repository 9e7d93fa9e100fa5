import type { SheetSpec } from "../fixtures/sheet-spec";
import { gridFromSpec } from "../fixtures/sheet-spec";
import { detectLayout } from "../../src/domain/detect";
import type { TableLayout } from "../../src/domain/model";

/** Detects a fixture and fails the test when no layout is found. */
export function layoutOf(spec: SheetSpec): TableLayout {
  const result = detectLayout(gridFromSpec(spec));
  if (!result.ok) throw new Error(`no layout: ${result.reason} ${result.detail ?? ""}`);
  return result.layout;
}

/** Excel row numbers (1-based) of the detected indicators. */
export function indicatorRows(layout: TableLayout): number[] {
  return layout.indicators.map((i) => i.row + 1);
}

export function skipped(layout: TableLayout): [number, string][] {
  return layout.skippedRows.map((s) => [s.row + 1, s.reason]);
}

/** Sections as [label, weight, first row (1-based), rows (1-based)]. */
export function sectionsOf(layout: TableLayout): [string, string, number, number[]][] {
  return layout.sections.map((s) => [
    s.label,
    s.weight.toString(),
    s.cell.row + 1,
    s.rows.map((r) => r + 1),
  ]);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Column letters → 0-based index. */
export function col(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
