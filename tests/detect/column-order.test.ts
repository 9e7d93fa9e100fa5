/**
 * Column-order independence (RULES A1: "detect columns by header text, never by position"):
 * the same sheet with its indicator columns permuted yields the same indicators.
 */
import type { SheetSpec, SpecCell } from "../fixtures/sheet-spec";
import { parseRange } from "../fixtures/sheet-spec";
import { columnLetters, toA1 } from "../../src/domain/grid";
import { seed } from "../fixtures/forms/seed";
import { weightFirst } from "../fixtures/forms/weight-first";
import { splitColumns } from "../fixtures/forms/split-columns";
import type { TableLayout } from "../../src/domain/model";
import { layoutOf } from "./helpers";

/**
 * Rebuilds a spec with the columns of rows [fromRow, toRow] (1-based) reordered: the cell that was
 * in column `order[i]` moves to column `firstCol + i`. Merges that lie inside those rows and columns
 * move with their column; single-column merges only (enough for level labels).
 */
function permuteColumns(
  spec: SheetSpec,
  fromRow: number,
  toRow: number,
  firstCol: number,
  order: number[]
): SheetSpec {
  const rows = spec.rows.map((line, i) => {
    const r = i + 1;
    if (r < fromRow || r > toRow) return line;
    const next: SpecCell[] = [...line];
    while (next.length < firstCol + order.length) next.push(null);
    order.forEach((source, k) => {
      next[firstCol + k] = line[source] ?? null;
    });
    return next;
  });
  const newCol = (c: number) => {
    const k = order.indexOf(c);
    return k < 0 ? c : firstCol + k;
  };
  const merges = (spec.merges ?? []).map((m) => {
    const a = parseRange(m);
    const inside = a.top + 1 >= fromRow && a.bottom + 1 <= toRow;
    if (!inside || a.left !== a.right || !order.includes(a.left)) return m;
    const c = newCol(a.left);
    return `${toA1(a.top, c)}:${toA1(a.bottom, c)}`;
  });
  return { ...spec, rows, merges };
}

/** What detection found, independent of where the columns are. */
function content(layout: TableLayout) {
  return {
    rows: layout.indicators.map((i) => i.row),
    values: layout.indicators.map((i) => [
      i.level1,
      i.level2,
      i.level3,
      i.targetText,
      i.actualText,
      i.unitText,
      i.weightCell.text,
      i.scoreCell.text,
      i.noteText,
    ]),
    sections: layout.sections.map((s) => [s.label, s.weight.toString(), s.rows]),
    skipped: layout.skippedRows,
    totalRow: layout.total?.row ?? null,
  };
}

describe("column order does not change the indicators", () => {
  test("seed: C..J reversed", () => {
    // Columns C..J are indices 2..9; the title rows keep their layout.
    const order = [9, 8, 7, 6, 5, 4, 3, 2];
    const permuted = permuteColumns(seed, 12, 38, 2, order);
    const before = layoutOf(seed);
    const after = layoutOf(permuted);
    expect(content(after)).toEqual(content(before));
    // …and the columns really moved: 一级 is now in J, 偏差原因 in C.
    expect(columnLetters(after.columns.level1!)).toBe("J");
    expect(columnLetters(after.columns.note!)).toBe("C");
    expect(after.total).toEqual({ row: 37, weightCol: 4, scoreCol: 3 });
  });

  test("seed: 分值/得分 before the texts, 三级 last", () => {
    // New order: 一级, 二级, 分值, 得分, 年度指标值, 实际完成值, 偏差, 三级.
    const order = [2, 3, 7, 8, 5, 6, 9, 4];
    const after = layoutOf(permuteColumns(seed, 12, 37, 2, order));
    expect(content(after)).toEqual(content(layoutOf(seed)));
    expect(columnLetters(after.columns.level3)).toBe("J");
    expect(columnLetters(after.columns.weight)).toBe("E");
  });

  test("weight-first: rotated A..H", () => {
    const order = [3, 4, 5, 6, 7, 0, 1, 2];
    // Rows 11–20: the 总分 label moves from A to F along with the 一级 column.
    const after = layoutOf(permuteColumns(weightFirst, 11, 20, 0, order));
    const before = layoutOf(weightFirst);
    expect(content(after)).toEqual(content(before));
    expect(after.total).toEqual({ row: 19, weightCol: 0, scoreCol: 3 });
  });

  test("split-columns: 度量单位 before 指标性质 before 指标值", () => {
    // D 指标性质 (3), E 指标值 (4), F 度量单位 (5) → F, D, E.
    const order = [5, 3, 4];
    const after = layoutOf(permuteColumns(splitColumns, 10, 19, 3, order));
    const before = layoutOf(splitColumns);
    expect(content(after)).toEqual(content(before));
    expect([after.columns.unit, after.columns.nature, after.columns.target]).toEqual([3, 4, 5]);
  });
});
