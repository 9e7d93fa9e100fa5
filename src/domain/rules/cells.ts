/**
 * Reading numbers and display texts from cells for the rules, on top of the value parser.
 */
import type Decimal from "decimal.js";
import type { Cell, CellGrid } from "../grid";
import { cellAt } from "../grid";
import type { LocalizedText, NumberValue } from "./types";
import {
  isPlaceholder,
  normalizeLabel,
  normalizeText,
  parseAmount,
  splitComparator,
} from "../parse";
import { formatQuantity, HUNDRED } from "../decimal";
import { memoizeString } from "../memo";

export type NumberRead =
  { kind: "empty" } | { kind: "number"; value: Decimal } | { kind: "bad"; raw: string };

/** A 分值, 得分 or funds amount. */
export function readNumber(cell: Cell): NumberRead {
  const parsed = parseAmount(cell);
  if (parsed.kind === "number") return parsed;
  if (parsed.kind === "empty") return { kind: "empty" };
  return { kind: "bad", raw: parsed.raw };
}

export function numberAt(grid: CellGrid, row: number, col: number | null): NumberRead {
  if (col === null) return { kind: "empty" };
  return readNumber(cellAt(grid, row, col));
}

export function valueOf(read: NumberRead): Decimal | null {
  return read.kind === "number" ? read.value : null;
}

/** The displayed text of a cell, normalised; "" for placeholders. */
export function shownText(cell: Cell): string {
  const text = cell.text !== "" ? cell.text : cell.value === null ? "" : String(cell.value);
  return isPlaceholder(text) ? "" : normalizeText(text);
}

export function isEmptyNote(note: string): boolean {
  return isPlaceholder(note ?? "");
}

/** The written quantity without its comparator: "≥30万人" → "30万人", "44.9204万人\\u3000" → "44.9204万人". */
export const quantityText: (raw: string) => string = memoizeString((raw) => {
  const compact = normalizeLabel(raw);
  const core = splitComparator(compact).core;
  return core === "" ? compact : core;
});

/** zh shows what the form wrote; en shows the normalised value and unit ("449204 人"). */
export function quantityDisplay(
  raw: string,
  value: NumberValue | Decimal,
  unit: string,
  percent: boolean
): LocalizedText {
  const v = "value" in value ? value.value : value;
  const en = percent
    ? `${formatQuantity(v.times(HUNDRED))}%`
    : unit
      ? `${formatQuantity(v)} ${unit}`
      : formatQuantity(v);
  return { "zh-CN": quantityText(raw), en };
}
