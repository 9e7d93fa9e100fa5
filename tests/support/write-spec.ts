/**
 * A compact sheet description (the engine fixtures' SheetSpec) → a real .xlsx sheet that looks like
 * the Ministry's printed template: a blank leading column, thin borders around the table, wrapped
 * text, column widths from the content, a bold centred title. Used by scripts/generate-examples.ts
 * and by the CLI tests, which need workbooks with real styles to prove that scoring preserves them.
 *
 * The types mirror tests/fixtures/sheet-spec.ts structurally so src/ does not import from tests/.
 */
import ExcelJS from "exceljs";
import { hexToArgb } from "../../src/hosts/xlsx/colors";

export type SpecCellLike =
  | string
  | number
  | null
  | {
      v: string | number | boolean | null;
      fmt?: string;
      formula?: string;
      fill?: string;
      note?: string;
    };

export interface SheetSpecLike {
  name: string;
  rows: SpecCellLike[][];
  merges?: string[];
  protected?: boolean;
}

export interface WriteSpecOptions {
  /** Template styling (borders, widths, fonts). On by default. */
  styled?: boolean;
}

const BODY_FONT = { name: "宋体", size: 10 };
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function textOf(cell: SpecCellLike | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return cell.v === null ? "" : String(cell.v);
  return String(cell);
}

/** Display width in Excel's character units: a CJK character is about two Latin ones. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return w;
}

function nonEmptyCount(row: SpecCellLike[]): number {
  return row.filter((c) => textOf(c).trim() !== "").length;
}

// Reading through a helper keeps the office-js lint rule (call-sync-before-read) off ExcelJS cells.
function styleOf(cell: ExcelJS.Cell): Partial<ExcelJS.Style> {
  return cell.style;
}

function setSpecValue(cell: ExcelJS.Cell, spec: SpecCellLike | undefined): void {
  if (spec === null || spec === undefined) return;
  if (typeof spec !== "object") {
    cell.value = spec;
    return;
  }
  cell.value = (
    spec.formula ? { formula: spec.formula, result: spec.v } : spec.v
  ) as ExcelJS.CellValue;
  if (spec.fmt && spec.fmt !== "General") cell.numFmt = spec.fmt;
  if (spec.fill) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(spec.fill) } };
  }
  if (spec.note) cell.note = spec.note;
}

/** Add one sheet described by `spec` to `workbook`. */
export async function addSpecSheet(
  workbook: ExcelJS.Workbook,
  spec: SheetSpecLike,
  options: WriteSpecOptions = {}
): Promise<ExcelJS.Worksheet> {
  const styled = options.styled ?? true;
  const ws = workbook.addWorksheet(spec.name);
  const width = spec.rows.reduce((m, r) => Math.max(m, r.length), 0);
  spec.rows.forEach((row, r) =>
    row.forEach((c, col) => setSpecValue(ws.getCell(r + 1, col + 1), c))
  );
  for (const range of spec.merges ?? []) ws.mergeCells(range);

  if (styled && spec.rows.length > 0) {
    // The bordered table starts at the first row that reads like a table row (项目名称 …).
    const first = spec.rows.findIndex((row) => nonEmptyCount(row) >= 2);
    let firstCol = width;
    spec.rows.forEach((row) => {
      const i = row.findIndex((c) => textOf(c).trim() !== "");
      if (i >= 0) firstCol = Math.min(firstCol, i);
    });
    let last = spec.rows.length - 1;
    while (last > 0 && nonEmptyCount(spec.rows[last]) === 0) last--;

    for (let r = 0; r < spec.rows.length; r++) {
      for (let c = firstCol; c < width; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        const inTable = first >= 0 && r >= first && r <= last;
        const value = spec.rows[r][c];
        const isNumber =
          typeof value === "number" || (typeof value === "object" && typeof value?.v === "number");
        const title = textOf(value).replace(/\s/g, "") === "项目支出绩效自评表";
        // Copy, never mutate: the style may be shared with the merged area's other cells.
        cell.style = {
          ...styleOf(cell),
          font: title ? { ...BODY_FONT, size: 16, bold: true } : { ...BODY_FONT },
          alignment: {
            vertical: "middle",
            horizontal: isNumber || !inTable || r === first ? "center" : "left",
            wrapText: true,
          },
          ...(inTable ? { border: BORDER } : {}),
        };
      }
    }
    ws.getColumn(1).width = firstCol > 0 ? 2.5 : 12;
    for (let c = Math.max(firstCol, 0); c < width; c++) {
      const widest = spec.rows.reduce((m, row) => Math.max(m, displayWidth(textOf(row[c]))), 0);
      ws.getColumn(c + 1).width = Math.min(36, Math.max(8, Math.ceil(widest * 0.9) + 2));
    }
  }
  if (spec.protected) await ws.protect("", {});
  return ws;
}

/** A workbook with one sheet per spec, as .xlsx bytes. */
export async function specsToXlsx(
  specs: SheetSpecLike[],
  options: WriteSpecOptions = {}
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SelfEval";
  // A fixed date keeps generated files byte-stable across runs.
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = workbook.created;
  for (const spec of specs) await addSpecSheet(workbook, spec, options);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
