/**
 * The Excel add-in over the fake Excel: a reason typed into the highlighted J13 after scoring is read
 * by the next recompute (still at most 2 syncs), kept, and left in place by revert — also by an
 * adapter opened later (the pane closed in between) and where notes cannot be read (ExcelApi 1.17).
 * Seed row 13 (44.9204万人 vs ≥30万人, 149.73%) needs a reason by RULES A2; J13 starts empty.
 */
import { createRecomputeService, type RecomputeResult } from "../../src/app/recompute";
import { MARK_FILLS } from "../../src/domain/plan";
import { ExcelWorkbook, type ExcelWorkbookOptions } from "../../src/hosts/excel/excel-workbook";
import { seed } from "../fixtures/forms/seed";
import { FakeExcel, type FakeExcelOptions } from "./fake-excel";

const REASON = "科普信息员队伍扩充超出预期，下年度将据实调整目标值";

function adapter(excel: FakeExcel) {
  const port = new ExcelWorkbook({
    run: excel.run as unknown as ExcelWorkbookOptions["run"],
    isSetSupported: excel.isSetSupported,
  });
  return createRecomputeService(port);
}

function codesOf(result: RecomputeResult, scoreCell: string) {
  if (result.noTable) throw new Error("no table");
  return result.evaluation.indicators.find((i) => i.scoreCell === scoreCell)!.codes;
}

/** The user types into J13 in Excel: the value changes, the cell's fill and note stay. */
function typeReason(excel: FakeExcel) {
  const cell = excel.cell(seed.name, "J13");
  excel.sheet(seed.name).set(12, 9, { ...cell, value: REASON });
}

describe.each<[string, FakeExcelOptions]>([
  ["with notes (ExcelApi 1.20)", {}],
  ["without notes (ExcelApi 1.17)", { apiVersion: "1.17" }],
])("a reason typed into J13 after scoring, Excel %s", (_label, options) => {
  test("the next recompute sees it, keeps it and removes our fill, in at most 2 syncs", async () => {
    const excel = FakeExcel.fromSpec(seed, options);
    const service = adapter(excel);
    const first = await service.recompute();
    expect(codesOf(first, "I13")).toEqual(["OVER_TARGET", "NOTE_MISSING"]);
    expect(excel.cell(seed.name, "J13")).toMatchObject({ value: null, fill: MARK_FILLS.explain });

    typeReason(excel);
    excel.resetCounters();
    const second = await service.recompute();
    expect(excel.syncCount).toBeLessThanOrEqual(2);
    expect(codesOf(second, "I13")).toEqual(["OVER_TARGET"]);
    expect(excel.cell(seed.name, "J13")).toMatchObject({ value: REASON, fill: null });
    expect(excel.cell(seed.name, "I38").value).toBe(98.83);
  });

  test("revert, even from a new adapter, leaves the reason and restores everything else", async () => {
    const excel = FakeExcel.fromSpec(seed, options);
    const before = excel.dump(seed.name);
    await adapter(excel).recompute();
    typeReason(excel);
    await adapter(excel).recompute();

    await adapter(excel).revert();
    const after = excel.dump(seed.name);
    expect(after.J13).toEqual({ value: REASON, numberFormat: "General", fill: null, note: null });
    delete after.J13;
    expect(after).toEqual(before);
  });

  test("revert straight after typing (no recompute in between) leaves the reason too", async () => {
    const excel = FakeExcel.fromSpec(seed, options);
    const before = excel.dump(seed.name);
    await adapter(excel).recompute();
    typeReason(excel);

    await adapter(excel).revert();
    const after = excel.dump(seed.name);
    expect(after.J13).toEqual({ value: REASON, numberFormat: "General", fill: null, note: null });
    delete after.J13;
    expect(after).toEqual(before);
  });
});
