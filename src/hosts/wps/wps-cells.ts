/**
 * Pure conversions between what the ET object model hands over and the engine's cell model. No
 * `wps` or `Application` here, so all of it is unit-testable in Node.
 */
import type { CellValue } from "../../domain/grid";
import { renderText } from "../../domain/resolve";

/** The error values ET reports through Value2 (CVErr codes: #NULL! … #N/A, #GETTING_DATA). */
const CVERR_MIN = -2146826288;
const CVERR_MAX = -2146826246;

/** ET's BGR colour integer → "#RRGGBB". */
export function bgrToHex(bgr: number): string {
  const n = bgr & 0xffffff;
  const hex = (v: number) => v.toString(16).padStart(2, "0");
  return `#${hex(n & 0xff)}${hex((n >> 8) & 0xff)}${hex((n >> 16) & 0xff)}`.toUpperCase();
}

/** "#RRGGBB" → ET's BGR colour integer. */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a #RRGGBB colour: ${hex}`);
  return parseInt(m[1], 16) | (parseInt(m[2], 16) << 8) | (parseInt(m[3], 16) << 16);
}

/**
 * `Value2`/`Formula` of a range as rows × cols: a multi-cell range gives a 2-D array, a single cell
 * a scalar (the VBA rule WPS keeps). Missing entries read as empty.
 */
export function asMatrix(raw: unknown, rows: number, cols: number): unknown[][] {
  const source: unknown[][] = Array.isArray(raw)
    ? raw.map((line) => (Array.isArray(line) ? line : [line]))
    : [[raw]];
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: unknown[] = [];
    for (let c = 0; c < cols; c++) line.push(source[r]?.[c]);
    out.push(line);
  }
  return out;
}

/** True when a Value2 entry is one of ET's error values rather than a number. */
export function isErrorCode(v: unknown): boolean {
  return typeof v === "number" && Number.isInteger(v) && v >= CVERR_MIN && v <= CVERR_MAX;
}

/**
 * A Value2 entry as the engine's value. An empty cell reads as undefined, null or "" depending on
 * the build; an error cell as its displayed text ("#DIV/0!"), as the Excel host reads it.
 */
export function valueFromEt(v: unknown, text: string): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (isErrorCode(v) && text.startsWith("#")) return text;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return String(v);
}

/**
 * What the cell shows. `Text` is the rendered text, which is "####" when the column is too narrow
 * for a number: then the number is rendered from its format instead, as hosts without a renderer do.
 */
export function textFromEt(text: unknown, value: CellValue, numberFormat: string): string {
  const shown = typeof text === "string" ? text : text == null ? "" : String(text);
  if (typeof value === "number" && /^#+$/.test(shown)) return renderText(value, numberFormat);
  return shown;
}

/** A `Formula` entry → the formula without "=", when the cell holds one. */
export function formulaFromEt(f: unknown): string | undefined {
  return typeof f === "string" && f.startsWith("=") && f.length > 1 ? f.slice(1) : undefined;
}

/** "$B$3", "$B$3:$D$9" or "Sheet1!$B$3" → 1-based row/col of its first cell. */
export function firstCellOf(address: string): { row: number; col: number } | undefined {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)/.exec(bare.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
