import { cellAt } from "../../src/domain/grid";
import type { ResolvedWrite } from "../../src/domain/plan-types";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { HostError } from "../../src/hosts/workbook-port";
import { smallGrid } from "./helpers";

const SHEET = { name: "自评表" };

/** H2 (the rate, text "99.82%") becomes the number 0.9982 shown as a percentage. */
function rateWrite(): ResolvedWrite {
  return {
    sheetName: "自评表",
    cells: [
      {
        row: 1,
        col: 7,
        address: "H2",
        state: { value: 0.9982, numberFormat: "0.00%", fill: "#FFEB9C", note: "说明" },
      },
    ],
    snapshot: {
      sheetName: "自评表",
      cells: { H2: { value: "99.82%", numberFormat: "General", fill: null, note: null } },
    },
  };
}

async function expectHostError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).code).toBe(code);
}

describe("MemoryWorkbook", () => {
  test("lists its sheets and reads a deep copy", async () => {
    const book = new MemoryWorkbook([smallGrid(), { ...smallGrid(), sheetName: "第二张" }]);
    expect(await book.listSheets()).toEqual([{ name: "自评表" }, { name: "第二张" }]);
    const read = await book.readGrid(SHEET);
    read.cells[1][8].value = 0;
    read.merges.push({ top: 0, left: 0, bottom: 1, right: 1 });
    const again = await book.readGrid(SHEET);
    expect(cellAt(again, 1, 8).value).toBe(9.98);
    expect(again.merges).toEqual([]);
  });

  test("write applies the cells, re-renders the text and stores the snapshot", async () => {
    const book = new MemoryWorkbook([smallGrid()]);
    await book.write(rateWrite());
    const read = await book.readGrid(SHEET);
    expect(cellAt(read, 1, 7)).toEqual({
      value: 0.9982,
      text: "99.82%",
      numberFormat: "0.00%",
      fill: "#FFEB9C",
      note: "说明",
    });
    expect(read.snapshot).toEqual(rateWrite().snapshot);
    expect(await book.readSnapshot(SHEET)).toEqual(rateWrite().snapshot);
    expect(book.writeCount).toBe(1);
  });

  test("revert restores the snapshot, drops it and counts the cells", async () => {
    const original = smallGrid();
    const book = new MemoryWorkbook([original]);
    await book.write(rateWrite());
    expect(await book.revert(SHEET)).toBe(1);
    const read = await book.readGrid(SHEET);
    expect(cellAt(read, 1, 7)).toEqual({
      value: "99.82%",
      text: "99.82%",
      numberFormat: "General",
      fill: null,
      note: null,
    });
    expect(read.snapshot).toBeUndefined();
    await expectHostError(book.revert(SHEET), "NOTHING_TO_REVERT");
  });

  test("a protected sheet refuses writes and reverts and changes nothing", async () => {
    const grid = { ...smallGrid(), protected: true };
    const book = new MemoryWorkbook([grid]);
    await expectHostError(book.write(rateWrite()), "PROTECTED");
    expect(await book.readGrid(SHEET)).toEqual(grid);
    expect(book.writeCount).toBe(0);

    const withSnapshot = { ...grid, snapshot: rateWrite().snapshot };
    const book2 = new MemoryWorkbook([withSnapshot]);
    await expectHostError(book2.revert(SHEET), "PROTECTED");
    expect(await book2.readGrid(SHEET)).toEqual(withSnapshot);
  });

  test("messages follow the workbook's language", async () => {
    const book = new MemoryWorkbook([{ ...smallGrid(), protected: true }], { lang: "en" });
    await expect(book.write(rateWrite())).rejects.toThrow(
      "Sheet “自评表” is protected; nothing was written."
    );
  });

  test("an unknown sheet is a clear error naming it", async () => {
    const book = new MemoryWorkbook([smallGrid()]);
    await expect(book.readGrid({ name: "Sheet9" })).rejects.toThrow("Sheet9");
  });

  test("the workbook keeps its own copy of the grids it was given", async () => {
    const grid = smallGrid();
    const book = new MemoryWorkbook([grid]);
    grid.cells[1][8].value = 0;
    expect(cellAt(await book.readGrid(SHEET), 1, 8).value).toBe(9.98);
  });
});
