import fc from "fast-check";
import type { Cell, CellGrid, CellState } from "../../src/domain/grid";
import { cellAt, toA1 } from "../../src/domain/grid";
import { MARK_FILLS, planWrites } from "../../src/domain/plan";
import type { CellMark, CellWrite, WritePlan } from "../../src/domain/plan-types";
import {
  NOTE_SEPARATOR,
  renderText,
  resolveWrite,
  restoreSnapshot,
  revertCells,
} from "../../src/domain/resolve";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { OPTIONS, finding, smallEvaluation, smallGrid } from "./helpers";

async function applyAndRead(grid: CellGrid, plan: WritePlan): Promise<CellGrid> {
  const book = new MemoryWorkbook([grid]);
  await book.write(resolveWrite(plan, grid));
  return book.readGrid({ name: grid.sheetName });
}

describe("restoreSnapshot", () => {
  const original: CellState = {
    value: 1,
    numberFormat: "0.00%",
    fill: "#00FF00",
    note: "用户批注",
    formula: "D2/E2",
  };
  const written = (): CellGrid => {
    const grid = smallGrid({ H2: { v: "99.82%", fill: MARK_FILLS.deduction, note: "ours" } });
    grid.snapshot = { sheetName: grid.sheetName, cells: { H2: original } };
    return grid;
  };

  test("puts value, format, formula, fill and note back and re-renders the text", () => {
    const restored = restoreSnapshot(written());
    expect(cellAt(restored, 1, 7)).toEqual({
      value: 1,
      text: "100.00%",
      numberFormat: "0.00%",
      formula: "D2/E2",
      fill: "#00FF00",
      note: "用户批注",
    });
    expect(restored.snapshot).toBeUndefined();
  });

  test("leaves the input untouched and the other cells as they are", () => {
    const grid = written();
    const before = JSON.stringify(grid);
    const restored = restoreSnapshot(grid);
    expect(JSON.stringify(grid)).toBe(before);
    expect(cellAt(restored, 1, 8)).toEqual(cellAt(grid, 1, 8));
    expect(restored.cells[1][8]).not.toBe(grid.cells[1][8]);
  });

  test("a snapshot cell outside the used range grows the grid", () => {
    const grid = smallGrid();
    grid.snapshot = {
      sheetName: grid.sheetName,
      cells: { L12: { value: 5, numberFormat: "0.00", fill: null, note: null } },
    };
    const restored = restoreSnapshot(grid);
    expect(cellAt(restored, 11, 11).text).toBe("5.00");
    expect(cellAt(restored, 1, 8).value).toBe(9.98);
  });

  test("without a snapshot it is a plain copy", () => {
    const grid = smallGrid();
    expect(restoreSnapshot(grid)).toEqual(grid);
  });
});

describe("resolveWrite", () => {
  const write = (
    address: string,
    row: number,
    col: number,
    value: CellWrite["value"],
    numberFormat?: string
  ): CellWrite =>
    numberFormat
      ? { row, col, address, value, numberFormat, reason: "score" }
      : { row, col, address, value, reason: "score" };
  const mark = (
    address: string,
    row: number,
    col: number,
    fill: string | null,
    note: string | null
  ): CellMark => ({
    row,
    col,
    address,
    fill,
    note,
  });

  test("first run: the final state of each touched cell and a snapshot of their originals", () => {
    const grid = smallGrid({ I6: { v: null, note: "请核实" } });
    const plan: WritePlan = {
      sheetName: grid.sheetName,
      writes: [write("I6", 5, 8, 0.9982, "0.00%")],
      marks: [
        mark("I6", 5, 8, MARK_FILLS.explain, "我们的说明"),
        mark("G4", 3, 6, MARK_FILLS.deduction, null),
      ],
      skipped: [],
    };
    const resolved = resolveWrite(plan, grid);
    expect(resolved.cells).toEqual([
      {
        row: 3,
        col: 6,
        address: "G4",
        state: {
          value: "44.9204万人",
          numberFormat: "General",
          fill: MARK_FILLS.deduction,
          note: null,
        },
      },
      {
        row: 5,
        col: 8,
        address: "I6",
        state: {
          value: 0.9982,
          numberFormat: "0.00%",
          fill: MARK_FILLS.explain,
          note: `请核实${NOTE_SEPARATOR}我们的说明`,
        },
      },
    ]);
    expect(resolved.snapshot).toEqual({
      sheetName: "自评表",
      cells: {
        G4: { value: "44.9204万人", numberFormat: "General", fill: null, note: null },
        I6: { value: null, numberFormat: "General", fill: null, note: "请核实" },
      },
      // What this write leaves in each cell: the final states above.
      written: {
        G4: {
          value: "44.9204万人",
          numberFormat: "General",
          fill: MARK_FILLS.deduction,
          note: null,
        },
        I6: {
          value: 0.9982,
          numberFormat: "0.00%",
          fill: MARK_FILLS.explain,
          note: `请核实${NOTE_SEPARATOR}我们的说明`,
        },
      },
    });
  });

  test("a replaced formula is dropped from the final state and kept in the snapshot", () => {
    const grid = smallGrid();
    const plan: WritePlan = {
      sheetName: grid.sheetName,
      writes: [write("I7", 6, 8, 2)],
      marks: [],
      skipped: [],
    };
    const resolved = resolveWrite(plan, grid);
    expect(resolved.cells[0].state.formula).toBeUndefined();
    expect(resolved.snapshot.cells.I7.formula).toBe("H7");
  });

  test("cells of the old snapshot the new plan no longer touches go back to their original", async () => {
    const grid = smallGrid();
    const first: WritePlan = {
      sheetName: grid.sheetName,
      writes: [write("I5", 4, 8, "0.85")],
      marks: [mark("G4", 3, 6, MARK_FILLS.deduction, "旧说明")],
      skipped: [],
    };
    const afterFirst = await applyAndRead(grid, first);
    const second: WritePlan = { ...first, marks: [] };
    const resolved = resolveWrite(second, afterFirst);
    const g4 = resolved.cells.find((c) => c.address === "G4");
    expect(g4?.state).toEqual({
      value: "44.9204万人",
      numberFormat: "General",
      fill: null,
      note: null,
    });
    // The snapshot still knows both cells, so revert stays exact.
    expect(Object.keys(resolved.snapshot.cells).sort()).toEqual(["G4", "I5"]);
    expect(resolved.snapshot.cells.I5.value).toBe("1");
  });

  test("revertCells lists the snapshot by row then column", () => {
    const state: CellState = { value: null, numberFormat: "General", fill: null, note: null };
    const cells = revertCells({
      sheetName: "s",
      cells: { J9: state, I2: state, A9: state, I10: state },
    });
    expect(cells.map((c) => c.address)).toEqual(["I2", "A9", "J9", "I10"]);
    expect(cells[0]).toMatchObject({ row: 1, col: 8 });
  });
});

describe("plan → write → plan again, through the real plan", () => {
  const evaluation = smallEvaluation({
    findings: [
      finding("SCORE_MISMATCH", "error", "I5", "I5 应为 0.85"),
      finding("OVER_TARGET", "warning", "G4", "G4 超额"),
      finding("NOTE_MISSING", "warning", "J4", "J4 缺少原因"),
    ],
  });

  test("the second run resolves to the same cells and snapshot (idempotent)", async () => {
    const grid = smallGrid();
    const first = resolveWrite(planWrites(evaluation, restoreSnapshot(grid), OPTIONS), grid);
    const book = new MemoryWorkbook([grid]);
    await book.write(first);
    const read = await book.readGrid({ name: grid.sheetName });
    const second = resolveWrite(planWrites(evaluation, restoreSnapshot(read), OPTIONS), read);
    expect(second).toEqual(first);
    // …and the note is not stacked on our own earlier note.
    expect(
      second.cells.find((c) => c.address === "I5")?.state.note?.split("【绩效自评助手】")
    ).toHaveLength(2);
  });

  test("turning highlights off on the second run removes the fills of the first", async () => {
    const grid = smallGrid();
    const book = new MemoryWorkbook([grid]);
    await book.write(resolveWrite(planWrites(evaluation, grid, OPTIONS), grid));
    const read = await book.readGrid({ name: grid.sheetName });
    expect(cellAt(read, 4, 8).fill).toBe(MARK_FILLS.review);
    expect(cellAt(read, 3, 9).fill).toBe(MARK_FILLS.explain);
    expect(cellAt(read, 1, 8).fill).toBe(MARK_FILLS.deduction); // the budget scored 9.98 of 10

    const off = { ...OPTIONS, highlights: false };
    await book.write(resolveWrite(planWrites(evaluation, restoreSnapshot(read), off), read));
    const after = await book.readGrid({ name: grid.sheetName });
    for (let r = 0; r < after.cells.length; r++)
      for (let c = 0; c < after.cells[r].length; c++)
        expect([toA1(r, c), after.cells[r][c].fill ?? null]).toEqual([toA1(r, c), null]);
    expect(cellAt(after, 4, 8).note).toContain("I5 应为 0.85"); // notes stay on
  });
});

// ---------- properties ----------

const FORMATS = ["General", "0.00", "0.00%", "#,##0.00"];
const arbValue = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100),
  fc.constantFrom("优", "99.82%", "—", "≥30万人", "")
);
const arbCell: fc.Arbitrary<Cell> = fc
  .record({
    value: arbValue,
    numberFormat: fc.constantFrom(...FORMATS),
    formula: fc.option(fc.constantFrom("D6/E6", "SUM(I13:I37)"), { nil: undefined }),
    fill: fc.constantFrom(null, "#FFFFFF", "#00B050"),
    note: fc.constantFrom(null, "用户批注"),
  })
  .map(({ value, numberFormat, formula, fill, note }) => {
    const cell: Cell = { value, text: renderText(value, numberFormat), numberFormat, fill, note };
    if (formula !== undefined) cell.formula = formula;
    return cell;
  });

const arbGrid: fc.Arbitrary<CellGrid> = fc
  .record({
    originRow: fc.nat(3),
    originCol: fc.nat(3),
    rows: fc.integer({ min: 1, max: 5 }),
    cols: fc.integer({ min: 1, max: 5 }),
  })
  .chain(({ originRow, originCol, rows, cols }) =>
    fc
      .array(fc.array(arbCell, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      })
      .map((cells): CellGrid => ({
        sheetName: "表",
        originRow,
        originCol,
        cells,
        merges: [],
        protected: false,
      }))
  );

/** A plan over cells inside the grid, one write and one mark at most per cell, like planWrites. */
function arbPlan(grid: CellGrid): fc.Arbitrary<WritePlan> {
  const coords: { row: number; col: number }[] = [];
  grid.cells.forEach((line, r) =>
    line.forEach((_, c) => coords.push({ row: grid.originRow + r, col: grid.originCol + c }))
  );
  const at = fc.constantFrom(...coords);
  const key = (x: { row: number; col: number }) => `${x.row},${x.col}`;
  const writes = fc.uniqueArray(
    fc.record({
      pos: at,
      value: fc.oneof(
        fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
        fc.constantFrom("9.98", "99.82%", "优")
      ),
      numberFormat: fc.option(fc.constant("0.00%"), { nil: undefined }),
    }),
    { selector: (w) => key(w.pos) }
  );
  const marks = fc.uniqueArray(
    fc.record({
      pos: at,
      fill: fc.constantFrom(null, MARK_FILLS.deduction, MARK_FILLS.explain),
      note: fc.constantFrom(null, "说明"),
    }),
    { selector: (m) => key(m.pos) }
  );
  return fc.record({ writes, marks }).map(({ writes: ws, marks: ms }) => ({
    sheetName: grid.sheetName,
    writes: ws.map(({ pos, value, numberFormat }) => {
      const w: CellWrite = { ...pos, address: toA1(pos.row, pos.col), value, reason: "score" };
      if (numberFormat) w.numberFormat = numberFormat;
      return w;
    }),
    marks: ms.map(({ pos, fill, note }) => ({
      ...pos,
      address: toA1(pos.row, pos.col),
      fill,
      note,
    })),
    skipped: [],
  }));
}

const arbScenario = arbGrid.chain((grid) =>
  fc.tuple(fc.constant(grid), arbPlan(grid), arbPlan(grid))
);

describe("properties", () => {
  test("write then revert gives back exactly the original grid", async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario, async ([grid, plan]) => {
        const book = new MemoryWorkbook([grid]);
        await book.write(resolveWrite(plan, grid));
        await book.revert({ name: grid.sheetName }).catch(() => 0); // an empty plan leaves nothing to revert
        expect(await book.readGrid({ name: grid.sheetName })).toEqual(grid);
      })
    );
  });

  test("two runs with different plans, then revert, give back the original grid", async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario, async ([grid, plan1, plan2]) => {
        const book = new MemoryWorkbook([grid]);
        await book.write(resolveWrite(plan1, grid));
        const read = await book.readGrid({ name: grid.sheetName });
        await book.write(resolveWrite(plan2, read));
        await book.revert({ name: grid.sheetName }).catch(() => 0);
        expect(await book.readGrid({ name: grid.sheetName })).toEqual(grid);
      })
    );
  });

  test("the second run of the same plan resolves to the same cells; the sheet it leaves is the same", async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario, async ([grid, plan]) => {
        const first = resolveWrite(plan, grid);
        const book = new MemoryWorkbook([grid]);
        await book.write(first);
        const once = await book.readGrid({ name: grid.sheetName });
        const second = resolveWrite(plan, once);
        expect(second).toEqual(first);
        await book.write(second);
        expect(await book.readGrid({ name: grid.sheetName })).toEqual(once);
      })
    );
  });

  test("after any second plan the sheet equals the second plan applied to the original", async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario, async ([grid, plan1, plan2]) => {
        const book = new MemoryWorkbook([grid]);
        await book.write(resolveWrite(plan1, grid));
        const read = await book.readGrid({ name: grid.sheetName });
        expect(restoreSnapshot(read)).toEqual(grid);
        await book.write(resolveWrite(plan2, read));
        const direct = new MemoryWorkbook([grid]);
        await direct.write(resolveWrite(plan2, grid));
        const viaTwo = await book.readGrid({ name: grid.sheetName });
        const viaOne = await direct.readGrid({ name: grid.sheetName });
        expect(restoreSnapshot(viaTwo)).toEqual(grid);
        // Cell contents agree; only the snapshot may remember more cells (those plan1 touched).
        expect(viaTwo.cells).toEqual(viaOne.cells);
      })
    );
  });
});
