import type { Cell } from "../../src/domain/grid";
import type { ParsedValue } from "../../src/domain/model";
import { parseValue } from "../../src/domain/parse";
import type { NumberValue } from "../../src/domain/parse";

/** Parse and insist on a number, so a test fails with the actual kind in the message. */
export function num(text: string, cell?: Cell): NumberValue {
  const v: ParsedValue = parseValue(text, cell);
  if (v.kind !== "number")
    throw new Error(`expected a number for ${JSON.stringify(text)}, got ${JSON.stringify(v)}`);
  return v;
}

/** A compact view of a number value with the Decimal as its exact string. */
export function view(v: NumberValue) {
  return { comparator: v.comparator, value: v.value.toFixed(), percent: v.percent, unit: v.unit };
}

export function cell(value: Cell["value"], text: string, numberFormat = "General"): Cell {
  return { value, text, numberFormat };
}
