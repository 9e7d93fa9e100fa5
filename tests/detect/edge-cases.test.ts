/**
 * Detection behaviour that no single form fixture shows: carry-down without merges, grids that do
 * not start at A1, a grade word beside the total, a partial header, label keys, and speed.
 */
import type { SheetSpec, SpecCell } from "../fixtures/sheet-spec";
import { gridFromSpec } from "../fixtures/sheet-spec";
import { seed } from "../fixtures/forms/seed";
import { detectLayout, declaredSectionWeight, labelKey } from "../../src/domain/detect";
import type { CellGrid } from "../../src/domain/grid";
import { col, indicatorRows, layoutOf, range, skipped } from "./helpers";

function withCell(spec: SheetSpec, a1Row: number, colIndex: number, value: SpecCell): SheetSpec {
  const rows = spec.rows.map((r) => [...r]);
  while (rows[a1Row - 1].length <= colIndex) rows[a1Row - 1].push(null);
  rows[a1Row - 1][colIndex] = value;
  return { ...spec, rows };
}

describe("carry-down", () => {
  test("without any merges, a blank 一级 cell repeats the label above", () => {
    const layout = layoutOf({ ...seed, merges: [] });
    expect(indicatorRows(layout)).toEqual(range(13, 37));
    expect(layout.indicators[20].level1).toBe("产出指标(50)"); // row 33
    expect(layout.indicators[21].level1).toBe("效益指标(30)"); // row 34
    expect(layout.sections.map((s) => s.rows.length)).toEqual([21, 3, 1]);
  });

  test("a host that repeats the merged text in every cell gives the same labels", () => {
    const spec = { ...seed, rows: seed.rows.map((r) => [...r]) };
    for (let r = 14; r <= 33; r++) spec.rows[r - 1][2] = "产出指标（50）";
    const layout = layoutOf(spec);
    expect(layout.indicators.map((i) => i.level1)).toEqual(
      layoutOf(seed).indicators.map((i) => i.level1)
    );
    // One section, read from the merge's top-left cell C13.
    expect(layout.sections[0].cell).toEqual({ row: 12, col: col("C") });
    expect(layout.sections[0].rows).toHaveLength(21);
    // Without the merge list too: the repeated label still makes one section of 21 rows.
    const unmerged = layoutOf({ ...spec, merges: [] });
    expect(unmerged.sections.map((s) => [s.cell.row + 1, s.rows.length])).toEqual([
      [13, 21],
      [34, 3],
      [37, 1],
    ]);
  });

  test("a new 一级 section without a 二级 label does not inherit the previous section's", () => {
    const spec = withCell(seed, 37, col("D"), null);
    const layout = layoutOf(spec);
    const last = layout.indicators[layout.indicators.length - 1];
    expect(last.level1).toBe("满意度指标(10)");
    expect(last.level2).toBe("");
  });
});

describe("grids that start elsewhere than A1", () => {
  test("absolute coordinates are kept when the used range starts at B3", () => {
    const full = gridFromSpec(seed);
    const shifted: CellGrid = {
      ...full,
      originRow: 2,
      originCol: 1,
      // Same cells, placed two rows lower and one column right of the original sheet.
      cells: full.cells.map((line) => line.slice(0)),
      merges: full.merges.map((m) => ({
        top: m.top + 2,
        bottom: m.bottom + 2,
        left: m.left + 1,
        right: m.right + 1,
      })),
    };
    const result = detectLayout(shifted);
    if (!result.ok) throw new Error(result.reason);
    expect(result.layout.indicatorHeaderRow).toBe(11 + 2);
    expect(result.layout.columns.score).toBe(col("I") + 1);
    expect(result.layout.indicators[0].row).toBe(12 + 2);
    expect(result.layout.sections[0].cell).toEqual({ row: 14, col: col("C") + 1 });
    expect(result.layout.total).toEqual({
      row: 39,
      weightCol: col("H") + 1,
      scoreCol: col("I") + 1,
    });
  });
});

describe("grade cell", () => {
  test("a grade word printed right of the total score", () => {
    const layout = layoutOf(withCell(seed, 38, col("J"), "优"));
    expect(layout.gradeCell).toEqual({ row: 37, col: col("J") });
  });

  test("a label in the sheet's last column points to the cell below", () => {
    const rows = seed.rows.map((r) => [...r]);
    rows.push([null, null, null, null, null, null, null, null, null, "评价等级"]);
    rows.push([null, null, null, null, null, null, null, null, null, "良"]);
    const spec = { ...seed, rows };
    const layout = layoutOf(spec);
    expect(layout.gradeCell).toEqual({ row: 39, col: col("J") });
  });

  test("a 等级 label inside the total row wins over a bare word", () => {
    const spec = withCell(withCell(seed, 38, col("J"), "等级：优"), 38, col("K"), null);
    // "等级：优" is not a label (it carries the grade), so nothing is found there…
    expect(layoutOf(spec).gradeCell).toBeNull();
    // …while a label followed by its value cell is.
    const labelled = withCell(withCell(seed, 38, col("J"), "等级"), 38, col("K"), "优");
    expect(layoutOf(labelled).gradeCell).toEqual({ row: 37, col: col("K") });
  });
});

describe("missing header columns", () => {
  test("a header without 得分 is reported as no-indicator-header, naming what is missing", () => {
    const spec = withCell(seed, 12, col("I"), "备注");
    const result = detectLayout(gridFromSpec(spec));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("no-indicator-header");
    expect(result.detail).toContain("得分");
    expect(result.detail).toContain("12");
  });

  test("an empty grid has no table", () => {
    expect(detectLayout(gridFromSpec({ name: "空", rows: [] }))).toEqual({
      ok: false,
      reason: "no-table",
    });
  });
});

describe("label keys and section weights", () => {
  test("labelKey removes spaces and line breaks, folds width and Traditional characters", () => {
    expect(labelKey("绩  效  指  标（90）")).toBe("绩效指标(90)");
    expect(labelKey("經濟效益\n指標")).toBe("经济效益指标");
    expect(labelKey("產出指標")).toBe("产出指标");
    expect(labelKey("滿意度指標")).toBe("满意度指标");
    expect(labelKey("總\u3000分")).toBe("总分");
  });

  test.each([
    ["产出指标（50）", "产出指标", "50"],
    ["效益指标(30分)", "效益指标", "30"],
    ["满意度指标（10分）", "满意度指标", "10"],
    ["效益指标30分)", "效益指标", "30"],
    ["產出指標（12.5分）", "产出指标", "12.5"],
  ])("%s declares %s = %s", (label, name, weight) => {
    const declared = declaredSectionWeight(labelKey(label));
    expect(declared?.name).toBe(name);
    expect(declared?.weight.toString()).toBe(weight);
  });

  test("labels without a weight declare none", () => {
    expect(declaredSectionWeight(labelKey("产出指标"))).toBeNull();
    expect(declaredSectionWeight(labelKey("数量指标"))).toBeNull();
  });
});

describe("speed", () => {
  test("a sheet with 20 000 indicator rows is detected in linear time (seconds, not minutes)", () => {
    const rows: SpecCell[][] = seed.rows.slice(0, 12).map((r) => [...r]);
    const n = 20000;
    for (let i = 0; i < n; i++) {
      rows.push([
        null,
        null,
        i === 0 ? "产出指标（90）" : null,
        "数量指标",
        `指标${i + 1}项`,
        "≥10个",
        "12个",
        1,
        1,
        null,
      ]);
    }
    rows.push([null, "总分", null, null, null, null, null, 100, 100, null]);
    const grid = gridFromSpec({ name: "big", rows, merges: [`C13:C${12 + n}`] });
    // How long this takes is the benchmark's business (bench/engine.ts), not a test's: a wall-clock
    // limit fails on a busy machine. Jest's per-test timeout still catches a runaway detection.
    const result = detectLayout(grid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.layout.indicators).toHaveLength(n);
    expect(result.layout.total!.row).toBe(12 + n);
  });
});

describe("funds block without a 项目资金 label", () => {
  test("the amount headers alone locate it", () => {
    const spec = withCell(seed, 5, col("B"), null);
    const funds = layoutOf(spec).funds!;
    expect(funds.headerRow + 1).toBe(5);
    expect(funds.totalRow!.row + 1).toBe(6);
    expect(funds.unit).toBe("万元");
  });
});

describe("numbered parents with long child names", () => {
  test("a child name longer than any header still marks the row above as a parent", () => {
    const longName =
      "1、举办自然科学学术年会及分会场科技工作者参与人次（含线上线下同步参会的各类科技工作者和高校师生）";
    const rows = seed.rows.map((r) => [...r]);
    rows[12][col("E")] = "一、学术交流";
    rows[13][col("E")] = longName;
    const layout = layoutOf({ ...seed, rows });
    expect(skipped(layout)).toEqual([[13, "parent"]]);
    expect(layout.indicators[0].level3).toBe(longName);
  });
});
