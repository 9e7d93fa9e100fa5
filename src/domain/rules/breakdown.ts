/**
 * Breakdown rows (其中：… under a weighted row) are not scored; where the parent and every part print
 * a number in the same unit, the parts should add up to the parent (an info finding when they don't).
 */
import type Decimal from "decimal.js";
import type { Cell } from "../grid";
import { differs, formatQuantity, ZERO } from "../decimal";
import { makeFinding } from "../findings";
import type { BreakdownRow, Finding, IndicatorColumns, IndicatorRow } from "../model";
import { parseValue } from "../parse";
import { quantityText } from "./cells";

interface Quantity {
  value: Decimal;
  unit: string;
}

function quantity(text: string, cell: Cell): Quantity | null {
  const parsed = parseValue(text, cell);
  if (parsed.kind !== "number" || parsed.percent) return null;
  return { value: parsed.value, unit: parsed.unit };
}

function partsSum(parent: Quantity, parts: (Quantity | null)[]): Decimal | null {
  let sum = ZERO;
  for (const part of parts) {
    if (part === null) return null;
    if (part.unit !== "" && parent.unit !== "" && part.unit !== parent.unit) return null;
    sum = sum.plus(part.value);
  }
  return sum;
}

export function breakdownFindings(
  breakdowns: readonly BreakdownRow[],
  indicators: readonly IndicatorRow[],
  columns: IndicatorColumns,
  tolerance: number
): Finding[] {
  if (breakdowns.length === 0) return [];
  const byParent = new Map<number, BreakdownRow[]>();
  for (const b of breakdowns) {
    const list = byParent.get(b.parentRow);
    if (list) list.push(b);
    else byParent.set(b.parentRow, [b]);
  }
  const out: Finding[] = [];
  for (const parent of indicators) {
    const parts = byParent.get(parent.row);
    if (!parts) continue;
    const sides = [
      { col: columns.target, text: parent.targetText, cell: parent.targetCell, of: "target" },
      { col: columns.actual, text: parent.actualText, cell: parent.actualCell, of: "actual" },
    ] as const;
    for (const side of sides) {
      const whole = quantity(side.text, side.cell);
      if (whole === null) continue;
      const sum = partsSum(
        whole,
        parts.map((p) =>
          side.of === "target"
            ? quantity(p.targetText, p.targetCell)
            : quantity(p.actualText, p.actualCell)
        )
      );
      if (sum === null || !differs(sum, whole.value, tolerance)) continue;
      out.push(
        makeFinding("BREAKDOWN_SUM", parent.row, side.col, {
          sum: `${formatQuantity(sum)}${whole.unit}`,
          value: quantityText(side.text),
        })
      );
    }
  }
  return out;
}
