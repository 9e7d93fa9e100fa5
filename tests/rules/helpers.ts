/** Hand-built rows and columns for rule tests (no detection involved). */
import type { Cell } from "../../src/domain/grid";
import type { IndicatorColumns, IndicatorRow } from "../../src/domain/model";
import { specCell, type SpecCell } from "../fixtures/sheet-spec";

/** Columns as on the seed sheet: E level3, F target, G actual, H weight, I score, J note. */
export const COLUMNS: IndicatorColumns = {
  level1: 2,
  level2: 3,
  level3: 4,
  target: 5,
  actual: 6,
  weight: 7,
  score: 8,
  note: 9,
  nature: null,
  unit: null,
};

export function cell(spec: SpecCell): Cell {
  return specCell(spec);
}

export interface RowInput {
  row?: number;
  level1?: string;
  level2?: string;
  level3?: string;
  target: SpecCell;
  actual: SpecCell;
  weight: SpecCell;
  score?: SpecCell;
  note?: string;
  unitText?: string;
}

/** Row 12 (0-based) is sheet row 13, like the seed's first indicator. */
export function indicatorRow(input: RowInput): IndicatorRow {
  const targetCell = cell(input.target);
  const actualCell = cell(input.actual);
  return {
    row: input.row ?? 12,
    level1: input.level1 ?? "产出指标",
    level2: input.level2 ?? "数量指标",
    level3: input.level3 ?? "测试指标",
    targetText: targetCell.text,
    actualText: actualCell.text,
    targetCell,
    actualCell,
    unitText: input.unitText ?? "",
    weightCell: cell(input.weight),
    scoreCell: cell(input.score ?? null),
    noteText: input.note ?? "",
  };
}
