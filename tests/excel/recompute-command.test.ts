/** The ribbon command's logic over the fake Excel: silent success, every problem shown once. */
import { createRecomputeService } from "../../src/app/recompute";
import { runRecomputeCommand } from "../../src/commands/recompute-command";
import { ExcelWorkbook, type ExcelWorkbookOptions } from "../../src/hosts/excel/excel-workbook";
import { seed } from "../fixtures/forms/seed";
import { stackedThree } from "../fixtures/forms/round2/stacked";
import { FakeExcel } from "./fake-excel";

function command(excel: FakeExcel, settings: unknown = undefined) {
  const port = new ExcelWorkbook({
    run: excel.run as unknown as ExcelWorkbookOptions["run"],
    isSetSupported: excel.isSetSupported,
  });
  const shown: string[] = [];
  const run = () =>
    runRecomputeCommand({
      service: createRecomputeService(port),
      loadSettings: async () => settings,
      notify: async (m) => {
        shown.push(m);
      },
      setLang: (lang) => {
        port.lang = lang;
      },
    });
  return { run, shown };
}

describe("一键评分 command", () => {
  test("scores the active sheet silently and reports the total", async () => {
    const excel = FakeExcel.fromSpec(seed);
    const { run, shown } = command(excel);
    const outcome = await run();
    expect(outcome).toEqual({ ok: true, message: "已评分：总分 98.83（优）。" });
    expect(shown).toEqual([]);
    expect(excel.cell(seed.name, "I38").value).toBe(98.83);
  });

  test("a sheet of three stacked forms: every form scored in one write, each total named", async () => {
    const excel = FakeExcel.fromSpec(stackedThree);
    const { run, shown } = command(excel);
    const outcome = await run();
    // Totals worked by hand in the fixture: 96, 95 and 94, all 优.
    expect(outcome).toEqual({
      ok: true,
      message: "已评分：总分 96.00（优）；95.00（优）；94.00（优）。",
    });
    expect(shown).toEqual([]);
    // The second form's empty total and the third form's grade are written too.
    expect(excel.cell(stackedThree.name, "I36").value).toBe(95);
    expect(excel.cell(stackedThree.name, "I55").value).toBe(94);
    expect(excel.cell(stackedThree.name, "H56").value).toBe("优");
  });

  test("settings from the document apply: no notes, English messages", async () => {
    const excel = FakeExcel.fromSpec({ ...seed, protected: true });
    const { run, shown } = command(excel, { notes: false, lang: "en" });
    const outcome = await run();
    expect(outcome.ok).toBe(false);
    expect(shown).toEqual([outcome.message]);
    expect(outcome.message).toMatch(/is protected; nothing was written/);

    const open = FakeExcel.fromSpec(seed);
    await command(open, { notes: false }).run();
    expect(Object.values(open.dump(seed.name)).every((c) => c.note === null)).toBe(true);
  });

  test("no table and edit mode are shown to the user", async () => {
    const empty = FakeExcel.fromSpec({ name: "Sheet1", rows: [["姓名"]] });
    const a = command(empty);
    await a.run();
    expect(a.shown).toEqual([
      "当前工作表「Sheet1」中没有找到绩效自评表。请切换到自评表所在的工作表后重试。",
    ]);

    const busy = FakeExcel.fromSpec(seed);
    busy.editMode = true;
    const b = command(busy);
    await b.run();
    expect(b.shown[0]).toContain("请按 Enter 退出单元格编辑后重试");
  });
});
