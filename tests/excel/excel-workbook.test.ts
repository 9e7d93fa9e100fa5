/**
 * The Excel adapter against the fake Excel: round trips, exact revert, protection, edit mode, notes
 * and the payload limit. Expected cell values come from the seed report (RULES.md's canonical
 * example): 3106.43 / 3112 → 99.82% → 9.98; 干部培训 256/600 × 2 = 0.85; total 98.83.
 */
import { createRecomputeService } from "../../src/app/recompute";
import { ExcelWorkbook, type ExcelWorkbookOptions } from "../../src/hosts/excel/excel-workbook";
import { HostError } from "../../src/hosts/workbook-port";
import { SNAPSHOT_SHEET_NAME } from "../../src/hosts/snapshot-codec";
import type { SheetSpec, SpecCell } from "../fixtures/sheet-spec";
import { seed } from "../fixtures/forms/seed";
import { FakeExcel, type FakeExcelOptions } from "./fake-excel";

function setup(
  spec: SheetSpec,
  fakeOptions: FakeExcelOptions = {},
  options: ExcelWorkbookOptions = {}
) {
  const excel = FakeExcel.fromSpec(spec, fakeOptions);
  const port = new ExcelWorkbook({
    run: excel.run as unknown as ExcelWorkbookOptions["run"],
    isSetSupported: excel.isSetSupported,
    ...options,
  });
  return { excel, port, service: createRecomputeService(port) };
}

/** The seed's form with its 25 indicator rows repeated until there are `rows` of them. */
export function bigSeed(rows: number): SheetSpec {
  const first = 12; // 0-based index of the first indicator row in seed.rows
  const indicators = seed.rows.slice(first, first + 25);
  const body: SpecCell[][] = [];
  for (let i = 0; i < rows; i++) body.push([...indicators[i % 25]]);
  // Section labels: one per block of 25 (merges dropped; carry-down handles blanks).
  return {
    name: seed.name,
    rows: [...seed.rows.slice(0, first), ...body, ...seed.rows.slice(first + 25)],
    merges: (seed.merges ?? []).filter(
      (m) => !/^[BC]1[23]:/.test(m) && !/^C3[4]:/.test(m) && m !== "B38:G38"
    ),
  };
}

describe("ExcelWorkbook over the fake Excel", () => {
  test("a recompute of the seed (25 indicator rows) takes 2 syncs and writes the published scores", async () => {
    const { excel, service } = setup(seed);
    const result = await service.recompute();
    expect(result.noTable).toBeUndefined();
    expect(excel.syncCount).toBeLessThanOrEqual(2);
    expect(excel.lostOperations).toBe(0);
    const sheet = seed.name;
    expect(excel.cell(sheet, "I6").value).toBe(9.98);
    expect(excel.cell(sheet, "I28").value).toBe(0.85);
    expect(excel.cell(sheet, "I38").value).toBe(98.83);
    // The rate is text in this template and must stay text (not Excel's parse of "99.82%").
    expect(excel.cell(sheet, "H6").value).toBe("99.82%");
    expect(excel.cell(sheet, "H6").numberFormat).toBe("General");
    // The snapshot lives on a very hidden sheet.
    expect(excel.sheet(SNAPSHOT_SHEET_NAME).visibility).toBe("VeryHidden");
  });

  test("a recompute of a 2,500-row sheet still takes at most 2 syncs", async () => {
    const { excel, service } = setup(bigSeed(2500));
    const result = await service.recompute();
    expect(result.noTable).toBeUndefined();
    if (result.noTable) return;
    expect(result.writtenCells).toBeGreaterThan(2500);
    expect(excel.syncCount).toBeLessThanOrEqual(2);
    expect(excel.syncLog.every((s) => s.requestBytes < 5 * 1024 * 1024)).toBe(true);
    expect(excel.syncLog.every((s) => s.responseBytes < 5 * 1024 * 1024)).toBe(true);
  });

  test("a second recompute is idempotent and, with our own notes known, still 2 syncs", async () => {
    const { excel, service } = setup(seed);
    await service.recompute();
    const after = excel.dump(seed.name);
    const table = excel.dump(SNAPSHOT_SHEET_NAME);
    excel.resetCounters();
    await service.recompute();
    expect(excel.syncCount).toBeLessThanOrEqual(2);
    expect(excel.dump(seed.name)).toEqual(after);
    expect(excel.dump(SNAPSHOT_SHEET_NAME)).toEqual(table);
  });

  test("revert restores every touched cell exactly, even from a new adapter (pane closed)", async () => {
    const spec: SheetSpec = {
      ...seed,
      rows: seed.rows.map((line, r) =>
        r === 27 // row 28: the user's own fill and note on the 干部培训 score cell
          ? line.map((c, i) => (i === 8 ? { v: 0.85, fill: "#00B0F0", note: "用户自己的批注" } : c))
          : line
      ),
    };
    const { excel, service } = setup(spec);
    const before = excel.dump(seed.name);
    const result = await service.recompute();
    if (result.noTable) throw new Error("no table");
    expect(excel.dump(seed.name)).not.toEqual(before);
    // Our note goes after the user's, the user's text stays.
    expect(excel.cell(seed.name, "I28").note).toMatch(/^用户自己的批注/);

    const reopened = new ExcelWorkbook({
      run: excel.run as unknown as ExcelWorkbookOptions["run"],
      isSetSupported: excel.isSetSupported,
    });
    const restored = await createRecomputeService(reopened).revert();
    expect(restored).toBe(result.resolved.cells.length);
    expect(excel.dump(seed.name)).toEqual(before);
    await expect(reopened.readSnapshot({ name: seed.name })).resolves.toBeUndefined();
  });

  test("a protected sheet receives no write", async () => {
    const { excel, service } = setup({ ...seed, protected: true });
    const before = excel.dump(seed.name);
    const error = await service.recompute().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("PROTECTED");
    expect((error as HostError).message).toContain("受保护");
    expect(excel.dump(seed.name)).toEqual(before);
    expect(excel.sheets.has(SNAPSHOT_SHEET_NAME)).toBe(false);
    expect(excel.syncLog.reduce((n, s) => n + s.writes, 0)).toBe(0);
  });

  test("a sheet protected between read and write is refused by Excel and left unchanged", async () => {
    const { excel, port } = setup(seed);
    const grid = await port.readGrid({ name: seed.name });
    const { scoreGrid } = await import("../../src/domain");
    const scored = scoreGrid(grid);
    if (!scored.ok) throw new Error("no table");
    excel.sheet(seed.name).protected = true;
    const before = excel.dump(seed.name);
    await expect(port.write(scored.resolved)).rejects.toMatchObject({ code: "PROTECTED" });
    expect(excel.dump(seed.name)).toEqual(before);
  });

  test("edit mode gives the press-Enter message and writes nothing", async () => {
    const { excel, port, service } = setup(seed);
    excel.editMode = true;
    const before = excel.dump(seed.name);
    await expect(service.recompute()).rejects.toMatchObject({
      code: "EDIT_MODE",
      message: expect.stringContaining("请按 Enter 退出单元格编辑后重试"),
    });
    expect(excel.dump(seed.name)).toEqual(before);

    // Typing starts after the read: the write fails the same way, still nothing written.
    excel.editMode = false;
    const grid = await port.readGrid({ name: seed.name });
    const { scoreGrid } = await import("../../src/domain");
    const scored = scoreGrid(grid);
    if (!scored.ok) throw new Error("no table");
    excel.editMode = true;
    await expect(port.write(scored.resolved)).rejects.toMatchObject({ code: "EDIT_MODE" });
    expect(excel.dump(seed.name)).toEqual(before);
    expect(excel.sheets.has(SNAPSHOT_SHEET_NAME)).toBe(false);
  });

  test("English messages when asked", async () => {
    const { excel, service } = setup(seed, {}, { lang: "en" });
    excel.editMode = true;
    await expect(service.recompute()).rejects.toMatchObject({
      message: expect.stringContaining("Press Enter"),
    });
  });

  test("a sheet larger than the cell limit is refused before anything is written", async () => {
    const { excel, service } = setup(seed, {}, { maxCells: 100 });
    await expect(service.recompute()).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringContaining("超过上限 100"),
    });
    expect(excel.sheets.has(SNAPSHOT_SHEET_NAME)).toBe(false);
  });

  test("Excel not answering becomes a timeout message", async () => {
    const { service } = setup(seed, { latencyMs: 200 }, { timeoutMs: 50 });
    await expect(service.recompute()).rejects.toMatchObject({
      code: "TIMEOUT",
      message: expect.stringContaining("没有响应"),
    });
  });

  test("a sheet without a 自评表 writes nothing", async () => {
    const { excel, service } = setup({
      name: "Sheet1",
      rows: [
        ["姓名", "年龄"],
        ["张三", 30],
      ],
    });
    const result = await service.recompute();
    expect(result.noTable).toBe(true);
    expect(excel.syncLog.reduce((n, s) => n + s.writes, 0)).toBe(0);
  });

  test("without ExcelApi 1.18 no notes are read or written, and revert leaves notes alone", async () => {
    const { excel, service } = setup(seed, { apiVersion: "1.17" });
    const before = excel.dump(seed.name);
    await service.recompute();
    expect(Object.values(excel.dump(seed.name)).every((c) => c.note === null)).toBe(true);
    expect(excel.cell(seed.name, "I28").value).toBe(0.85);
    await service.revert();
    expect(excel.dump(seed.name)).toEqual(before);
  });

  test("a small payload limit splits the read and the write, and the result is the same", async () => {
    const reference = setup(bigSeed(300));
    await reference.service.recompute();
    const { excel, service } = setup(
      bigSeed(300),
      { payloadLimitBytes: 60_000 },
      { payloadBudgetBytes: 40_000 }
    );
    await service.recompute();
    expect(excel.syncCount).toBeGreaterThan(2);
    expect(excel.syncLog.every((s) => s.requestBytes <= 60_000)).toBe(true);
    expect(excel.dump(seed.name)).toEqual(reference.excel.dump(seed.name));
    await service.revert();
    const fresh = FakeExcel.fromSpec(bigSeed(300));
    expect(excel.dump(seed.name)).toEqual(fresh.dump(seed.name));
  });

  test("merged-cell writes and formulas: formula cells the plan skips stay formulas", async () => {
    const spec: SheetSpec = {
      ...seed,
      rows: seed.rows.map((line, r) =>
        r === 37
          ? line.map((c, i) => (i === 8 ? { v: 98.83, formula: "SUM(I13:I37)+I6" } : c))
          : line
      ),
    };
    const { excel, service } = setup(spec);
    const result = await service.recompute();
    if (result.noTable) throw new Error("no table");
    expect(excel.cell(seed.name, "I38").formula).toBe("SUM(I13:I37)+I6");
    expect(excel.cell(seed.name, "I38").value).toBe(98.83);
  });

  test("with ExcelApi 1.20 the write asks Excel to merge its undo group", async () => {
    const { excel, service } = setup(seed);
    await service.recompute();
    expect(excel.runOptions).toContainEqual(expect.objectContaining({ mergeUndoGroup: true }));
    const old = setup(seed, { apiVersion: "1.13" });
    await old.service.recompute();
    expect(
      old.excel.runOptions.some((o) => (o as { mergeUndoGroup?: boolean }).mergeUndoGroup)
    ).toBe(false);
  });

  test("user notes elsewhere on the sheet are located (one extra sync) and survive score + revert", async () => {
    const spec: SheetSpec = {
      ...seed,
      rows: seed.rows.map((line, r) =>
        r === 2
          ? line.map((c, i) => (i === 2 ? { v: c as string, note: "项目名称的批注" } : c))
          : line
      ),
    };
    const { excel, service } = setup(spec);
    const before = excel.dump(seed.name);
    await service.recompute();
    // read (1) + locating the unknown note (1) + write (1)
    expect(excel.syncCount).toBe(3);
    expect(excel.cell(seed.name, "C3").note).toBe("项目名称的批注");
    excel.resetCounters();
    await service.revert();
    expect(excel.dump(seed.name)).toEqual(before);
  });

  test("a snapshot written where notes were unreadable is reverted without touching notes later", async () => {
    const spec: SheetSpec = {
      ...seed,
      rows: seed.rows.map((line, r) =>
        r === 27 ? line.map((c, i) => (i === 8 ? { v: 0.85, note: "用户批注" } : c)) : line
      ),
    };
    const { excel, service } = setup(spec, { apiVersion: "1.17" });
    const before = excel.dump(seed.name);
    await service.recompute();
    expect(excel.cell(seed.name, "I28").note).toBe("用户批注");
    // The workbook is reopened in an Excel that can read notes.
    excel.options.apiVersion = "1.20";
    const modern = createRecomputeService(
      new ExcelWorkbook({
        run: excel.run as unknown as ExcelWorkbookOptions["run"],
        isSetSupported: excel.isSetSupported,
      })
    );
    await modern.revert();
    expect(excel.dump(seed.name)).toEqual(before);
  });
});
