/**
 * The whole path on the fixture forms: grid → scoreGrid → plan → MemoryWorkbook, through the shared
 * recompute service. Expected numbers are the seed report's (RULES.md: 3106.43 / 3112 = 99.82% → 9.98;
 * 256 / 600 × 2 = 0.85; total 98.83) and the fixtures' hand-worked headers.
 */
import { createRecomputeService } from "../../src/app/recompute";
import type { CellGrid } from "../../src/domain/grid";
import { cellAt, fromA1 } from "../../src/domain/grid";
import { scoreGrid } from "../../src/domain";
import { MARK_FILLS } from "../../src/domain/plan";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { ALL_FORMS } from "../fixtures/forms";
import { gradeCell } from "../fixtures/forms/grade-cell";
import { percentFormat } from "../fixtures/forms/percent-format";
import { seed } from "../fixtures/forms/seed";
import { gridFromSpec } from "../fixtures/sheet-spec";

/** Hosts that never read a fill or note leave them undefined; after a revert they read null. */
function normalised(grid: CellGrid): CellGrid {
  const copy: CellGrid = {
    ...grid,
    cells: grid.cells.map((line) =>
      line.map((c) => ({ ...c, fill: c.fill ?? null, note: c.note ?? null }))
    ),
  };
  delete copy.snapshot;
  return copy;
}

function at(grid: CellGrid, address: string) {
  const { row, col } = fromA1(address);
  return cellAt(grid, row, col);
}

async function run(grid: CellGrid, plan = {}) {
  const book = new MemoryWorkbook([grid]);
  const service = createRecomputeService(book);
  const sheet = { name: grid.sheetName };
  const result = await service.recompute({ sheet, plan });
  if (result.noTable) throw new Error(`no table: ${result.reason}`);
  return { book, service, sheet, result, after: await book.readGrid(sheet) };
}

describe("the seed form end to end", () => {
  const grid = gridFromSpec(seed);

  // The 其中：财政拨款 row prints its own 得分 (9.98, a number): it is recomputed, 3106.43 / 3112 → 9.98.
  test("the plan writes H6 (rate), I6 and I7 (budget scores), I13..I37 and the total I38", () => {
    const scored = scoreGrid(grid);
    if (!scored.ok) throw new Error("seed not detected");
    const { plan } = scored;
    const rows = Array.from({ length: 25 }, (_, i) => `I${13 + i}`);
    expect(plan.writes.map((w) => w.address)).toEqual(["H6", "I6", "I7", ...rows, "I38"]);
    expect(plan.writes.map((w) => w.reason)).toEqual([
      "rate",
      "budgetScore",
      "budgetScore",
      ...rows.map(() => "score"),
      "total",
    ]);
    const value = (a: string) => plan.writes.find((w) => w.address === a)?.value;
    expect(value("H6")).toBe("99.82%"); // the template prints the rate as text: it stays text
    expect(value("I6")).toBe(9.98);
    expect(value("I7")).toBe(9.98);
    expect(value("I28")).toBe(0.85);
    expect(value("I38")).toBe(98.83);
    // Every other row met its target and scores its weight (column H).
    for (const a of rows.filter((r) => r !== "I28"))
      expect(value(a)).toBe(at(grid, a.replace("I", "H")).value);
    expect(plan.skipped).toEqual([]);
  });

  test("notes on every 得分 cell, the budget score and the total; fills only in the two colours", () => {
    const scored = scoreGrid(grid);
    if (!scored.ok) throw new Error("seed not detected");
    const noted = scored.plan.marks.filter((m) => m.note !== null).map((m) => m.address);
    expect(noted).toEqual(["I6", ...Array.from({ length: 25 }, (_, i) => `I${13 + i}`), "I38"]);
    expect(
      scored.plan.marks.every((m) => m.note === null || m.note.startsWith("【绩效自评助手】\n"))
    ).toBe(true);
    expect(scored.plan.marks.find((m) => m.address === "I28")?.note).toContain("0.85");
    expect(scored.plan.marks.find((m) => m.address === "I38")?.note).toContain("98.83");
    const fills = new Set(scored.plan.marks.map((m) => m.fill).filter((f) => f !== null));
    for (const f of fills) expect(Object.values(MARK_FILLS)).toContain(f);
    // 256 / 600 is a shortfall (RULES A6): its 得分 cell is marked.
    expect(scored.plan.marks.find((m) => m.address === "I28")?.fill).not.toBeNull();
  });

  test("a second run on the written sheet resolves to the same cells and leaves the same sheet", async () => {
    const { book, service, sheet, result, after } = await run(grid);
    const again = await service.recompute({ sheet });
    if (again.noTable || result.noTable) throw new Error("no table");
    expect(again.resolved).toEqual(result.resolved);
    // Same scores, findings and explanations (the layout's raw cells may differ only in an explicit
    // fill: null / note: null that the restore adds).
    expect({ ...again.evaluation, layout: null }).toEqual({ ...result.evaluation, layout: null });
    expect(await book.readGrid(sheet)).toEqual(after);
  });

  test("the written sheet shows the values; revert gives back the original", async () => {
    const { book, service, sheet, after } = await run(grid);
    expect(at(after, "H6").text).toBe("99.82%");
    expect(at(after, "I28").text).toBe("0.85");
    expect(at(after, "I38").text).toBe("98.83");
    expect(at(after, "I38").note).toContain("98.83");
    expect(await service.revert(sheet)).toBe(Object.keys(after.snapshot?.cells ?? {}).length);
    expect(normalised(await book.readGrid(sheet))).toEqual(normalised(grid));
    expect(await book.readSnapshot(sheet)).toBeUndefined();
  });

  test("highlights off on the second run removes every fill of the first", async () => {
    const { book, service, sheet, after } = await run(grid);
    expect(after.cells.flat().some((c) => c.fill)).toBe(true);
    await service.recompute({ sheet, plan: { highlights: false } });
    const off = await book.readGrid(sheet);
    expect(off.cells.flat().filter((c) => c.fill)).toEqual([]);
    expect(at(off, "I28").note).toContain("0.85");
  });

  test("English notes", async () => {
    const { after } = await run(grid, { lang: "en" });
    expect(at(after, "I38").note).toMatch(
      /^\[SelfEval\]\nTotal 98\.83 = budget execution 9\.98 \+ indicators 88\.85; grade 优\./
    );
  });
});

describe("other templates", () => {
  test("a percent-formatted rate cell gets the 4-place fraction and keeps its format", async () => {
    const grid = gridFromSpec(percentFormat);
    expect(at(grid, "H6")).toMatchObject({ value: 0.9781, numberFormat: "0.00%" });
    const { result, after } = await run(grid);
    if (result.noTable) throw new Error("no table");
    // 978.09 / 1000 = 0.97809 → 0.9781 (97.81%); score 10 × 0.97809 = 9.7809 → 9.78.
    expect(result.plan.writes.find((w) => w.address === "H6")).toEqual({
      row: 5,
      col: 7,
      address: "H6",
      value: 0.9781,
      reason: "rate",
    });
    expect(at(after, "H6")).toMatchObject({ value: 0.9781, text: "97.81%", numberFormat: "0.00%" });
    expect(at(after, "I6").value).toBe(9.78);
    expect(result.evaluation.total).toBe(98.28);
  });

  test("a labelled grade cell gets the grade", async () => {
    const { result, after } = await run(gridFromSpec(gradeCell));
    if (result.noTable) throw new Error("no table");
    // 78.08 → 中 (≥ 60, < 80); the printed 良 is replaced.
    expect(result.plan.writes.find((w) => w.reason === "grade")).toMatchObject({
      address: "H20",
      value: "中",
    });
    expect(at(after, "H20").value).toBe("中");
  });

  test.each(ALL_FORMS.map((f) => [f.id, f.spec] as const))(
    "%s: run twice = run once, and revert restores the form",
    async (_id, spec) => {
      const grid = gridFromSpec(spec);
      const book = new MemoryWorkbook([grid]);
      const service = createRecomputeService(book);
      const sheet = { name: grid.sheetName };
      const first = await service.recompute({ sheet });
      if (first.noTable) {
        expect(book.writeCount).toBe(0);
        return;
      }
      const once = await book.readGrid(sheet);
      const second = await service.recompute({ sheet });
      if (second.noTable) throw new Error("the written form lost its table");
      expect(second.resolved).toEqual(first.resolved);
      expect(await book.readGrid(sheet)).toEqual(once);
      if (first.writtenCells > 0) await service.revert(sheet);
      expect(normalised(await book.readGrid(sheet))).toEqual(normalised(grid));
    }
  );
});
