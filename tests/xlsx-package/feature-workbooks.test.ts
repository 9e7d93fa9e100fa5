/**
 * Scoring and revert keep the user's workbook whole. Every feature workbook (the example form plus
 * one Excel feature, tests/fixtures/features) is scored and reverted through the CLI's own
 * scoreFile / revertFile, then compared part by part with its input:
 *
 * - the scores are right (98.83 → 优, read from the report and from the scored cells' XML);
 * - every part scoring has no business changing is byte-identical under the same name, none removed;
 * - styles and shared strings are append-only; content types, relationships, sheet entries, defined
 *   names and protection stay as they were; recalculation on open is requested when a value changed;
 * - in the form sheet only the owned cells (得分, 执行率, total, grade and the cells of findings),
 *   dimension and legacyDrawing differ, and every element stays in schema order;
 * - a cell with a threaded comment gets no legacy note from us, the user's other notes stay;
 * - revert gives back every cell and note of the input and leaves every other part as scored;
 * - scoring the scored file again changes nothing;
 * - a protected form is not written at all; .xlsm comes back as .scored.xlsm with its macros.
 *
 * Owned cells come from the engine's evaluation (which cells it scores and reports on), never from
 * the host under test. Each check lists all its violations, so a failure names every broken part.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { revertFile, scoreFile } from "../../src/cli/score-file";
import type { FileOutcome } from "../../src/cli/report";
import { DEFAULT_PROFILE } from "../../src/domain/profiles";
import {
  ALL_FEATURE_SPECS,
  buildFeatureWorkbook,
  FORM_SHEET_NAME,
  type FeatureWorkbook,
  WORKBOOK_ORDER,
  WORKSHEET_ORDER,
} from "../fixtures/features";
import {
  cellsOf,
  cellValue,
  diffParts,
  entriesKeptViolations,
  formSheetViolations,
  type Parts,
  partText,
  revertViolations,
  type ScoredContext,
  sharedStringsViolations,
  sheetPartByName,
  stylesViolations,
  threadedCommentCells,
  threadedCommentViolations,
  unzipParts,
  untouchedPartsViolations,
  userNotesViolations,
  valueChangedCells,
  workbookViolations,
} from "./package-guarantees";

const OPTIONS = { check: false, profile: DEFAULT_PROFILE, plan: {}, lang: "zh-CN" as const };

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-features-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Which cells the engine says the product owns on the form: what it scores and what it flags. */
function ownedCells(outcome: FileOutcome): Set<string> {
  const owned = new Set<string>();
  for (const sheet of outcome.sheets) {
    const e = sheet.evaluation;
    for (const i of e.indicators) owned.add(i.scoreCell);
    if (e.budget?.rateCell) owned.add(e.budget.rateCell);
    if (e.budget?.scoreCell) owned.add(e.budget.scoreCell);
    if (e.totalCell) owned.add(e.totalCell);
    if (e.gradeCell) owned.add(e.gradeCell);
    for (const f of e.findings) owned.add(f.cell);
  }
  return owned;
}

interface Run {
  workbook: FeatureWorkbook;
  input: Parts;
  outcome: FileOutcome;
  scoredPath: string;
  scored?: Parts;
  reverted?: Parts;
  revertError?: string | null;
  rescored?: Parts;
  rescoreOutcome?: FileOutcome;
}

async function scoreAndRevert(workbook: FeatureWorkbook): Promise<Run> {
  const dir = path.join(tmp, workbook.name);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${workbook.name}.${workbook.extension}`);
  fs.writeFileSync(file, workbook.bytes);
  const scoredPath = path.join(dir, "out", `${workbook.name}.scored.${workbook.extension}`);
  const outcome = await scoreFile(file, scoredPath, OPTIONS);
  const run: Run = { workbook, input: workbook.parts, outcome, scoredPath };
  if (!outcome.output || !fs.existsSync(scoredPath)) return run;
  run.scored = unzipParts(fs.readFileSync(scoredPath));
  const revertedPath = path.join(dir, "out", `${workbook.name}.reverted.${workbook.extension}`);
  const reverted = await revertFile(scoredPath, revertedPath, "zh-CN");
  run.revertError = reverted.error;
  if (!reverted.error) run.reverted = unzipParts(fs.readFileSync(revertedPath));
  const rescoredPath = path.join(dir, "again", `${workbook.name}.scored.${workbook.extension}`);
  run.rescoreOutcome = await scoreFile(scoredPath, rescoredPath, OPTIONS);
  if (run.rescoreOutcome.output) run.rescored = unzipParts(fs.readFileSync(rescoredPath));
  return run;
}

/** The scored parts; a run that wrote nothing fails here with the reason the report gave. */
function scored(run: Run): Parts {
  if (!run.scored) throw new Error(`no scored file: ${run.outcome.error ?? "nothing written"}`);
  return run.scored;
}

function reverted(run: Run): Parts {
  scored(run);
  if (!run.reverted) throw new Error(`no reverted file: ${run.revertError}`);
  return run.reverted;
}

function context(run: Run): ScoredContext {
  return {
    input: run.input,
    output: scored(run),
    formSheetName: FORM_SHEET_NAME,
    owned: ownedCells(run.outcome),
  };
}

function formCells(parts: Parts): Map<string, string> {
  return cellsOf(partText(parts, sheetPartByName(parts, FORM_SHEET_NAME)));
}

const WRITABLE = ALL_FEATURE_SPECS.filter((s) => s.name !== "protected-form");

describe.each(WRITABLE.map((spec) => [spec.name, spec] as const))("%s", (_name, spec) => {
  let run: Run;
  beforeAll(async () => {
    run = await scoreAndRevert(buildFeatureWorkbook(spec));
  }, 120_000);

  test("is scored 98.83 → 优 and the scored cells hold the results", () => {
    expect(run.outcome.error).toBeNull();
    expect(run.outcome.sheets).toHaveLength(1);
    const [sheet] = run.outcome.sheets;
    expect(sheet.written).toBe(true);
    expect(sheet.evaluation.total).toBe(98.83);
    expect(sheet.evaluation.grade).toBe("优");
    const cells = formCells(scored(run));
    // Hand-worked: 3106.43 / 3112 × 10 = 9.98; 256 / 600 × 2 = 0.85; 9.98 + Σ row scores = 98.83.
    expect(Number(cellValue(cells.get("I6")))).toBe(9.98);
    expect(Number(cellValue(cells.get("I28")))).toBe(0.85);
    expect(Number(cellValue(cells.get("I38")))).toBe(98.83);
  });

  test("every part scoring does not need to change is byte-identical; nothing is removed", () => {
    expect(untouchedPartsViolations(context(run))).toEqual([]);
  });

  test("styles and shared strings are append-only", () => {
    expect([
      ...stylesViolations(run.input, scored(run)),
      ...sharedStringsViolations(run.input, scored(run)),
    ]).toEqual([]);
  });

  test("content types, relationships, sheets, names and protection are kept; recalculation is requested when a value changed", () => {
    const changed = valueChangedCells(context(run)).length > 0;
    expect([
      ...entriesKeptViolations(run.input, scored(run)),
      ...workbookViolations(run.input, scored(run), WORKBOOK_ORDER, changed),
    ]).toEqual([]);
  });

  test("in the form sheet only owned cells, dimension and legacyDrawing change, in schema order", () => {
    expect(formSheetViolations(context(run), WORKSHEET_ORDER)).toEqual([]);
  });

  test("threaded-comment cells get no note from us; the user's other notes are kept", () => {
    expect([
      ...threadedCommentViolations(context(run)),
      ...userNotesViolations(context(run)),
    ]).toEqual([]);
  });

  test("revert restores every cell and note of the input and leaves other parts as scored", () => {
    expect(
      revertViolations(run.input, scored(run), reverted(run), FORM_SHEET_NAME, WORKSHEET_ORDER)
    ).toEqual([]);
  });

  test("scoring the scored file again gives the same scores and the same parts", () => {
    expect(run.rescoreOutcome?.error).toBeNull();
    expect(run.rescoreOutcome?.sheets[0]?.evaluation.total).toBe(98.83);
    if (!run.rescored) throw new Error(`no rescored file: ${run.rescoreOutcome?.error}`);
    expect(diffParts(scored(run), run.rescored)).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe("fixtures that exercise one guarantee in particular", () => {
  const byName = (name: string) => ALL_FEATURE_SPECS.find((s) => s.name === name)!;

  test("a protected form sheet is reported and nothing is written", async () => {
    const run = await scoreAndRevert(buildFeatureWorkbook(byName("protected-form")));
    expect(run.outcome.error).toBeNull();
    expect(run.outcome.sheets).toHaveLength(1);
    expect(run.outcome.sheets[0]).toMatchObject({ written: false, skipped: "protected" });
    expect(run.outcome.sheets[0].evaluation.total).toBe(98.83);
    expect(run.outcome.output).toBeNull();
    expect(fs.existsSync(run.scoredPath)).toBe(false);
  });

  test("stale printed scores are rewritten and Excel is asked to recalculate their dependents", async () => {
    const run = await scoreAndRevert(buildFeatureWorkbook(byName("stale-scores")));
    expect(run.scored).toBeDefined();
    const ctx = context(run);
    // The fixture prints 2 in I28 and 100 in I38; the rules give 0.85 and 98.83.
    expect(valueChangedCells(ctx).sort()).toEqual(["I28", "I38"]);
    expect(workbookViolations(run.input, scored(run), WORKBOOK_ORDER, true)).toEqual([]);
  });

  test("the threaded-comment fixture has one on an owned 得分 cell (so the guarantee is tested)", async () => {
    const workbook = buildFeatureWorkbook(byName("threaded-comments"));
    const formPart = sheetPartByName(workbook.parts, FORM_SHEET_NAME);
    expect(threadedCommentCells(workbook.parts, formPart)).toContain("I16");
  });

  test("an .xlsm keeps its VBA project byte for byte", async () => {
    for (const name of ["vba", "everything"]) {
      const workbook = buildFeatureWorkbook(byName(name));
      expect(workbook.extension).toBe("xlsm");
      const run = await scoreAndRevert(workbook);
      expect(run.scored?.get("xl/vbaProject.bin")).toEqual(workbook.parts.get("xl/vbaProject.bin"));
      expect(partText(scored(run), "[Content_Types].xml")).toContain(
        'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"'
      );
    }
  });
});
