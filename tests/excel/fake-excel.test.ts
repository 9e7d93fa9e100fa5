/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   these tests read unloaded properties on purpose, to prove the fake throws like Office.js. */
/** The fake Excel must behave like Office.js where the adapter depends on it, or its tests prove nothing. */
import { FakeExcel, FakeOfficeError } from "./fake-excel";

function sample() {
  return FakeExcel.fromSpec({
    name: "S",
    rows: [
      [null, "标题"],
      [null, { v: 0.9982, fmt: "0.00%" }, { v: 3, fill: "#ffeb9c", note: "n" }],
    ],
    merges: ["B1:C1", "A2:A3"],
  });
}

describe("FakeExcel", () => {
  test("reading before load, or before sync, throws PropertyNotLoaded", async () => {
    const excel = sample();
    await excel.run(async (context: any) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("B2");
      expect(() => range.values).toThrow(FakeOfficeError);
      range.load("values,text,numberFormat");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([[0.9982]]);
      expect(range.text).toEqual([["99.82%"]]);
      expect(range.numberFormat).toEqual([["0.00%"]]);
      expect(() => range.formulas).toThrow(/formulas/);
    });
    expect(excel.syncCount).toBe(1);
    expect(excel.responseBytes).toBeGreaterThan(0);
  });

  test("merged areas come only from the queried range's top-left cells", async () => {
    const excel = sample();
    await excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const inner = sheet.getRange("B2:C3").getMergedAreasOrNullObject();
      inner.load("address");
      const outer = sheet.getRange("A1:C3").getMergedAreasOrNullObject();
      outer.load("address");
      await context.sync();
      expect(inner.isNullObject).toBe(true);
      expect(outer.address).toBe("S!B1:C1, S!A2:A3");
    });
  });

  test("strings are parsed like typed input unless quote-prefixed; writes wait for sync", async () => {
    const excel = sample();
    await excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("D1:D3").values = [["50%"], ["'50%"], ["=A1"]];
      expect(excel.cell("S", "D1").value).toBeNull();
      await context.sync();
    });
    expect(excel.cell("S", "D1")).toMatchObject({ value: 0.5, numberFormat: "0%" });
    expect(excel.cell("S", "D2")).toMatchObject({ value: "50%", numberFormat: "General" });
    expect(excel.cell("S", "D3").formula).toBe("A1");
  });

  test("edit mode fails the whole batch; a protected sheet fails at the write", async () => {
    const excel = sample();
    excel.editMode = true;
    await expect(
      excel.run(async (context: any) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("D1").values = [[1]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(excel.cell("S", "D1").value).toBeNull();
    excel.editMode = false;
    excel.sheet("S").protected = true;
    await expect(
      excel.run(async (context: any) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("D1").values = [[1]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(excel.cell("S", "D1").value).toBeNull();
  });

  test("fills via cell properties, notes via the sheet's collection (ExcelApi 1.18 only)", async () => {
    const excel = sample();
    await excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      const props = sheet
        .getRange("B2:C2")
        .getCellProperties({ format: { fill: { color: true, pattern: true } } });
      const count = sheet.notes.getCount();
      const note = sheet.notes.getItemOrNullObject("C2");
      note.load("content");
      const none = sheet.notes.getItemOrNullObject("B2");
      none.load("content");
      await context.sync();
      expect(props.value[0].map((p: any) => p.format.fill)).toEqual([
        { color: "#FFFFFF", pattern: "None" },
        { color: "#FFEB9C", pattern: "Solid" },
      ]);
      expect(count.value).toBe(1);
      expect(note.content).toBe("n");
      expect(none.isNullObject).toBe(true);
    });
    const old = FakeExcel.fromSpec({ name: "S", rows: [[1]] }, { apiVersion: "1.17" });
    await old.run(async (context: any) => {
      expect(() => context.workbook.worksheets.getActiveWorksheet().notes.getCount()).toThrow(
        /1\.18/
      );
    });
  });

  test("payload limit and latency", async () => {
    const excel = FakeExcel.fromSpec(
      { name: "S", rows: [["x".repeat(2000)]] },
      { payloadLimitBytes: 1000, latencyMs: 30 }
    );
    // The latency is observed through the timer the fake schedules, not the wall clock.
    const timers = jest.spyOn(global, "setTimeout");
    try {
      await expect(
        excel.run(async (context: any) => {
          context.workbook.worksheets.getActiveWorksheet().getRange("A1").load("values");
          await context.sync();
        })
      ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      expect(timers.mock.calls.some(([, ms]) => ms === 30)).toBe(true);
    } finally {
      timers.mockRestore();
    }
  });
});
