/**
 * The CLI's small pure pieces: output naming, which files a folder search takes, threshold parsing.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { collectInputs, isOtherSpreadsheet, isWorkbookCandidate } from "../../src/cli/inputs";
import { parseThreshold } from "../../src/cli/main";
import { outputPathFor, stemOf } from "../../src/cli/output";
import { runCli } from "./helpers";

describe("output names", () => {
  test("a scored file rescored keeps one .scored suffix", () => {
    expect(stemOf("/a/b/seed.xlsx")).toBe("seed");
    expect(stemOf("/a/b/seed.scored.xlsx")).toBe("seed");
    expect(stemOf("/a/b/seed.reverted.XLSX")).toBe("seed");
    expect(stemOf("/a/b/2021.项目.xlsx")).toBe("2021.项目");
  });

  test("beside the input by default, in --out when given, never twice the same path", () => {
    const taken = new Set<string>();
    expect(outputPathFor("/in/a.xlsx", "scored", undefined, taken)).toBe(
      path.resolve("/in/a.scored.xlsx")
    );
    expect(outputPathFor("/in/x/a.xlsx", "scored", "/out", taken)).toBe(
      path.resolve("/out/a.scored.xlsx")
    );
    expect(outputPathFor("/in/y/a.xlsx", "scored", "/out", taken)).toBe(
      path.resolve("/out/a (2).scored.xlsx")
    );
  });

  test("a macro workbook stays one: .xlsm in, .scored.xlsm and .reverted.xlsm out", () => {
    expect(stemOf("/a/宏.scored.xlsm")).toBe("宏");
    expect(outputPathFor("/in/宏.xlsm", "scored", undefined, new Set())).toBe(
      path.resolve("/in/宏.scored.xlsm")
    );
    expect(outputPathFor("/in/宏.scored.xlsm", "reverted", undefined, new Set())).toBe(
      path.resolve("/in/宏.reverted.xlsm")
    );
  });
});

describe("folder search", () => {
  test("takes .xlsx workbooks, skips Excel lock files and our own outputs", () => {
    expect(isWorkbookCandidate("自评表.xlsx")).toBe(true);
    expect(isWorkbookCandidate("A.XLSX")).toBe(true);
    expect(isWorkbookCandidate("~$自评表.xlsx")).toBe(false);
    expect(isWorkbookCandidate("a.scored.xlsx")).toBe(false);
    expect(isWorkbookCandidate("a.reverted.xlsx")).toBe(false);
    expect(isWorkbookCandidate("a.xls")).toBe(false);
    expect(isWorkbookCandidate("a.csv")).toBe(false);
    expect(isWorkbookCandidate("宏.xlsm")).toBe(true);
    expect(isWorkbookCandidate("宏.scored.xlsm")).toBe(false);
  });

  test("spreadsheets in other formats are listed as skipped, not silently ignored", async () => {
    expect(["a.xls", "b.ET", "c.ods", "d.xlsb"].map(isOtherSpreadsheet)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(isOtherSpreadsheet("~$a.xls")).toBe(false);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-skip-"));
    fs.mkdirSync(path.join(dir, "乡镇"));
    fs.writeFileSync(path.join(dir, "乡镇", "旧表.xls"), "x");
    fs.writeFileSync(path.join(dir, "金山表.et"), "x");
    fs.writeFileSync(path.join(dir, "说明.txt"), "x");
    const found = await collectInputs([dir]);
    expect(found.files).toEqual([]);
    expect(found.skipped.map((f) => path.relative(dir, f)).sort()).toEqual([
      path.join("乡镇", "旧表.xls"),
      "金山表.et",
    ]);
    // A folder holding only such files says which and what to do, not "no .xlsx found".
    const run = runCli(["score", dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("旧表.xls");
    expect(run.stderr).toContain("请在 Excel 或 WPS 中另存为 .xlsx");
    expect(run.stderr).not.toContain("没有找到");
  });
});

describe("--threshold", () => {
  test("130%, 130 and 1.3 mean the same; text is rejected", () => {
    expect(parseThreshold("130%")).toBeCloseTo(1.3, 12);
    expect(parseThreshold("130")).toBeCloseTo(1.3, 12);
    expect(parseThreshold("1.3")).toBeCloseTo(1.3, 12);
    expect(parseThreshold(" 150 % ")).toBeCloseTo(1.5, 12);
    expect(parseThreshold("abc")).toBeUndefined();
    expect(parseThreshold("-1.3")).toBeUndefined();
  });
});
