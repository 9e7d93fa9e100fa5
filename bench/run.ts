/**
 * `npm run bench`: round trips, engine, CLI and pane, printed as tables and written to
 * bench/results.json. Every figure is a median of several runs; every comparison (ours vs the
 * per-row baseline, scoreFile vs bare ExcelJS) is measured in the same run, interleaved.
 *
 *   npm run bench                         all sections, writes bench/results.json
 *   npm run bench -- --only engine,cli    some sections, writes bench/tmp/results.partial.json
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import Table from "cli-table3";
import { runCli, type CliResult } from "./cli";
import { runBig, type BigResult } from "./big-workbook";
import { runEngine, type EngineResult } from "./engine";
import { runPane, type PaneResult } from "./pane";
import { latestMarkdown, replaceLatest, type RunResults } from "./report-md";
import { runRoundTrips, type RoundTripResult } from "./round-trips";
import { round } from "./stats";

const SECTIONS = ["roundTrips", "engine", "cli", "pane"] as const;
type Section = (typeof SECTIONS)[number];

const LATENCY_MS = 50;

function parseOnly(argv: string[]): Set<Section> {
  const i = argv.indexOf("--only");
  if (i < 0) return new Set(SECTIONS);
  const wanted = (argv[i + 1] ?? "").split(",").map((s) => s.trim());
  const bad = wanted.filter((s) => !SECTIONS.includes(s as Section));
  if (bad.length)
    throw new Error(`unknown section(s) ${bad.join(", ")}; use ${SECTIONS.join(", ")}`);
  return new Set(wanted as Section[]);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(1)} ms`);

function table(head: string[], rows: (string | number)[][]): string {
  const t = new Table({ head, style: { head: [], border: [] } });
  t.push(...rows.map((r) => r.map(String)));
  return t.toString();
}

function printRoundTrips(r: RoundTripResult): void {
  console.log(`\n1. Round trips per recompute (fake Excel, ${r.latencyMsPerSync} ms per sync)`);
  console.log(
    table(
      [
        "rows",
        "syncs ours",
        "syncs naive",
        "sim. time ours",
        "sim. time naive",
        "req+resp ours",
        "req+resp naive",
        "rescore syncs",
      ],
      r.rows.map((rows, i) => [
        rows,
        r.ours[i],
        r.naive[i],
        ms(r.oursDetail.simulatedMs[i]),
        ms(r.naiveDetail.simulatedMs[i]),
        kb(r.oursDetail.requestBytes[i] + r.oursDetail.responseBytes[i]),
        kb(r.naiveDetail.requestBytes[i] + r.naiveDetail.responseBytes[i]),
        r.oursRescoreSyncs[i],
      ])
    )
  );
  console.log(`   floor ${r.floorSyncs} syncs: ${r.atFloor ? "met at every size" : "MISSED"}`);
  if (r.latencyCheck) {
    const c = r.latencyCheck;
    console.log(
      `   model check at ${c.rows} rows with real ${r.latencyMsPerSync} ms waits: ours ${ms(c.ours.modelMs)} modelled / ${ms(c.ours.wallMs)} wall, ` +
        `naive ${ms(c.naive.modelMs)} / ${ms(c.naive.wallMs)}`
    );
  }
}

function printEngine(r: EngineResult): void {
  console.log("\n2. Engine: detect + evaluate + plan");
  console.log(
    table(
      ["rows", "µs/row", "detect", "evaluate", "plan", "scoreGrid µs/row", "heap Δ", "peak RSS Δ"],
      r.samples.map((s) => [
        s.rows,
        s.usPerRow.toFixed(1),
        s.detectUsPerRow.toFixed(1),
        s.evaluateUsPerRow.toFixed(1),
        s.planUsPerRow.toFixed(1),
        s.scoreGridUsPerRow.toFixed(1),
        s.heapUsedDeltaBytes === null ? "n/a" : kb(s.heapUsedDeltaBytes),
        kb(s.peakRssDeltaBytes),
      ])
    )
  );
  console.log(
    `   µs/row ratio between successive sizes: ${r.growthRatios.join(", ")} → ${r.linear ? "linear (or better)" : "SUPERLINEAR"}`
  );
}

function printCli(r: CliResult): void {
  console.log(`\n3. CLI: ${r.files} workbooks, scoreFile vs bare ExcelJS read + write`);
  console.log(
    table(
      ["", "total", "files/s"],
      [
        ["selfeval (scoreFile)", ms(r.oursMs), r.oursFilesPerSecond],
        ["bare ExcelJS", ms(r.bareMs), r.bareFilesPerSecond],
      ]
    )
  );
  console.log(
    `   overhead ratio ${r.overheadRatio}× (goal ≤ ${r.goalRatio}×: ${r.meetsGoal ? "met" : "missed, see BENCHMARKS.md"}); ` +
      `with --no-notes ${r.overheadRatioWithoutNotes}×; failed files: ${r.failedFiles}`
  );
  const b = r.breakdownMsPerFile;
  console.log(
    `   ms per file — bare: open ${b.bare.readAndOpen}, serialize ${b.bare.serialize}, save ${b.bare.save}; ` +
      `ours: open ${b.ours.readAndOpen}, readGrid ${b.ours.readGrid}, engine ${b.ours.engine}, ` +
      `host write ${b.ours.hostWrite}, serialize ${b.ours.serialize}, save ${b.ours.save} ` +
      `(${b.writtenCellsPerFile} cells, ${b.notesPerFile} notes per file)`
  );
}

function printBig(r: BigResult): void {
  console.log(
    `\n3b. The form beside a ${r.detailRows.toLocaleString("en")}-row ledger sheet (${round(r.fileBytes / 1024 / 1024, 1)} MB)`
  );
  console.log(
    `   scoreFile ${ms(r.medianMs)} median (runs ${r.runsMs.join(", ")} ms), peak ${r.peakRssMb} MB ` +
      `(goal < ${r.goalMs} ms and < ${r.goalMb} MB: ${r.meetsGoal ? "met" : "missed"}); total ${r.total}`
  );
}

function printPane(r: PaneResult): void {
  console.log("\n4. Task pane");
  if (r.bundle) {
    const b = r.bundle;
    const rows: (string | number)[][] = [
      ["task pane, all lazy chunks", kb(b.taskpaneRawBytes), kb(b.taskpaneGzipBytes)],
      ["task pane entry only", kb(b.taskpaneEntryRawBytes), kb(b.taskpaneEntryGzipBytes)],
      ...Object.entries(b.taskpanePaths).map(([k, v]) => [
        `task pane via ${k}`,
        kb(v.rawBytes),
        kb(v.gzipBytes),
      ]),
      ["commands", kb(b.commandsRawBytes), kb(b.commandsGzipBytes)],
    ];
    console.log(table(["bundle", "raw", "gzip"], rows));
  } else console.log(`   bundle: not measured (${r.bundleError})`);
  if (r.firstRender) {
    console.log(
      `   first render: ${ms(r.firstRender.firstRenderMs)} median of ${r.firstRender.loads} cold loads ` +
        `(first contentful paint ${r.firstRender.firstContentfulPaintMs ?? "n/a"} ms; samples ${r.firstRender.samplesMs.join(", ")})`
    );
  } else console.log(`   first render: not measured (${r.firstRenderError})`);
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
  };
}

async function main(): Promise<void> {
  const only = parseOnly(process.argv.slice(2));
  const started = performance.now();
  const info = machine();
  console.log(
    `SelfEval benchmarks — ${new Date().toISOString()} — ${info.cpu}, ${info.cores} cores, Node ${info.node}, load ${info.loadAverageAtStart.join(" ")}`
  );
  const results: Record<string, unknown> = { date: new Date().toISOString(), machine: info };
  let pane: PaneResult | undefined;

  if (only.has("roundTrips")) {
    const r = await runRoundTrips({
      rows: [25, 250, 2500],
      runs: 5,
      latencyMs: LATENCY_MS,
      checkRows: 25,
    });
    results.roundTrips = r;
    printRoundTrips(r);
  }
  if (only.has("engine")) {
    const r = await runEngine([
      { rows: 25, runs: 7 },
      { rows: 2500, runs: 5 },
      { rows: 25_000, runs: 3 },
    ]);
    results.engine = r;
    printEngine(r);
  }
  if (only.has("cli")) {
    const r = await runCli({ files: 200, runs: 5 });
    results.cli = r;
    printCli(r);
    const big = await runBig({ runs: 3 });
    results.bigWorkbook = big;
    printBig(big);
  }
  if (only.has("pane")) {
    const r = await runPane({ loads: 7 });
    results.bundle = r.bundle ?? {
      taskpaneGzipBytes: null,
      commandsGzipBytes: null,
      error: r.bundleError,
    };
    results.firstRenderMs = r.firstRender?.firstRenderMs ?? null;
    results.firstRender = r.firstRender ?? { error: r.firstRenderError };
    pane = r;
    printPane(r);
  }

  const seconds = round((performance.now() - started) / 1000, 1);
  (results.machine as Record<string, unknown>).loadAverageAtEnd = os
    .loadavg()
    .map((v) => round(v, 2));
  results.benchSeconds = seconds;
  const complete = SECTIONS.every((s) => only.has(s));
  const target = complete
    ? path.join(__dirname, "results.json")
    : path.join(__dirname, "tmp", "results.partial.json");
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${seconds} s in all; wrote ${path.relative(process.cwd(), target)}`);
  if (complete && pane) {
    // Keep BENCHMARKS.md's "latest numbers" in step with the results file.
    const page = path.join(__dirname, "..", "BENCHMARKS.md");
    const text = await fs.readFile(page, "utf8").catch(() => undefined);
    if (text !== undefined) {
      const block = latestMarkdown({ ...(results as unknown as RunResults), pane });
      const updated = replaceLatest(text, block);
      if (updated !== text) {
        await fs.writeFile(page, updated);
        console.log("updated the latest numbers in BENCHMARKS.md");
      }
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
