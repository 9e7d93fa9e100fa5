/**
 * office-addin-mock smoke tests: pin the adapter's Office.js call sequence on the seed's sheet
 * (which objects it asks for, with which arguments, how many syncs, what it assigns and in which
 * order). The behavioural tests run against tests/excel/fake-excel.ts; these keep the real API
 * shapes honest with Microsoft's own mock.
 */
import { OfficeMockObject } from "office-addin-mock";
import { scoreGrid } from "../../src/domain";
import { ExcelWorkbook, type ExcelWorkbookOptions } from "../../src/hosts/excel/excel-workbook";
import { SNAPSHOT_MARKER, SNAPSHOT_SHEET_NAME } from "../../src/hosts/snapshot-codec";
import { gridFromSpec } from "../fixtures/sheet-spec";
import { seed } from "../fixtures/forms/seed";

interface Recorded {
  args: number[];
  range: Record<string, any>;
}

function recorderRange(log: Recorded[], args: number[]) {
  const range: Record<string, any> = {
    format: { fill: { clear: jest.fn() } },
    clear: jest.fn(),
  };
  log.push({ args, range });
  return range;
}

function buildMock() {
  const grid = gridFromSpec(seed);
  const rows = grid.cells.length;
  const cols = grid.cells[0].length;
  const map = <T>(f: (c: (typeof grid.cells)[0][0]) => T) => grid.cells.map((line) => line.map(f));
  const written: Recorded[] = [];
  const calls: string[] = [];
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: seed.name,
            protection: { protected: false },
            usedRange: {
              rowIndex: 0,
              columnIndex: 0,
              rowCount: rows,
              columnCount: cols,
              values: map((c) => c.value ?? ""),
              text: map((c) => c.text),
              numberFormat: map((c) => c.numberFormat),
              formulas: map((c) => c.value ?? ""),
              merged: { address: (seed.merges ?? []).map((m) => `'${seed.name}'!${m}`).join(", ") },
              cellProps: {
                value: map(() => ({ format: { fill: { color: "#FFFFFF", pattern: "None" } } })),
              },
              getMergedAreasOrNullObject: function () {
                calls.push("usedRange.getMergedAreasOrNullObject");
                return this.merged;
              },
              getCellProperties: function (options: unknown) {
                calls.push(`usedRange.getCellProperties(${JSON.stringify(options)})`);
                return this.cellProps;
              },
            },
            getUsedRange: function (valuesOnly: boolean) {
              calls.push(`sheet.getUsedRange(${valuesOnly})`);
              return this.usedRange;
            },
            getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
              recorderRange(written, [r, c, nr, nc]),
          },
          store: {
            name: SNAPSHOT_SHEET_NAME,
            used: { values: [[""]], rowCount: 1, columnCount: 1 },
            getUsedRangeOrNullObject: function (valuesOnly: boolean) {
              calls.push(`store.getUsedRangeOrNullObject(${valuesOnly})`);
              return this.used;
            },
          },
          getActiveWorksheet: function () {
            calls.push("worksheets.getActiveWorksheet");
            return this.sheet;
          },
          getItem: function (name: string) {
            calls.push(`worksheets.getItem(${name})`);
            return this.sheet;
          },
          getItemOrNullObject: function (name: string) {
            calls.push(`worksheets.getItemOrNullObject(${name})`);
            return this.store;
          },
          add: function (name: string) {
            calls.push(`worksheets.add(${name})`);
            const sheet: Record<string, any> = {
              getRangeByIndexes: (r: number, c: number, nr: number, nc: number) =>
                recorderRange(written, [r, c, nr, nc]),
            };
            written.push({ args: [-1], range: sheet });
            return sheet;
          },
        },
      },
    },
    run: async function (batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  };
  const excel = new OfficeMockObject(data) as any;
  const worksheets = excel.context.workbook.worksheets;
  // Real Office.js answers isNullObject after a sync; the mock needs it assigned.
  worksheets.sheet.usedRange.merged.isNullObject = false;
  worksheets.store.isNullObject = true;
  worksheets.store.used.isNullObject = true;
  // ClientResult.value needs no load in Office.js.
  worksheets.sheet.usedRange.cellProps.value = map(() => ({
    format: { fill: { color: "#FFFFFF", pattern: "None" } },
  }));
  const runOptions: unknown[] = [];
  const port = new ExcelWorkbook({
    run: ((options: unknown, batch: (c: unknown) => Promise<unknown>) => {
      runOptions.push(options);
      return excel.run(batch);
    }) as unknown as ExcelWorkbookOptions["run"],
    isSetSupported: () => false,
  });
  const sync = jest.spyOn(excel.context, "sync");
  return { excel, port, sync, calls, written, runOptions, grid };
}

describe("ExcelWorkbook call sequence (office-addin-mock)", () => {
  test("readGrid asks for everything in one sync, on the used range", async () => {
    const { port, sync, calls, grid, runOptions } = buildMock();
    const read = await port.readGrid({ name: seed.name });
    expect(sync).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([
      `worksheets.getItem(${seed.name})`,
      "sheet.getUsedRange(true)",
      "usedRange.getMergedAreasOrNullObject",
      'usedRange.getCellProperties({"format":{"fill":{"color":true,"pattern":true}}})',
      `worksheets.getItemOrNullObject(${SNAPSHOT_SHEET_NAME})`,
      "store.getUsedRangeOrNullObject(true)",
    ]);
    expect(runOptions).toEqual([{ delayForCellEdit: false }]);
    expect(read.sheetName).toBe(seed.name);
    expect(read.protected).toBe(false);
    expect(read.snapshot).toBeUndefined();
    expect(read.merges).toEqual(grid.merges);
    expect(read.cells.map((l) => l.map((c) => [c.value, c.text, c.numberFormat]))).toEqual(
      grid.cells.map((l) => l.map((c) => [c.value, c.text, c.numberFormat]))
    );
    expect(read.cells[5][7]).toMatchObject({ value: "99.82%", fill: null });
  });

  test("write queues the snapshot sheet first, then the cell runs, in one sync", async () => {
    const { port, sync, calls, written } = buildMock();
    const grid = await port.readGrid({ name: seed.name });
    const scored = scoreGrid(grid);
    if (!scored.ok) throw new Error("seed not detected");
    sync.mockClear();
    calls.length = 0;
    await port.write(scored.resolved);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(calls).toEqual([
      `worksheets.getItem(${seed.name})`,
      `worksheets.add(${SNAPSHOT_SHEET_NAME})`,
    ]);

    // 1. the very hidden snapshot sheet and its table
    expect(written[0].args).toEqual([-1]);
    expect(written[0].range.visibility).toBe("VeryHidden");
    const table = written[1];
    expect(table.args.slice(0, 2)).toEqual([0, 0]);
    expect(table.args[3]).toBe(3);
    expect(table.range.values[0][0]).toBe(SNAPSHOT_MARKER);

    // 2. H6: the rate is text in this template, written with a quote prefix so Excel keeps it text
    const h6 = written.find((w) => w.args.join() === "5,7,1,1" && w.range.formulas);
    expect(h6?.range.formulas).toEqual([["'99.82%"]]);
    expect(h6?.range.numberFormat).toEqual([["General"]]);

    // 3. the score column I13:I38 as one 26-row range: 干部培训 (row 28) 0.85, total (row 38) 98.83
    const scores = written.find((w) => w.args.join() === "12,8,26,1" && w.range.formulas);
    expect(scores).toBeDefined();
    expect(scores!.range.formulas[28 - 13]).toEqual([0.85]);
    expect(scores!.range.formulas[38 - 13]).toEqual([98.83]);
    expect(scores!.range.numberFormat).toHaveLength(26);

    // 4. the table is queued before any cell of the scored sheet
    const firstCell = written.findIndex((w) => w.args[0] >= 5 && w.args[3] === 1);
    expect(firstCell).toBeGreaterThan(1);
  });
});
