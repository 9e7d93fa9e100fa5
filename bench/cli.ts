/**
 * Section 3: the CLI against a bare ExcelJS load + save of the same files — the round trip the CLI
 * used to make, and what any tool that parses and re-serialises a workbook pays. For every file,
 * `scoreFile` (what `selfeval score` runs per file: read, open the package, score every sheet,
 * write the changed parts, save) against ExcelJS's read + write of the same bytes, in the same
 * process and the same loop. They alternate file by file, and which goes first alternates too, so
 * machine noise lands on both alike.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import type { ScoreRunOptions } from "../src/cli/score-file";
import { DEFAULT_PROFILE } from "../src/domain/profiles";
import { loadCliCode, type CliCode } from "./cli-code";
import { specsToXlsx } from "../tests/support/write-spec";
import { ALL_FORMS } from "../tests/fixtures/forms";
import type { SheetSpec } from "../tests/fixtures/sheet-spec";
import { seedLikeSheet } from "./sheets";
import { median, round } from "./stats";

/** Editing in place should cost at most half of a parse-and-serialise round trip. */
export const CLI_GOAL_RATIO = 0.5;

/** The mix of a reviewer's batch: every fixture form that holds a table, and seed-like sheets. */
function batchSpecs(count: number): SheetSpec[] {
  const forms = ALL_FORMS.filter((f) => f.id !== "no-table" && f.id !== "empty").map((f) => f.spec);
  const specs: SheetSpec[] = [];
  for (let i = 0; i < count; i++) {
    // One file in four is a longer form (50–100 indicator rows), as departments with many projects file.
    specs.push(i % 4 === 3 ? seedLikeSheet(50 + ((i * 7) % 51)) : forms[i % forms.length]);
  }
  return specs;
}

/** Writes `count` workbooks into `dir` (styled like the Ministry template) and lists them. */
export async function generateWorkbooks(dir: string, count: number): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const files: string[] = [];
  const specs = batchSpecs(count);
  for (let i = 0; i < specs.length; i++) {
    const file = path.join(dir, `${String(i + 1).padStart(3, "0")}.xlsx`);
    await fs.writeFile(file, await specsToXlsx([specs[i]]));
    files.push(file);
  }
  return files;
}

async function bareReadWrite(input: string, output: string): Promise<void> {
  const bytes = await fs.readFile(input);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  await fs.writeFile(output, Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Mean ms per file of each step, ours and bare side by side, from one instrumented pass. */
export interface CliBreakdown {
  bare: { readAndOpen: number; serialize: number; save: number };
  ours: {
    readAndOpen: number;
    readGrid: number;
    engine: number;
    hostWrite: number;
    serialize: number;
    save: number;
  };
  /** Cells written, notes among them, per file on average. */
  writtenCellsPerFile: number;
  notesPerFile: number;
}

/**
 * The steps of scoreFile() timed one by one (same calls, minus error handling), so the overhead
 * can be attributed: opening is shared, the engine and our extra parts (notes, the snapshot sheet)
 * are not.
 */
export async function breakdown(
  inputs: string[],
  outDir: string,
  code: CliCode
): Promise<CliBreakdown> {
  const { PackageWorkbook, nodeZipCodec, scoreGrid, writeAtomic } = code;
  const sum = {
    bareRead: 0,
    bareSerialize: 0,
    bareSave: 0,
    read: 0,
    grid: 0,
    engine: 0,
    hostWrite: 0,
    serialize: 0,
    save: 0,
    cells: 0,
    notes: 0,
  };
  let t = 0;
  const lap = () => {
    const now = performance.now();
    const ms = now - t;
    t = now;
    return ms;
  };
  for (let i = 0; i < inputs.length; i++) {
    t = performance.now();
    const bareBook = new ExcelJS.Workbook();
    await bareBook.xlsx.load((await fs.readFile(inputs[i])) as never);
    sum.bareRead += lap();
    const bareBytes = Buffer.from(await bareBook.xlsx.writeBuffer());
    sum.bareSerialize += lap();
    await fs.writeFile(path.join(outDir, `${i}.bare.xlsx`), bareBytes);
    sum.bareSave += lap();

    const workbook = PackageWorkbook.fromBytes(await fs.readFile(inputs[i]), {
      codec: nodeZipCodec,
    });
    sum.read += lap();
    for (const sheet of await workbook.listSheets()) {
      const grid = await workbook.readGrid(sheet);
      sum.grid += lap();
      const scored = scoreGrid(grid);
      sum.engine += lap();
      if (!scored.ok) continue;
      sum.cells += scored.resolved.cells.length;
      sum.notes += scored.resolved.cells.filter((c) => c.state.note !== null).length;
      await workbook.write(scored.resolved);
      sum.hostWrite += lap();
    }
    const bytes = workbook.toBytes();
    sum.serialize += lap();
    await writeAtomic(path.join(outDir, `${i}.scored.xlsx`), bytes);
    sum.save += lap();
  }
  const per = (ms: number) => round(ms / inputs.length, 2);
  return {
    bare: {
      readAndOpen: per(sum.bareRead),
      serialize: per(sum.bareSerialize),
      save: per(sum.bareSave),
    },
    ours: {
      readAndOpen: per(sum.read),
      readGrid: per(sum.grid),
      engine: per(sum.engine),
      hostWrite: per(sum.hostWrite),
      serialize: per(sum.serialize),
      save: per(sum.save),
    },
    writtenCellsPerFile: per(sum.cells),
    notesPerFile: per(sum.notes),
  };
}

export interface CliResult {
  method: string;
  files: number;
  runs: number;
  /** Median over runs of (ours total ÷ bare total). */
  overheadRatio: number;
  /** True when our side ran bundled, as the CLI runs; false when through tsx. */
  bundled: boolean;
  goalRatio: number;
  meetsGoal: boolean;
  oursMs: number;
  bareMs: number;
  oursFilesPerSecond: number;
  bareFilesPerSecond: number;
  /** (ours − bare) ÷ files: what scoring adds to each file, in ms. */
  overheadMsPerFile: number;
  /** The same ratio for `selfeval score --no-notes` (a third side in the same alternation). */
  overheadRatioWithoutNotes: number;
  inputBytes: number;
  failedFiles: number;
  breakdownMsPerFile: CliBreakdown;
}

export async function runCli(options: {
  files: number;
  runs: number;
  workDir?: string;
}): Promise<CliResult> {
  const root = options.workDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), "selfeval-bench-cli-")));
  const { code, bundle } = await loadCliCode();
  const { scoreFile } = code;
  const inputs = await generateWorkbooks(path.join(root, "in"), options.files);
  const outDir = path.join(root, "out");
  await fs.mkdir(outDir, { recursive: true });
  const scoreOptions: ScoreRunOptions = {
    check: false,
    profile: DEFAULT_PROFILE,
    lang: "zh-CN",
    plan: { highlights: true, notes: true, replaceFormulas: false, lang: "zh-CN" },
  };
  let inputBytes = 0;
  for (const f of inputs) inputBytes += (await fs.stat(f)).size;

  type Side = "bare" | "ours" | "oursNoNotes";
  const noNotes: ScoreRunOptions = {
    ...scoreOptions,
    plan: { ...scoreOptions.plan, notes: false },
  };
  const runSide = async (side: Side, input: string, i: number): Promise<number> => {
    if (side === "bare") {
      await bareReadWrite(input, path.join(outDir, `${i}.bare.xlsx`));
      return 0;
    }
    const outcome = await scoreFile(
      input,
      path.join(outDir, `${i}.${side}.xlsx`),
      side === "ours" ? scoreOptions : noNotes
    );
    return outcome.error === null ? 0 : 1;
  };
  const SIDES: Side[] = ["bare", "ours", "oursNoNotes"];

  // A warm-up pass over a few files so no side pays for loading modules and JIT.
  for (let i = 0; i < Math.min(10, inputs.length); i++)
    for (const side of SIDES) await runSide(side, inputs[i], i);

  const ratios: number[] = [];
  const noNotesRatios: number[] = [];
  const totals: Record<Side, number[]> = { bare: [], ours: [], oursNoNotes: [] };
  let failed = 0;
  for (let run = 0; run < options.runs; run++) {
    const ms: Record<Side, number> = { bare: 0, ours: 0, oursNoNotes: 0 };
    failed = 0;
    for (let i = 0; i < inputs.length; i++) {
      // Rotate which side goes first, file by file and run by run.
      const k = (i + run) % SIDES.length;
      for (const side of [...SIDES.slice(k), ...SIDES.slice(0, k)]) {
        const start = performance.now();
        const failures = await runSide(side, inputs[i], i);
        ms[side] += performance.now() - start;
        if (side === "ours") failed += failures;
      }
    }
    ratios.push(ms.ours / ms.bare);
    noNotesRatios.push(ms.oursNoNotes / ms.bare);
    for (const side of SIDES) totals[side].push(ms[side]);
  }
  const steps = await breakdown(inputs, outDir, code);
  if (!options.workDir) await fs.rm(root, { recursive: true, force: true });

  const oursMs = median(totals.ours);
  const bareMs = median(totals.bare);
  const overheadRatio = round(median(ratios), 3);
  return {
    method:
      `${options.files} generated .xlsx (fixture forms and 50–100-row seed-like forms, styled), ` +
      "in-process; per file scoreFile() (read, open, score, save atomically) vs a bare ExcelJS " +
      "load + writeBuffer + writeFile (and scoreFile with notes off as a third side), rotating " +
      "file by file and run by run which side goes first; " +
      `median of ${options.runs} runs after a 10-file warm-up; our code ` +
      (bundle
        ? "bundled by esbuild as bin/selfeval.cjs runs it"
        : "run through tsx (the esbuild bundle could not be built)"),
    files: options.files,
    runs: options.runs,
    overheadRatio,
    bundled: bundle !== null,
    goalRatio: CLI_GOAL_RATIO,
    meetsGoal: overheadRatio <= CLI_GOAL_RATIO,
    oursMs: round(oursMs),
    bareMs: round(bareMs),
    oursFilesPerSecond: round((options.files * 1000) / oursMs, 1),
    bareFilesPerSecond: round((options.files * 1000) / bareMs, 1),
    overheadMsPerFile: round((oursMs - bareMs) / options.files, 2),
    overheadRatioWithoutNotes: round(median(noNotesRatios), 3),
    inputBytes,
    failedFiles: failed,
    breakdownMsPerFile: steps,
  };
}
