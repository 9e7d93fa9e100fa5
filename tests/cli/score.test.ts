/**
 * The real CLI (`node bin/selfeval.cjs`) on workbooks written from every form fixture, plus bad
 * inputs, in a handful of runs with many files each. Outputs are read back with ExcelJS.
 *
 * Expected seed values come from the seed report and RULES Part A, worked by hand:
 * 3106.43 / 3112 = 99.8210…% → 9.98; 干部培训 256 / 600 × 2 = 0.85 (row 28); total 98.83 → 优;
 * OVER_TARGET (≥ 130%) on rows 13, 16, 17, 19, 22, 24, 26, 27, 29, 31, 32, 33, 36, and NOTE_MISSING
 * on all of those but row 31, the only one with a 偏差原因 text.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ALL_FORMS } from "../fixtures/forms";
import { mofForm, simpleFunds, type IndicatorLine } from "../fixtures/forms/mof-template";
import { seed } from "../fixtures/forms/seed";
import type { SheetSpec } from "../fixtures/sheet-spec";
import { addSpecSheet, specsToXlsx } from "../support/write-spec";
import { PackageWorkbook, STORE_SHEET } from "../../src/hosts/xlsx/package-workbook";
import { changedCells, dumpWorkbook, loadXlsx, type SheetDump } from "../xlsx/dump";
import { readJson, runCli, sha256, type CliRun } from "./helpers";

const NOTE_MISSING_ROWS = [13, 16, 17, 19, 22, 24, 26, 27, 29, 32, 33, 36];
const OVER_TARGET_ROWS = [...NOTE_MISSING_ROWS, 31].sort((a, b) => a - b);
const FIXED_NOTE = "宣传力度加大，信息员人数超出预期";

let tmp: string;
const dir = (...parts: string[]) => path.join(tmp, ...parts);

/** The seed with its total as a formula, on a workbook that also holds a sheet we must not touch. */
async function multiSheetWorkbook(): Promise<Buffer> {
  const rows = seed.rows.map((r) => [...r]);
  rows[37][8] = { v: 98.83, formula: "SUM(I13:I37)+I6" };
  const wb = new ExcelJS.Workbook();
  await addSpecSheet(wb, { ...seed, rows });
  const memo = wb.addWorksheet("填表说明");
  memo.getCell("A1").value = "请勿修改本表";
  memo.getCell("A1").font = { bold: true, color: { argb: "FFC00000" } };
  memo.getCell("B2").value = { formula: "LEN(A1)", result: 6 } as ExcelJS.CellValue;
  memo.getCell("C3").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
  memo.getCell("C3").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { theme: 5, tint: 0.6 },
  } as ExcelJS.Fill;
  memo.getColumn(1).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A form with thousands of indicator rows. */
function largeForm(rowCount: number): SheetSpec {
  const rows: IndicatorLine[] = Array.from({ length: rowCount }, (_, i) => ({
    level2: "数量指标",
    name: `第${i + 1}项培训人次`,
    target: "≥100人次",
    actual: `${95 + (i % 10)}人次`,
    weight: 0.03,
    score: 0.03,
  }));
  return mofForm({
    sheetName: "自评表",
    year: "（2023年度）",
    project: "大规模培训项目",
    department: "某厅 100",
    agency: "某中心",
    funds: simpleFunds(100, 100, 100, "100.00%", 10),
    goals: ["完成培训。", "已完成。"],
    sections: [{ label: "产出指标", rows }],
    total: { weight: 100, score: 100 },
  });
}

const inputs: Record<string, string> = {};
let hashesBefore: Record<string, string>;
let run1: CliRun;
let report1: any;

function fileReport(report: any, input: string): any {
  const found = report.files.find((f: any) => f.input === input);
  if (!found) throw new Error(`no report for ${input}`);
  return found;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-cli-"));
  fs.mkdirSync(dir("in", "forms"), { recursive: true });
  fs.mkdirSync(dir("in", "bad", "nested"), { recursive: true });
  for (const { id, spec } of ALL_FORMS) {
    inputs[id] = dir("in", "forms", `${id}.xlsx`);
    fs.writeFileSync(inputs[id], await specsToXlsx([spec]));
  }
  inputs.multi = dir("in", "multi.xlsx");
  fs.writeFileSync(inputs.multi, await multiSheetWorkbook());
  inputs.text = dir("in", "bad", "renamed-text.xlsx");
  fs.writeFileSync(inputs.text, "项目名称,得分\n基层科普,98.83\n");
  inputs.emptyBook = dir("in", "bad", "empty-workbook.xlsx");
  const blank = new ExcelJS.Workbook();
  blank.addWorksheet("Sheet1");
  fs.writeFileSync(inputs.emptyBook, Buffer.from(await blank.xlsx.writeBuffer()));
  // A password-protected workbook is an OLE container holding an "EncryptedPackage" stream.
  inputs.encrypted = dir("in", "bad", "encrypted.xlsx");
  fs.writeFileSync(
    inputs.encrypted,
    Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from("EncryptedPackage", "utf16le"),
    ])
  );
  inputs.truncated = dir("in", "bad", "truncated.xlsx");
  const whole = await specsToXlsx([seed]);
  fs.writeFileSync(inputs.truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
  inputs.protected = dir("in", "bad", "nested", "protected.xlsx");
  fs.writeFileSync(inputs.protected, await specsToXlsx([{ ...seed, protected: true }]));
  inputs.large = dir("in", "bad", "nested", "large.xlsx");
  fs.writeFileSync(inputs.large, await specsToXlsx([largeForm(3000)], { styled: false }));
  // Excel's lock file and an earlier output: neither is an input when a folder is searched.
  fs.writeFileSync(dir("in", "forms", "~$seed.xlsx"), "lock");
  fs.writeFileSync(dir("in", "forms", "old.scored.xlsx"), "not read");

  hashesBefore = Object.fromEntries(Object.values(inputs).map((f) => [f, sha256(f)]));
  run1 = runCli(["score", dir("in"), "--out", dir("out1"), "--json", dir("out1", "report.json")]);
  report1 = readJson(dir("out1", "report.json"));
}, 400_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("selfeval score on a folder of forms and bad inputs", () => {
  test("exit code 1 because some files failed; every other file is still scored", () => {
    expect(run1.stderr).toBe("");
    expect(run1.status).toBe(1);
    const listed = report1.files.map((f: any) => f.input).sort();
    expect(listed).toEqual(Object.values(inputs).sort());
  });

  test("each bad file has its one-line reason and no output", () => {
    const reasons: Record<string, string> = {
      text: "不是 .xlsx 文件",
      emptyBook: "工作簿是空的",
      "no-table": "没有找到绩效自评表",
      encrypted: "工作簿设有打开密码（已加密），无法读取；请去掉密码后重试",
      truncated: "工作簿已损坏，无法读取",
    };
    for (const [key, reason] of Object.entries(reasons)) {
      const f = fileReport(report1, inputs[key]);
      expect(f.error).toBe(reason);
      expect(f.output).toBeNull();
      expect(f.sheets).toEqual([]);
      expect(run1.stdout).toContain(reason);
    }
    const written = fs.readdirSync(dir("out1"));
    expect(written).not.toContain("renamed-text.scored.xlsx");
    expect(written).not.toContain("empty-workbook.scored.xlsx");
    expect(written).not.toContain("no-table.scored.xlsx");
  });

  test("a protected sheet is scored and reported, but nothing is written for it", () => {
    const f = fileReport(report1, inputs.protected);
    expect(f.error).toBeNull();
    expect(f.output).toBeNull();
    expect(f.sheets[0]).toMatchObject({
      total: 98.83,
      grade: "优",
      written: false,
      skipped: "protected",
    });
    expect(fs.existsSync(dir("out1", "protected.scored.xlsx"))).toBe(false);
    expect(run1.stdout).toContain("受保护");
  });

  test("a workbook with thousands of indicator rows is scored", () => {
    const f = fileReport(report1, inputs.large);
    expect(f.error).toBeNull();
    expect(f.sheets[0].indicators).toHaveLength(3000);
    // Row i (0-based) has actual 95 + i % 10 against ≥ 100: short rows score 0.03 × A / 100.
    const first = f.sheets[0].indicators[0];
    expect(first).toMatchObject({ row: 13, kind: "GE", score: 0.03, reportedScore: 0.03 });
    expect(first.completion).toBeCloseTo(0.95, 10);
    expect(fs.existsSync(dir("out1", "large.scored.xlsx"))).toBe(true);
  });

  test("the seed's report holds the published numbers", () => {
    const [sheet] = fileReport(report1, inputs.seed).sheets;
    expect(sheet.name).toBe("项目支出绩效自评表");
    expect(sheet.budget).toEqual({
      rate: Number((3106.43 / 3112).toFixed(5)), // the report keeps 5 places (docs/report-format.md)
      score: 9.98,
      weight: 10,
      reportedRate: "99.82%",
      reportedScore: 9.98,
      // 其中：财政拨款 (row 7) prints its own 得分 9.98: recomputed from 3106.43 / 3112; no rate printed.
      subRows: [{ row: 7, rate: null, score: 9.98 }],
    });
    expect(sheet).toMatchObject({
      form: 1,
      range: "B1:J38",
      total: 98.83,
      grade: "优",
      provisional: false,
      reportedTotal: 98.83,
    });
    expect(sheet.indicators).toHaveLength(25);
    const byRow = (row: number) => sheet.indicators.find((i: any) => i.row === row);
    expect(byRow(13)).toMatchObject({
      scoreCell: "I13",
      level1: "产出指标",
      level2: "数量指标",
      actual: "44.9204万人",
      level3: "全区科普信息员人数",
      target: "≥30万人",
      weight: 3,
      kind: "GE",
      score: 3,
      reportedScore: 3,
    });
    expect(byRow(13).completion).toBe(Number((449204 / 300000).toFixed(4)));
    expect(byRow(13).codes).toEqual(expect.arrayContaining(["OVER_TARGET", "NOTE_MISSING"]));
    expect(byRow(28)).toMatchObject({ scoreCell: "I28", score: 0.85, codes: ["SHORTFALL"] });
    expect(byRow(28).completion).toBe(Number((256 / 600).toFixed(4)));
    expect(typeof byRow(28).explanation).toBe("string");
    const rowsWith = (code: string) =>
      [...new Set(sheet.findings.filter((x: any) => x.code === code).map((x: any) => x.row))].sort(
        (a: any, b: any) => a - b
      );
    expect(rowsWith("NOTE_MISSING")).toEqual(NOTE_MISSING_ROWS);
    expect(rowsWith("OVER_TARGET")).toEqual(OVER_TARGET_ROWS);
    const j13 = sheet.findings.find((x: any) => x.code === "NOTE_MISSING" && x.row === 13);
    expect(j13).toMatchObject({ cell: "J13", severity: "warning" });
    expect(run1.stdout).toMatch(/基层科普行动计划专项资金\s*│\s*98\.83\s*│\s*优/);
  });

  test("the scored seed holds the computed cells and marks the rows that need a note", async () => {
    const out = await loadXlsx(fs.readFileSync(dir("out1", "seed.scored.xlsx")));
    const ws = out.getWorksheet("项目支出绩效自评表")!;
    expect(ws.getCell("I6").value).toBe(9.98);
    expect(ws.getCell("I28").value).toBe(0.85);
    expect(ws.getCell("I38").value).toBe(98.83);
    for (const row of NOTE_MISSING_ROWS) {
      expect((ws.getCell(`J${row}`).fill as ExcelJS.FillPattern).pattern).toBe("solid");
    }
    // Rows that met their target without exceeding it get no mark in the note column.
    for (const row of [14, 15, 18, 20]) {
      expect((ws.getCell(`J${row}`).fill as ExcelJS.FillPattern).pattern).toBe("none");
    }
    expect(out.getWorksheet(STORE_SHEET)!.state).toBe("veryHidden");
  });

  test("every score the report computes is in the scored file, for every form", async () => {
    for (const { id } of ALL_FORMS) {
      const f = fileReport(report1, inputs[id]);
      if (f.error) continue;
      const wb = await loadXlsx(fs.readFileSync(f.output));
      for (const sheet of f.sheets) {
        const ws = wb.getWorksheet(sheet.name)!;
        for (const ind of sheet.indicators) {
          if (ind.score === null || ind.codes.includes("FORMULA_KEPT")) continue;
          const v = ws.getCell(ind.scoreCell).value;
          expect([id, ind.scoreCell, v]).toEqual([id, ind.scoreCell, ind.score]);
        }
      }
    }
  });

  test("nothing but the cells we own changes: values, styles, merges, widths and other sheets survive", async () => {
    const written = report1.files.filter((f: any) => f.output);
    expect(written.length).toBeGreaterThanOrEqual(ALL_FORMS.length);
    for (const f of written) {
      const before = await dumpWorkbook(fs.readFileSync(f.input));
      const afterBytes = fs.readFileSync(f.output);
      const after = await dumpWorkbook(afterBytes);
      const book = PackageWorkbook.fromBytes(afterBytes);
      expect(Object.keys(after).filter((n) => n !== STORE_SHEET)).toEqual(Object.keys(before));
      for (const name of Object.keys(before)) {
        const a: SheetDump = before[name];
        const b: SheetDump = after[name];
        expect([name, b.merges, b.widths, b.validations, b.protection, b.state]).toEqual([
          name,
          a.merges,
          a.widths,
          a.validations,
          a.protection,
          a.state,
        ]);
        const owned = Object.keys((await book.readSnapshot({ name }))?.cells ?? {});
        const changed = changedCells(a, b);
        expect(changed.filter((addr) => !owned.includes(addr))).toEqual([]);
        for (const addr of changed) {
          // Within a cell we own, only value, number format, fill and note may change.
          const strip = (c: any) => {
            const rest = { ...(c?.style ?? {}) };
            delete rest.fill;
            delete rest.numFmt;
            return rest;
          };
          expect([f.input, addr, strip(b.cells[addr])]).toEqual([
            f.input,
            addr,
            strip(a.cells[addr]),
          ]);
        }
      }
    }
  });

  test("formulas and the other sheet of a multi-sheet workbook are kept", async () => {
    const f = fileReport(report1, inputs.multi);
    expect(f.error).toBeNull();
    const before = await dumpWorkbook(fs.readFileSync(inputs.multi));
    const after = await dumpWorkbook(fs.readFileSync(f.output));
    expect(after["填表说明"]).toEqual(before["填表说明"]);
    expect(after["项目支出绩效自评表"].cells.I38.value).toEqual({
      formula: "SUM(I13:I37)+I6",
      result: 98.83,
    });
  });

  test("the inputs are untouched, byte for byte", () => {
    for (const [file, hash] of Object.entries(hashesBefore))
      expect([file, sha256(file)]).toEqual([file, hash]);
    expect(fs.readdirSync(dir("in", "forms")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(fs.readdirSync(dir("out1")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("running again", () => {
  test("scoring the scored files gives the same scores, cells and snapshots (exit 0)", async () => {
    const scored = report1.files.filter((f: any) => f.output).map((f: any) => f.output);
    const run2 = runCli([
      "score",
      ...scored,
      "--out",
      dir("out2"),
      "--json",
      dir("out2", "report.json"),
    ]);
    expect(run2.stderr).toBe("");
    expect(run2.status).toBe(0);
    const report2 = readJson(dir("out2", "report.json"));
    for (const f1 of report1.files.filter((f: any) => f.output)) {
      const f2 = fileReport(report2, f1.output);
      expect(f2.output).toBe(dir("out2", path.basename(f1.output)));
      expect([f1.input, f2.sheets]).toEqual([f1.input, f1.sheets]);
      const first = await dumpWorkbook(fs.readFileSync(f1.output));
      const second = await dumpWorkbook(fs.readFileSync(f2.output));
      for (const name of Object.keys(first).filter((n) => n !== STORE_SHEET)) {
        expect([f1.input, name, changedCells(first[name], second[name])]).toEqual([
          f1.input,
          name,
          [],
        ]);
      }
      const snap1 = await PackageWorkbook.fromBytes(fs.readFileSync(f1.output)).readSnapshot({
        name: f1.sheets[0].name,
      });
      const snap2 = await PackageWorkbook.fromBytes(fs.readFileSync(f2.output)).readSnapshot({
        name: f1.sheets[0].name,
      });
      expect(snap2).toEqual(snap1);
    }
  });

  test("a note typed into a marked cell removes the mark, leaving the cell's original style", async () => {
    const wb = await loadXlsx(fs.readFileSync(dir("out1", "seed.scored.xlsx")));
    wb.getWorksheet("项目支出绩效自评表")!.getCell("J13").value = FIXED_NOTE;
    fs.mkdirSync(dir("edited"));
    fs.writeFileSync(dir("edited", "seed-fixed.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));

    const run3 = runCli([
      "score",
      dir("edited", "seed-fixed.xlsx"),
      "--out",
      dir("out3"),
      "--json",
      dir("out3", "report.json"),
    ]);
    expect(run3.status).toBe(0);
    const [sheet] = readJson(dir("out3", "report.json")).files[0].sheets;
    const row13 = sheet.indicators.find((i: any) => i.row === 13);
    expect(row13.codes).not.toContain("NOTE_MISSING");
    expect(sheet.total).toBe(98.83);

    const original = (await dumpWorkbook(fs.readFileSync(inputs.seed)))["项目支出绩效自评表"];
    const rescored = (await dumpWorkbook(fs.readFileSync(dir("out3", "seed-fixed.scored.xlsx"))))[
      "项目支出绩效自评表"
    ];
    expect(rescored.cells.J13).toEqual({ ...original.cells.J13, value: FIXED_NOTE });
    // The other rows that still lack a note keep their mark.
    expect((rescored.cells.J16.style as any).fill.pattern).toBe("solid");
  });

  test("revert gives back the original workbook", async () => {
    const r = runCli(["revert", dir("out1", "multi.scored.xlsx"), "--out", dir("out4")]);
    expect(r.status).toBe(0);
    const original = await dumpWorkbook(fs.readFileSync(inputs.multi));
    const reverted = await dumpWorkbook(fs.readFileSync(dir("out4", "multi.reverted.xlsx")));
    expect(reverted).toEqual(original);
  });
});

describe("options", () => {
  test("--check writes no workbook; --threshold and --lang en apply", () => {
    // The profile accepts thresholds strictly between 100% and 200%.
    const r = runCli([
      "score",
      inputs.seed,
      "--check",
      "--threshold",
      "190%",
      "--lang",
      "en",
      "--out",
      dir("check"),
      "--json",
      dir("check", "report.json"),
    ]);
    expect(r.status).toBe(0);
    expect(fs.readdirSync(dir("check"))).toEqual(["report.json"]);
    const [file] = readJson(dir("check", "report.json")).files;
    expect(file.output).toBeNull();
    const over = file.sheets[0].findings
      .filter((x: any) => x.code === "OVER_TARGET")
      .map((x: any) => x.row)
      .sort((a: number, b: number) => a - b);
    // Rows at or above 190%; 94844/50000 = 189.7% (row 32) and 6403/4000 = 160% (row 24) fall below.
    expect(over).toEqual([16, 17, 19, 22, 26, 27, 29, 31, 33, 36]);
    expect(r.stdout).toContain("Total");
    expect(r.stdout).toContain("1 file(s): 1 scored, 0 failed.");
  });

  test("--no-highlights --no-notes add no fill and no note; --replace-formulas overwrites the total's formula", async () => {
    const r = runCli([
      "score",
      inputs.multi,
      "--no-highlights",
      "--no-notes",
      "--replace-formulas",
      "--out",
      dir("plain"),
    ]);
    expect(r.status).toBe(0);
    const name = "项目支出绩效自评表";
    const before = (await dumpWorkbook(fs.readFileSync(inputs.multi)))[name];
    const after = (await dumpWorkbook(fs.readFileSync(dir("plain", "multi.scored.xlsx"))))[name];
    const changed = changedCells(before, after);
    for (const addr of changed) {
      expect([addr, (after.cells[addr].style as any).fill, after.cells[addr].note]).toEqual([
        addr,
        (before.cells[addr].style as any).fill,
        before.cells[addr].note,
      ]);
    }
    // Without --replace-formulas the formula stays (checked above); with it the total is a value.
    expect(changed).toContain("I38");
    expect(after.cells.I38.value).toBe(98.83);
  });

  test("usage errors exit 2", () => {
    fs.mkdirSync(dir("nothing-here"), { recursive: true });
    expect(runCli(["score"]).status).toBe(2);
    expect(runCli(["score", inputs.seed, "--lang", "fr"]).status).toBe(2);
    expect(runCli(["score", inputs.seed, "--profile", "no-such-profile"]).status).toBe(2);
    expect(runCli(["score", inputs.seed, "--threshold", "250%"]).status).toBe(2);
    const empty = runCli(["score", dir("nothing-here")]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("没有找到 .xlsx 或 .xlsm 文件");
  });
});
