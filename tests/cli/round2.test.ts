/**
 * The second round of real-form shapes through the real CLI (`selfeval score --json`): each sheet
 * fixture of tests/golden/expected-round2.ts written to an .xlsx, scored in one run per profile,
 * and the JSON report and the scored workbook compared with the hand-written expectations.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fromA1 } from "../../src/domain/grid";
import { specsToXlsx } from "../support/write-spec";
import { PackageWorkbook } from "../../src/hosts/xlsx/package-workbook";
import { roadForm, waterForm } from "../fixtures/forms/round2/stacked";
import { ROUND2, type SheetExpectation } from "../golden/expected-round2";
import { readJson, runCli } from "./helpers";

let tmp: string;
const reports = new Map<string, any>();
const inputOf = (s: SheetExpectation) => path.join(tmp, s.profile, `${s.id}.xlsx`);
const outputOf = (s: SheetExpectation) => path.join(tmp, `out-${s.profile}`, `${s.id}.scored.xlsx`);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-round2-"));
  const profiles = [...new Set(ROUND2.map((s) => s.profile))];
  for (const profile of profiles) {
    fs.mkdirSync(path.join(tmp, profile), { recursive: true });
    for (const s of ROUND2.filter((x) => x.profile === profile)) {
      fs.writeFileSync(inputOf(s), await specsToXlsx([s.spec]));
    }
    const json = path.join(tmp, `${profile}.json`);
    const run = runCli([
      "score",
      path.join(tmp, profile),
      "--out",
      path.join(tmp, `out-${profile}`),
      "--json",
      json,
      "--profile",
      profile,
    ]);
    if (run.status !== 0) throw new Error(`${profile}: exit ${run.status}\n${run.stderr}`);
    const report = readJson(json);
    for (const f of report.files) reports.set(f.input, f);
  }
  // One project per sheet behind an index sheet (目录): still one entry per sheet, each form 1.
  const book = path.join(tmp, "indexed.xlsx");
  const index = {
    name: "目录",
    rows: [
      ["序号", "项目名称", "工作表"],
      [1, "乡村道路养护", "项目一"],
      [2, "农村饮水安全巩固", "项目二"],
    ],
  };
  fs.writeFileSync(
    book,
    await specsToXlsx([index, { ...roadForm, name: "项目一" }, { ...waterForm, name: "项目二" }])
  );
  const json = path.join(tmp, "indexed.json");
  const run = runCli(["score", book, "--check", "--json", json]);
  if (run.status !== 0) throw new Error(`indexed: exit ${run.status}\n${run.stderr}`);
  reports.set("indexed", readJson(json).files[0]);
}, 300_000);

test("an index sheet (目录) and one project per sheet: one entry per project sheet", () => {
  const file = reports.get("indexed");
  expect(
    file.sheets.map((s: any) => [s.name, s.form, s.range, s.projectName, s.total, s.grade])
  ).toEqual([
    ["项目一", 1, "B1:J17", "乡村道路养护", 96, "优"],
    ["项目二", 1, "B1:J17", "农村饮水安全巩固", 95, "优"],
  ]);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe.each(ROUND2.map((s) => [`${s.id} (${s.profile})`, s] as const))("%s", (_n, sheet) => {
  test("one report entry per form, with the sheet's name, its number and its range", () => {
    const file = reports.get(inputOf(sheet));
    expect(file.error).toBeNull();
    expect(file.sheets.map((s: any) => [s.name, s.form, s.range])).toEqual(
      sheet.forms.map((f, i) => [sheet.spec.name, i + 1, f.range])
    );
  });

  test("each entry's numbers and findings", () => {
    const file = reports.get(inputOf(sheet));
    sheet.forms.forEach((expected, i) => {
      const s = file.sheets[i];
      const rate = s.budget?.rate ?? null;
      expect({
        project: s.projectName,
        budget: s.budget
          ? { rate: rate === null ? null : Number(rate.toFixed(4)), score: s.budget.score }
          : null,
        scores: Object.fromEntries(s.indicators.map((r: any) => [r.scoreCell, r.score])),
        total: s.total,
        grade: s.grade,
        provisional: s.provisional,
        findings: s.findings.map((f: any) => `${f.code}@${f.cell}`).sort(),
        breakdowns: s.breakdowns.map((b: any) => `${b.row}<${b.parentRow}`),
      }).toEqual({
        project: expected.project,
        budget: expected.budget
          ? {
              rate: expected.budget.rate === null ? null : Number(expected.budget.rate.toFixed(4)),
              score: expected.budget.score,
            }
          : null,
        scores: expected.scores,
        total: expected.total,
        grade: expected.grade,
        provisional: expected.provisional,
        findings: [...expected.findings].sort(),
        breakdowns: expected.breakdowns ?? [],
      });
    });
  });

  test("the scored workbook holds the written cells and leaves the others", async () => {
    const book = PackageWorkbook.fromBytes(fs.readFileSync(outputOf(sheet)));
    const grid = await book.readGrid({ name: sheet.spec.name });
    const at = (address: string) => {
      const { row, col } = fromA1(address);
      return grid.cells[row - grid.originRow]?.[col - grid.originCol]?.value ?? null;
    };
    for (const [address, value] of Object.entries(sheet.writes ?? {})) {
      expect({ address, value: at(address) }).toEqual({ address, value });
    }
    const input = PackageWorkbook.fromBytes(fs.readFileSync(inputOf(sheet)));
    const before = await input.readGrid({ name: sheet.spec.name });
    const was = (address: string) => {
      const { row, col } = fromA1(address);
      return before.cells[row - before.originRow]?.[col - before.originCol]?.value ?? null;
    };
    for (const address of Object.keys(sheet.untouched ?? {})) {
      expect({ address, value: at(address) }).toEqual({ address, value: was(address) });
    }
  });
});
