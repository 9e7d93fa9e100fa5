/**
 * The bug this guards: after scoring, the user types the missing 偏差原因 into the cell we
 * highlighted; the next recompute must read it, keep it and drop our mark, and revert must leave it.
 * Seed row 13: 44.9204万人 against ≥30万人 is 149.73% (RULES A2: more than 30% over the target), so
 * the first run reports OVER_TARGET and NOTE_MISSING and fills the empty J13 (a warning).
 */
import { createRecomputeService, type RecomputeResult } from "../../src/app/recompute";
import type { CellGrid } from "../../src/domain/grid";
import { cellAt } from "../../src/domain/grid";
import { MARK_FILLS } from "../../src/domain/plan";
import { setCellAt } from "../../src/domain/resolve";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { seed } from "../../src/sample/seed";
import { gridFromSpec } from "../../src/sample/sheet-spec";

const REASON = "科普信息员队伍扩充超出预期，下年度将据实调整目标值";
const J13 = { row: 12, col: 9 };

async function recomputeSeed() {
  const book = new MemoryWorkbook([gridFromSpec(seed)]);
  const service = createRecomputeService(book);
  const first = await service.recompute();
  if (first.noTable) throw new Error(`no table: ${first.reason}`);
  return { book, service, first };
}

/** What typing into the cell does: the value changes, its fill and note stay as they were. */
function typeReason(book: MemoryWorkbook): void {
  const grid = book.current(seed.name);
  const cell = cellAt(grid, J13.row, J13.col);
  setCellAt(grid, J13.row, J13.col, { ...cell, value: REASON, text: REASON });
  book.setGrid(grid);
}

function row13Codes(result: RecomputeResult) {
  if (result.noTable) throw new Error("no table");
  return result.evaluation.indicators.find((i) => i.scoreCell === "I13")!.codes;
}

/** Every cell but J13, fills and notes read as null where a host left them unread. */
function withoutJ13(grid: CellGrid) {
  return grid.cells.map((line, r) =>
    line
      .map((c, i) => ({ ...c, fill: c.fill ?? null, note: c.note ?? null, at: [r, i] }))
      .filter(
        (c) => !(c.at[0] + grid.originRow === J13.row && c.at[1] + grid.originCol === J13.col)
      )
  );
}

describe("a reason typed into the highlighted J13 after scoring (in-memory host)", () => {
  test("the first run asks for it and highlights the empty cell", async () => {
    const { book, first } = await recomputeSeed();
    expect(row13Codes(first)).toEqual(["OVER_TARGET", "NOTE_MISSING"]);
    expect(cellAt(book.current(seed.name), J13.row, J13.col)).toMatchObject({
      value: null,
      fill: MARK_FILLS.explain,
    });
  });

  test("the next recompute reads the reason, keeps it and removes our fill", async () => {
    const { book, service } = await recomputeSeed();
    typeReason(book);
    const second = await service.recompute();
    expect(row13Codes(second)).toEqual(["OVER_TARGET"]);
    if (second.noTable) throw new Error("no table");
    expect(second.evaluation.findings.some((f) => f.code === "NOTE_MISSING" && f.row === 12)).toBe(
      false
    );
    expect(second.evaluation.total).toBe(98.83);
    expect(cellAt(book.current(seed.name), J13.row, J13.col)).toEqual({
      value: REASON,
      text: REASON,
      numberFormat: "General",
      fill: null,
      note: null,
    });

    // A third run changes nothing: the reason is the cell's original now.
    const before = book.current(seed.name);
    await service.recompute();
    expect(book.current(seed.name)).toEqual(before);
  });

  test("revert leaves the reason and puts every other cell back as it was", async () => {
    const { book, service } = await recomputeSeed();
    typeReason(book);
    await service.recompute();
    await service.revert();
    const reverted = book.current(seed.name);
    expect(reverted.snapshot).toBeUndefined();
    expect(cellAt(reverted, J13.row, J13.col)).toMatchObject({ value: REASON, fill: null });
    expect(withoutJ13(reverted)).toEqual(withoutJ13(gridFromSpec(seed)));
  });

  test("revert straight after typing (no recompute in between) also leaves the reason", async () => {
    const { book, service } = await recomputeSeed();
    typeReason(book);
    await service.revert();
    const reverted = book.current(seed.name);
    expect(cellAt(reverted, J13.row, J13.col)).toMatchObject({ value: REASON, fill: null });
    expect(withoutJ13(reverted)).toEqual(withoutJ13(gridFromSpec(seed)));
  });
});
