/**
 * Funds amounts, 分值 and 得分 cells (parseAmount) and printed execution rates (parseRate).
 */
import Decimal from "decimal.js";
import type { Cell } from "../grid";
import { decimalFromNumber, shiftDecimal } from "./exact";
import { isPlaceholder, normalizeLabel } from "./normalize";

export type AmountValue =
  { kind: "empty" } | { kind: "number"; value: Decimal } | { kind: "unparseable"; raw: string };

/**
 * In the funds block 万元/元 name the block's unit, not a multiplier: 4753.66万元 in a 项目资金（万元）
 * block is 4753.66. 分 is the unit of 分值/得分.
 */
const AMOUNT = /^[¥$]?([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(?:万元|元|万|分)?$/;
const RATE = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(%|百分比)?$/;

function cellText(cell: Cell): string {
  if (typeof cell.text === "string" && cell.text !== "") return cell.text;
  if (cell.value === null || cell.value === undefined) return "";
  return String(cell.value);
}

function decimalOf(digits: string): Decimal {
  return new Decimal(digits.replace(/,/g, ""));
}

/** A funds amount, 分值 or 得分. Number cells are taken as stored; text is read as a plain number. */
export function parseAmount(cell: Cell): AmountValue {
  try {
    if (typeof cell.value === "number") {
      if (!Number.isFinite(cell.value)) return { kind: "unparseable", raw: cellText(cell) };
      return { kind: "number", value: decimalFromNumber(cell.value) };
    }
    const raw = cellText(cell);
    if (isPlaceholder(raw)) return { kind: "empty" };
    const m = AMOUNT.exec(normalizeLabel(raw));
    if (!m) return { kind: "unparseable", raw };
    return { kind: "number", value: decimalOf(m[1]) };
  } catch {
    return { kind: "unparseable", raw: String(cell?.text ?? "") };
  }
}

/**
 * A printed 执行率 as a fraction. "99.82%" and a number cell formatted 0.00% (0.9982) read
 * directly. A bare number is ambiguous: above 1 it is percentage points (99.82 → 0.9982), at or
 * below 1 a fraction (1 → 100 %, 0.9982 → 99.82 %) — an execution rate under 1 % is not
 * plausible, an over-executed fraction above 1 is rare and would be misread as points.
 */
export function parseRate(cell: Cell): AmountValue {
  try {
    const percentFormat = /%/.test((cell.numberFormat ?? "").replace(/"[^"]*"/g, ""));
    if (typeof cell.value === "number") {
      if (!Number.isFinite(cell.value)) return { kind: "unparseable", raw: cellText(cell) };
      const value = decimalFromNumber(cell.value);
      if (percentFormat) return { kind: "number", value };
      return { kind: "number", value: value.abs().gt(1) ? shiftDecimal(value, -2) : value };
    }
    const raw = cellText(cell);
    if (isPlaceholder(raw)) return { kind: "empty" };
    const m = RATE.exec(normalizeLabel(raw));
    if (!m) return { kind: "unparseable", raw };
    const value = decimalOf(m[1]);
    if (m[2]) return { kind: "number", value: shiftDecimal(value, -2) };
    return { kind: "number", value: value.abs().gt(1) ? shiftDecimal(value, -2) : value };
  } catch {
    return { kind: "unparseable", raw: String(cell?.text ?? "") };
  }
}
