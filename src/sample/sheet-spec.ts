/**
 * A compact, host-neutral description of a sheet, used by the preview page's sample, by engine
 * fixtures (→ CellGrid) and by the CLI tests (→ a real .xlsx written with ExcelJS). Rows are
 * 1-based like Excel; each row lists its cells from column A.
 */
import type { Cell, CellGrid, CellValue } from "../domain/grid";
import { fromA1 } from "../domain/grid";
import { formatNumber } from "../domain/format";

export type SpecCell =
  | string
  | number
  | null
  | { v: CellValue; fmt?: string; formula?: string; fill?: string; note?: string };

export interface SheetSpec {
  name: string;
  rows: SpecCell[][];
  /** A1 ranges, e.g. "B5:B12". */
  merges?: string[];
  protected?: boolean;
}

export function specCell(spec: SpecCell): Cell {
  if (spec === null || spec === undefined)
    return { value: null, text: "", numberFormat: "General" };
  if (typeof spec === "string") return { value: spec, text: spec, numberFormat: "General" };
  if (typeof spec === "number")
    return { value: spec, text: formatNumber(spec, "General"), numberFormat: "General" };
  const fmt = spec.fmt ?? "General";
  const text =
    typeof spec.v === "number" ? formatNumber(spec.v, fmt) : spec.v === null ? "" : String(spec.v);
  const cell: Cell = { value: spec.v, text, numberFormat: fmt };
  if (spec.formula) cell.formula = spec.formula;
  if (spec.fill !== undefined) cell.fill = spec.fill;
  if (spec.note !== undefined) cell.note = spec.note;
  return cell;
}

export function parseRange(range: string) {
  const [a, b] = range.split(":");
  const s = fromA1(a);
  const e = fromA1(b ?? a);
  return { top: s.row, left: s.col, bottom: e.row, right: e.col };
}

/** The grid a host would read: the used range from A1, merges as given. */
export function gridFromSpec(spec: SheetSpec): CellGrid {
  const width = spec.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const cells = spec.rows.map((r) => {
    const line: Cell[] = [];
    for (let c = 0; c < width; c++) line.push(specCell(r[c] ?? null));
    return line;
  });
  return {
    sheetName: spec.name,
    originRow: 0,
    originCol: 0,
    cells,
    merges: (spec.merges ?? []).map(parseRange),
    protected: spec.protected ?? false,
  };
}
