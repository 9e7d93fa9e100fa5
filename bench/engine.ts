/**
 * Section 2: the engine alone — detect, evaluate and plan — per indicator row, at several sizes.
 *
 * Each size runs in its own Node process (with --expose-gc), so one size's heap and JIT state do
 * not colour the next and the process's peak RSS belongs to that size alone. Small sizes repeat
 * the work inside one sample so a sample lasts long enough to time.
 */
import { spawn } from "child_process";
import * as path from "path";
import type { CellGrid } from "../src/domain/grid";
import { DEFAULT_PLAN_OPTIONS } from "../src/domain";
import { detectLayout } from "../src/domain/detect";
import { planWrites } from "../src/domain/plan";
import { DEFAULT_PROFILE } from "../src/domain/profiles";
import { resolveWrite, restoreSnapshot } from "../src/domain/resolve";
import { evaluateLayout } from "../src/domain/rules/evaluate";
import { gridFromSpec } from "../tests/fixtures/sheet-spec";
import { seedLikeSheet } from "./sheets";
import { median, round } from "./stats";

export interface EngineSample {
  rows: number;
  runs: number;
  repsPerRun: number;
  /** Median µs per indicator row of detect + evaluate + plan. */
  usPerRow: number;
  detectUsPerRow: number;
  evaluateUsPerRow: number;
  planUsPerRow: number;
  /** The whole of scoreGrid (adds snapshot restore and resolve). */
  scoreGridUsPerRow: number;
  /** Heap growth from a collected heap to the end of one scoring (garbage not yet collected included); median. */
  heapUsedDeltaBytes: number | null;
  /** Heap the grid itself takes once built (after a collection). */
  gridHeapBytes: number | null;
  /** The process's peak RSS minus its RSS before the grid was built. */
  peakRssDeltaBytes: number;
}

/* global globalThis */
type Gc = () => void;

function gcOrNull(): Gc | null {
  const g = (globalThis as { gc?: Gc }).gc;
  return typeof g === "function" ? g : null;
}

function scoreOnce(grid: CellGrid): number[] {
  const t0 = performance.now();
  const original = grid.snapshot ? restoreSnapshot(grid) : grid; // as scoreGrid does
  const t1 = performance.now();
  const detected = detectLayout(original);
  if (!detected.ok) throw new Error(`no table: ${detected.reason}`);
  const t2 = performance.now();
  const evaluation = evaluateLayout(detected.layout, original, DEFAULT_PROFILE);
  const t3 = performance.now();
  const plan = planWrites(evaluation, original, DEFAULT_PLAN_OPTIONS);
  const t4 = performance.now();
  resolveWrite(plan, grid);
  const t5 = performance.now();
  return [t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4];
}

/** Measures one size in this process. */
export function measureEngine(
  rows: number,
  runs: number,
  warmups = rows >= 25_000 ? 1 : 2
): EngineSample {
  const gc = gcOrNull();
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const grid = gridFromSpec(seedLikeSheet(rows));
  gc?.();
  const gridHeap = gc ? process.memoryUsage().heapUsed - heapBefore : null;
  const reps = Math.max(1, Math.ceil(2500 / rows));

  for (let i = 0; i < warmups; i++) for (let r = 0; r < reps; r++) scoreOnce(grid);

  const phases: number[][] = [[], [], [], [], []];
  const heapDeltas: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const h0 = process.memoryUsage().heapUsed;
    const sum = [0, 0, 0, 0, 0];
    for (let r = 0; r < reps; r++) scoreOnce(grid).forEach((ms, k) => (sum[k] += ms));
    if (gc && reps === 1) heapDeltas.push(process.memoryUsage().heapUsed - h0);
    sum.forEach((ms, k) => phases[k].push((ms * 1000) / (reps * rows)));
  }
  if (gc && heapDeltas.length === 0) {
    // Repeated samples mix many scorings' garbage: measure one scoring on its own.
    gc();
    const h0 = process.memoryUsage().heapUsed;
    scoreOnce(grid);
    heapDeltas.push(process.memoryUsage().heapUsed - h0);
  }
  const [, detect, evaluate, plan] = phases.map(median);
  const perRun = phases[1].map((_, i) => phases[1][i] + phases[2][i] + phases[3][i]);
  const whole = phases[0].map((_, i) => perRun[i] + phases[0][i] + phases[4][i]);
  return {
    rows,
    runs,
    repsPerRun: reps,
    usPerRow: round(median(perRun), 3),
    detectUsPerRow: round(detect, 3),
    evaluateUsPerRow: round(evaluate, 3),
    planUsPerRow: round(plan, 3),
    scoreGridUsPerRow: round(median(whole), 3),
    heapUsedDeltaBytes: heapDeltas.length ? Math.round(median(heapDeltas)) : null,
    gridHeapBytes: gridHeap,
    peakRssDeltaBytes: process.resourceUsage().maxRSS * 1024 - rssBefore,
  };
}

/** Measures one size in a fresh `node --expose-gc` process. */
export function measureEngineInChild(rows: number, runs: number): Promise<EngineSample> {
  const child = path.join(__dirname, "engine-child.ts");
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ["--expose-gc", "--import", "tsx", child, String(rows), String(runs)],
      { cwd: path.join(__dirname, ".."), stdio: ["ignore", "pipe", "pipe"] }
    );
    let out = "";
    let err = "";
    proc.stdout.on("data", (d: Buffer) => (out += d.toString()));
    proc.stderr.on("data", (d: Buffer) => (err += d.toString()));
    proc.on("error", reject);
    proc.on("close", (code) => {
      if (code !== 0)
        reject(new Error(`engine child (${rows} rows) exited ${code}: ${err.trim()}`));
      else resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}") as EngineSample);
    });
  });
}

export interface EngineResult {
  method: string;
  rows: number[];
  usPerRow: number[];
  samples: EngineSample[];
  /** µs/row at each size divided by µs/row at the size before it. */
  growthRatios: number[];
  linear: boolean;
}

export async function runEngine(sizes: { rows: number; runs: number }[]): Promise<EngineResult> {
  const samples: EngineSample[] = [];
  for (const { rows, runs } of sizes) samples.push(await measureEngineInChild(rows, runs));
  const usPerRow = samples.map((s) => s.usPerRow);
  const growthRatios = usPerRow.slice(1).map((u, i) => round(u / usPerRow[i], 2));
  // Linear: going up a size does not make a row dearer by more than half. Per-row cost falling at
  // small sizes only shows the fixed cost (header and funds detection) being spread thinner.
  const linear = growthRatios.every((r) => r <= 1.5);
  return {
    method:
      "seed-like sheets (the seed's 25 indicator rows repeated), grid built with gridFromSpec; " +
      "each size in its own `node --expose-gc` process; warm-up, then the median of several runs; " +
      "sizes under 2,500 rows repeat the scoring inside a run; memory from process.memoryUsage() " +
      "after a forced GC and the process's peak RSS (resourceUsage().maxRSS)",
    rows: samples.map((s) => s.rows),
    usPerRow,
    samples,
    growthRatios,
    linear,
  };
}
