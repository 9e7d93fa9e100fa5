/**
 * The benchmark modules run on small sizes and report what they measured. No speed is asserted:
 * only facts that hold on any machine (sync counts, the naive baseline writing the same cells,
 * the generated sheets scoring, sizes being positive).
 */
import * as os from "os";
import * as path from "path";
import { promises as fs } from "fs";
import { gridFromSpec } from "../fixtures/sheet-spec";
import { scoreGrid } from "../../src/domain";
import { seedLikeSheet } from "../../bench/sheets";
import { measureOnce, rescoreSyncs, runRoundTrips } from "../../bench/round-trips";
import { measureEngine } from "../../bench/engine";
import { runCli } from "../../bench/cli";
import { runBig } from "../../bench/big-workbook";
import { median } from "../../bench/stats";

describe("bench helpers", () => {
  test("median of odd and even lists", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  test("seed-like sheets have the asked number of indicator rows and score", () => {
    for (const rows of [1, 25, 60]) {
      const scored = scoreGrid(gridFromSpec(seedLikeSheet(rows)));
      expect(scored.ok).toBe(true);
      if (!scored.ok) continue;
      expect(scored.evaluation.indicators).toHaveLength(rows);
    }
    expect(() => seedLikeSheet(0)).toThrow(/positive integer/);
  });
});

describe("round trips", () => {
  test("ours takes the 2-sync floor; the per-row baseline writes the same cells in far more syncs", async () => {
    const spec = seedLikeSheet(30);
    const ours = await measureOnce("ours", spec);
    const naive = await measureOnce("naive", spec);
    expect(ours.syncs).toBe(2);
    expect(naive.writtenCells).toBe(ours.writtenCells);
    // One read per used row (12 above the table, 30 indicators, the total) plus the first look.
    expect(naive.syncs).toBeGreaterThanOrEqual(1 + 12 + 30 + 1);
    expect(ours.requestBytes).toBeGreaterThan(0);
    expect(ours.responseBytes).toBeGreaterThan(0);
    expect(await rescoreSyncs(spec)).toBe(2);
  });

  test("runRoundTrips reports simulated time as syncs × latency + CPU", async () => {
    const r = await runRoundTrips({ rows: [5], runs: 1, latencyMs: 50, checkRows: 0 });
    expect(r.ours).toEqual([2]);
    expect(r.atFloor).toBe(true);
    const cpu = r.oursDetail.cpuMs[0];
    expect(r.oursDetail.simulatedMs[0]).toBeCloseTo(2 * 50 + cpu, 1);
    expect(r.naive[0]).toBeGreaterThan(r.ours[0]);
    expect(r.latencyCheck).toBeNull();
  });
});

describe("engine", () => {
  test("measureEngine reports per-phase µs per row that add up", () => {
    const s = measureEngine(10, 1, 0);
    expect(s.rows).toBe(10);
    expect(s.usPerRow).toBeGreaterThan(0);
    expect(s.detectUsPerRow + s.evaluateUsPerRow + s.planUsPerRow).toBeCloseTo(s.usPerRow, 0);
    expect(s.scoreGridUsPerRow).toBeGreaterThanOrEqual(s.usPerRow - 0.01);
  });
});

describe("cli", () => {
  test("scores a few generated workbooks and compares with the bare read + write", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "selfeval-bench-smoke-"));
    try {
      const r = await runCli({ files: 4, runs: 1, workDir: dir });
      expect(r.failedFiles).toBe(0);
      expect(r.overheadRatio).toBeGreaterThan(0);
      expect(r.breakdownMsPerFile.writtenCellsPerFile).toBeGreaterThan(0);
      const written = await fs.readdir(path.join(dir, "out"));
      expect(written.filter((f) => f.endsWith(".scored.xlsx"))).toHaveLength(4);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe("big workbook", () => {
  test("the form beside a ledger sheet scores in its own process, with its peak memory", async () => {
    const r = await runBig({ runs: 1, rows: 300 });
    expect(r.total).toBe(98.83);
    expect(r.detailRows).toBe(300);
    expect(r.runsMs).toHaveLength(1);
    expect(r.peakRssMb).toBeGreaterThan(10);
  }, 180_000);
});
