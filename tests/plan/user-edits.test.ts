/**
 * A user's edit made after scoring survives the next run and revert (the snapshot's `written`).
 * The sheet is the small hand-made form of ./helpers; every expected state is written out by hand.
 */
import type { CellGrid, CellState, SheetSnapshot } from "../../src/domain/grid";
import { cellAt } from "../../src/domain/grid";
import { MARK_FILLS } from "../../src/domain/plan";
import type { CellMark, CellWrite, WritePlan } from "../../src/domain/plan-types";
import {
  NOTE_SEPARATOR,
  currentOriginal,
  currentOriginals,
  resolveWrite,
  restoreSnapshot,
  revertCells,
} from "../../src/domain/resolve";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { smallGrid } from "./helpers";

const SHEET = { name: "自评表" };
const OURS = "【绩效自评助手】请填写偏差原因";

// J5 is row 5's empty 偏差原因 cell; I5 is its score cell (text "1", worth 0.85 by RULES A2).
const markJ5: CellMark = { row: 4, col: 9, address: "J5", fill: MARK_FILLS.explain, note: OURS };
const writeI5: CellWrite = { row: 4, col: 8, address: "I5", value: 0.85, reason: "score" };

function plan(marks: CellMark[], writes: CellWrite[] = []): WritePlan {
  return { sheetName: "自评表", writes, marks, skipped: [] };
}

/** The sheet after our first run (score I5, mark J5), as a host reads it back. */
async function scoredBook(): Promise<MemoryWorkbook> {
  const grid = smallGrid();
  const book = new MemoryWorkbook([grid]);
  await book.write(resolveWrite(plan([markJ5], [writeI5]), grid));
  return book;
}

/** The user changes one cell in the scored sheet (as typing in Excel or the preview would). */
async function userEdits(
  book: MemoryWorkbook,
  address: "I5" | "J5",
  change: (cell: CellGrid["cells"][number][number]) => void
): Promise<CellGrid> {
  const grid = book.current("自评表");
  const col = address === "I5" ? 8 : 9;
  change(grid.cells[4][col]);
  book.setGrid(grid);
  return book.readGrid(SHEET);
}

const EMPTY: CellState = { value: null, numberFormat: "General", fill: null, note: null };

describe("a part the user changed since our write becomes its new original", () => {
  test("the write records what it left in each cell", async () => {
    const snapshot = (await (await scoredBook()).readSnapshot(SHEET))!;
    expect(snapshot.cells).toEqual({
      I5: { value: "1", numberFormat: "General", fill: null, note: null },
      J5: EMPTY,
    });
    expect(snapshot.written).toEqual({
      I5: { value: 0.85, numberFormat: "General", fill: null, note: null },
      J5: { value: null, numberFormat: "General", fill: MARK_FILLS.explain, note: OURS },
    });
  });

  test("a reason typed into a marked cell: evaluation sees it, our fill and note go, the text stays", async () => {
    const book = await scoredBook();
    const read = await userEdits(book, "J5", (cell) => {
      cell.value = "受天气影响，已调整计划";
      cell.text = "受天气影响，已调整计划";
    });

    // Value is the user's now; fill and note still show our write, so their original stays empty.
    expect(currentOriginals(read.snapshot!, read).J5).toEqual({
      ...EMPTY,
      value: "受天气影响，已调整计划",
    });
    expect(cellAt(restoreSnapshot(read), 4, 9)).toEqual({
      value: "受天气影响，已调整计划",
      text: "受天气影响，已调整计划",
      numberFormat: "General",
      fill: null,
      note: null,
    });

    // The reason is there, so the next plan no longer marks J5.
    const resolved = resolveWrite(plan([], [writeI5]), read);
    expect(resolved.cells.find((c) => c.address === "J5")!.state).toEqual({
      ...EMPTY,
      value: "受天气影响，已调整计划",
    });
    expect(resolved.snapshot.cells.J5.value).toBe("受天气影响，已调整计划");
    await book.write(resolved);
    expect(cellAt(await book.readGrid(SHEET), 4, 9).value).toBe("受天气影响，已调整计划");

    // Revert takes back our score in I5 and leaves the reason.
    await book.revert(SHEET);
    const reverted = await book.readGrid(SHEET);
    expect(cellAt(reverted, 4, 9).value).toBe("受天气影响，已调整计划");
    expect(cellAt(reverted, 4, 9).fill).toBeNull();
    expect(cellAt(reverted, 4, 8).value).toBe("1");
  });

  test("a fill the user gave a marked cell is theirs: our mark still shows while it applies, revert gives theirs back", async () => {
    const book = await scoredBook();
    const read = await userEdits(book, "J5", (cell) => {
      cell.fill = "#00B050";
    });
    expect(currentOriginals(read.snapshot!, read).J5).toEqual({ ...EMPTY, fill: "#00B050" });
    expect(cellAt(restoreSnapshot(read), 4, 9).fill).toBe("#00B050");

    const stillMarked = resolveWrite(plan([markJ5]), read);
    expect(stillMarked.cells.find((c) => c.address === "J5")!.state.fill).toBe(MARK_FILLS.explain);
    expect(stillMarked.snapshot.cells.J5.fill).toBe("#00B050");

    const noLongerMarked = resolveWrite(plan([]), read);
    expect(noLongerMarked.cells.find((c) => c.address === "J5")!.state).toEqual({
      ...EMPTY,
      fill: "#00B050",
    });

    expect(revertCells(read.snapshot!, read).find((c) => c.address === "J5")!.state).toEqual({
      ...EMPTY,
      fill: "#00B050",
    });
  });

  test("a note the user wrote over ours replaces it; rewritten above ours, only their part is kept", async () => {
    const book = await scoredBook();
    const replaced = await userEdits(book, "J5", (cell) => {
      cell.note = "已电话核实";
    });
    expect(currentOriginals(replaced.snapshot!, replaced).J5.note).toBe("已电话核实");
    // Still missing a reason: our note goes after theirs, once.
    expect(
      resolveWrite(plan([markJ5]), replaced).cells.find((c) => c.address === "J5")!.state.note
    ).toBe(`已电话核实${NOTE_SEPARATOR}${OURS}`);

    // A cell whose own note we appended to; the user rewrites their part and keeps ours below it.
    const withNote = smallGrid({ J5: { v: null, note: "原批注" } });
    const book2 = new MemoryWorkbook([withNote]);
    await book2.write(resolveWrite(plan([markJ5]), withNote));
    const read = await book2.readGrid(SHEET);
    expect(cellAt(read, 4, 9).note).toBe(`原批注${NOTE_SEPARATOR}${OURS}`);
    const grid = book2.current("自评表");
    grid.cells[4][9].note = `改过的批注${NOTE_SEPARATOR}${OURS}`;
    book2.setGrid(grid);
    const edited = await book2.readGrid(SHEET);
    expect(currentOriginals(edited.snapshot!, edited).J5.note).toBe("改过的批注");
    expect(
      resolveWrite(plan([markJ5]), edited).cells.find((c) => c.address === "J5")!.state.note
    ).toBe(`改过的批注${NOTE_SEPARATOR}${OURS}`);
  });

  test("a value typed over our score: we write the score again, revert gives the typed value back", async () => {
    const book = await scoredBook();
    const read = await userEdits(book, "I5", (cell) => {
      cell.value = 2;
      cell.text = "2";
    });
    expect(cellAt(restoreSnapshot(read), 4, 8).value).toBe(2);
    const resolved = resolveWrite(plan([markJ5], [writeI5]), read);
    expect(resolved.cells.find((c) => c.address === "I5")!.state.value).toBe(0.85);
    expect(resolved.snapshot.cells.I5.value).toBe(2);
    expect(revertCells(read.snapshot!, read).find((c) => c.address === "I5")!.state.value).toBe(2);
  });

  test("a number format the user changed on our score cell is kept by the next write", async () => {
    const book = await scoredBook();
    const read = await userEdits(book, "I5", (cell) => {
      cell.numberFormat = "0.00";
    });
    const resolved = resolveWrite(plan([markJ5], [writeI5]), read);
    expect(resolved.cells.find((c) => c.address === "I5")!.state).toEqual({
      value: 0.85,
      numberFormat: "0.00",
      fill: null,
      note: null,
    });
    // The value part is still ours, so revert restores the original text "1" in the user's format.
    expect(revertCells(read.snapshot!, read).find((c) => c.address === "I5")!.state).toEqual({
      value: "1",
      numberFormat: "0.00",
      fill: null,
      note: null,
    });
  });

  test("untouched since our write: originals as recorded, and revert is the plain revert", async () => {
    const read = await (await scoredBook()).readGrid(SHEET);
    expect(currentOriginals(read.snapshot!, read)).toEqual(read.snapshot!.cells);
    expect(revertCells(read.snapshot!, read)).toEqual(revertCells(read.snapshot!));
  });
});

describe("parts a host could not read, and snapshots from before `written`", () => {
  const original: CellState = { value: null, numberFormat: "General", fill: null, note: "原批注" };
  const written: CellState = {
    value: null,
    numberFormat: "General",
    fill: MARK_FILLS.explain,
    note: `原批注${NOTE_SEPARATOR}${OURS}`,
  };

  test("a note (or fill) the host did not read counts as unchanged", () => {
    expect(
      currentOriginal(original, written, { value: "已说明", numberFormat: "General" })
    ).toEqual({ ...original, value: "已说明" });
  });

  test("a cell outside what the host read holds no value; its other parts keep their original", () => {
    const snapshot: SheetSnapshot = {
      sheetName: "自评表",
      cells: { L12: { value: "原值", numberFormat: "0.00", fill: "#00B050", note: null } },
      written: { L12: { value: 5, numberFormat: "0.00", fill: MARK_FILLS.deduction, note: null } },
    };
    expect(currentOriginals(snapshot, smallGrid()).L12).toEqual({
      value: null,
      numberFormat: "0.00",
      fill: "#00B050",
      note: null,
    });
  });

  test("a formula the user typed replaces value and formula together", () => {
    expect(
      currentOriginal(
        { value: "1", numberFormat: "General", fill: null, note: null },
        { value: 0.85, numberFormat: "General", fill: null, note: null },
        { value: 3, formula: "H5*1.5", numberFormat: "General", fill: null, note: null }
      )
    ).toEqual({ value: 3, formula: "H5*1.5", numberFormat: "General", fill: null, note: null });
  });

  test("a formula we left that shows a new result was recalculated, not typed over: original kept", () => {
    // I38 = SUM(I13:I37) held 98 before our run; our scores made Excel recalculate it to 98.83.
    const original: CellState = {
      value: 98,
      formula: "SUM(I13:I37)",
      numberFormat: "General",
      fill: null,
      note: null,
    };
    const ours: CellState = { ...original, fill: MARK_FILLS.explain };
    expect(
      currentOriginal(original, ours, { ...ours, value: 98.83, formula: "SUM(I13:I37)" })
    ).toEqual(original);
    // The user replacing the formula by a number is theirs.
    expect(
      currentOriginal(original, ours, { value: 98.83, numberFormat: "General", fill: null })
    ).toEqual({ value: 98.83, numberFormat: "General", fill: null, note: null });
  });

  test("a legacy snapshot (no `written`): the recorded original stands, as before", async () => {
    const book = await scoredBook();
    const grid = book.current("自评表");
    delete grid.snapshot!.written;
    grid.cells[4][9].value = "已说明";
    book.setGrid(grid);
    const read = await book.readGrid(SHEET);
    expect(currentOriginals(read.snapshot!, read).J5).toEqual(EMPTY);
    expect(cellAt(restoreSnapshot(read), 4, 9).value).toBeNull();
    expect(revertCells(read.snapshot!, read)).toEqual(revertCells(read.snapshot!));
    expect(resolveWrite(plan([]), read).snapshot.cells.J5).toEqual(EMPTY);
  });
});
