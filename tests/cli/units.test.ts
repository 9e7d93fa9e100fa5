/**
 * The CLI's small pure pieces: output naming, which files a folder search takes, threshold parsing.
 */
import * as path from "path";
import { isWorkbookCandidate } from "../../src/cli/inputs";
import { parseThreshold } from "../../src/cli/main";
import { outputPathFor, stemOf } from "../../src/cli/output";

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
