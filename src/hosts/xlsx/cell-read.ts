/**
 * One ExcelJS cell → the engine's Cell: raw value, displayed text, number format, formula, fill
 * and note. ExcelJS has no renderer, so numbers are displayed with the engine's formatNumber.
 */
import type ExcelJS from "exceljs";
import type { Cell, CellState, CellValue } from "../../domain/grid";
import { formatNumber } from "../../domain/format";
import { colorToHex } from "./colors";

// ExcelJS's ValueType enum values (kept literal so this module needs no runtime import).
const MERGE_TYPE = 1;

type RichText = { richText: { text: string }[] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

function plainRichText(v: RichText): string {
  return v.richText.map((run) => run.text ?? "").join("");
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A date cell as the forms write dates: 2021年12月31日, or 2021年12月 when the format shows no day.
 * Chinese text is what the time parser reads (RULES A2.8), whatever the cell's own format says.
 */
function dateText(d: Date, numberFormat: string): string {
  // ExcelJS builds dates in UTC from the serial number.
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const fmt = numberFormat.replace(/"[^"]*"/g, "").toLowerCase();
  if (/y/.test(fmt) && /m/.test(fmt) && !/d/.test(fmt)) return `${y}年${m}月`;
  if (!/y/.test(fmt) && /m/.test(fmt) && !/d/.test(fmt)) return `${m}月`;
  if (numberFormat.includes("年")) return `${y}年${m}月${day}日`;
  return `${y}-${pad2(m)}-${pad2(day)}`;
}

/** A scalar (a plain value or a formula's cached result) → engine value and display text. */
function scalar(v: unknown, numberFormat: string): { value: CellValue; text: string } {
  if (v === null || v === undefined) return { value: null, text: "" };
  if (typeof v === "number") return { value: v, text: formatNumber(v, numberFormat) };
  if (typeof v === "string") return { value: v, text: v };
  if (typeof v === "boolean") return { value: v, text: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) {
    const text = dateText(v, numberFormat);
    return { value: text, text };
  }
  if (isObject(v)) {
    if (Array.isArray(v.richText)) {
      const text = plainRichText(v as RichText);
      return { value: text, text };
    }
    if (typeof v.error === "string") return { value: v.error, text: v.error };
    if ("text" in v && "hyperlink" in v) return scalar(v.text, numberFormat);
  }
  return { value: String(v), text: String(v) };
}

export function noteText(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === "string") return note;
  if (isObject(note) && Array.isArray(note.texts)) {
    return (note.texts as { text?: string }[]).map((t) => t.text ?? "").join("");
  }
  return null;
}

/** The solid colour of a fill, or null for none (pattern "none", gradients, automatic colours). */
export function fillHex(fill: ExcelJS.Fill | undefined, palette: string[]): string | null {
  if (!fill || fill.type !== "pattern" || !fill.pattern || fill.pattern === "none") return null;
  return colorToHex(fill.fgColor as never, palette);
}

export function isMergeSlave(cell: ExcelJS.Cell): boolean {
  return (cell.type as unknown as number) === MERGE_TYPE && cell.master !== cell;
}

/** The engine's view of one cell. A merged area's value lives in its top-left cell only, as in Excel. */
export function readCell(cell: ExcelJS.Cell | undefined, palette: string[]): Cell {
  if (!cell) return { value: null, text: "", numberFormat: "General", fill: null, note: null };
  const numberFormat = cell.numFmt || "General";
  const fill = fillHex(cell.fill, palette);
  const note = noteText(cell.note);
  if (isMergeSlave(cell)) return { value: null, text: "", numberFormat, fill, note };
  const raw = cell.value as unknown;
  if (isObject(raw) && ("formula" in raw || "sharedFormula" in raw)) {
    const { value, text } = scalar(raw.result, numberFormat);
    const formula = cell.formula;
    const out: Cell = { value, text, numberFormat, fill, note };
    if (formula) out.formula = formula.replace(/^=/, "");
    return out;
  }
  const { value, text } = scalar(raw, numberFormat);
  return { value, text, numberFormat, fill, note };
}

/** The same reading in the snapshot's terms. */
export function readState(cell: ExcelJS.Cell | undefined, palette: string[]): CellState {
  const c = readCell(cell, palette);
  const state: CellState = {
    value: c.value,
    numberFormat: c.numberFormat,
    fill: c.fill ?? null,
    note: c.note ?? null,
  };
  if (c.formula !== undefined) state.formula = c.formula;
  return state;
}
