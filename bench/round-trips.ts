/**
 * Section 1: round trips per recompute, ours (ExcelWorkbook: one read sync, one write sync) against
 * the per-row baseline, through the fake Excel with request/response byte accounting.
 *
 * Simulated time = syncs × latency + measured CPU time. The fake runs with no latency, so the
 * benchmark does not sleep through thousands of 50 ms round trips; the CPU time includes the
 * engine, the adapter and the fake's own bookkeeping (JSON sizing of every payload), so it
 * overstates real client CPU slightly — for both sides alike. One small run with the fake's real
 * latency checks the model against the wall clock.
 */
import { createRecomputeService } from "../src/app/recompute";
import { ExcelWorkbook, type ExcelRunner } from "../src/hosts/excel/excel-workbook";
import { FakeExcel } from "../tests/excel/fake-excel";
import type { SheetSpec } from "../tests/fixtures/sheet-spec";
import { naiveRecompute } from "./naive-excel";
import { seedLikeSheet } from "./sheets";
import { median, round, timeAsync } from "./stats";

export const FLOOR_SYNCS = 2;

export interface RecomputeCost {
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  cpuMs: number;
  writtenCells: number;
}

export type Implementation = "ours" | "naive";

function portOver(excel: FakeExcel): ExcelWorkbook {
  return new ExcelWorkbook({
    run: excel.run as unknown as ExcelRunner,
    isSetSupported: excel.isSetSupported,
  });
}

/** One recompute of a fresh copy of `spec`; `latencyMs` > 0 makes the fake really wait. */
export async function measureOnce(
  which: Implementation,
  spec: SheetSpec,
  latencyMs = 0
): Promise<RecomputeCost> {
  const excel = FakeExcel.fromSpec(spec, { latencyMs });
  const { ms, value: written } = await timeAsync(async () => {
    if (which === "naive") {
      return naiveRecompute(excel.run as unknown as ExcelRunner, {
        notes: excel.isSetSupported("ExcelApi", "1.18"),
      });
    }
    const result = await createRecomputeService(portOver(excel)).recompute();
    if (result.noTable) throw new Error(`no table found in ${spec.name}: ${result.reason}`);
    return result.writtenCells;
  });
  if (written === 0) throw new Error(`${which}: nothing was written`);
  return {
    syncs: excel.syncCount,
    requestBytes: excel.requestBytes,
    responseBytes: excel.responseBytes,
    cpuMs: ms,
    writtenCells: written,
  };
}

/** Syncs of a second recompute of the same sheet (notes and snapshot now exist). */
export async function rescoreSyncs(spec: SheetSpec): Promise<number> {
  const excel = FakeExcel.fromSpec(spec);
  const service = createRecomputeService(portOver(excel));
  await service.recompute();
  excel.resetCounters();
  await service.recompute();
  return excel.syncCount;
}

export interface RoundTripOptions {
  rows: number[];
  runs: number;
  latencyMs: number;
  /** Rows of the wall-clock check with real latency; 0 skips it. */
  checkRows: number;
}

export interface SideResult {
  syncs: number[];
  simulatedMs: number[];
  cpuMs: number[];
  requestBytes: number[];
  responseBytes: number[];
  writtenCells: number[];
}

function emptySide(): SideResult {
  return {
    syncs: [],
    simulatedMs: [],
    cpuMs: [],
    requestBytes: [],
    responseBytes: [],
    writtenCells: [],
  };
}

export interface RoundTripResult {
  method: string;
  latencyMsPerSync: number;
  floorSyncs: number;
  runsPerSize: number;
  rows: number[];
  /** Syncs per recompute. */
  ours: number[];
  naive: number[];
  oursDetail: SideResult;
  naiveDetail: SideResult;
  oursRescoreSyncs: number[];
  atFloor: boolean;
  latencyCheck: {
    rows: number;
    ours: { modelMs: number; wallMs: number };
    naive: { modelMs: number; wallMs: number };
  } | null;
}

function pushMedian(side: SideResult, costs: RecomputeCost[], latencyMs: number): void {
  // Syncs, bytes and cells do not vary between runs; CPU time does, so it is the median.
  const cpu = median(costs.map((c) => c.cpuMs));
  side.syncs.push(costs[0].syncs);
  side.requestBytes.push(costs[0].requestBytes);
  side.responseBytes.push(costs[0].responseBytes);
  side.writtenCells.push(costs[0].writtenCells);
  side.cpuMs.push(round(cpu));
  side.simulatedMs.push(round(costs[0].syncs * latencyMs + cpu));
}

export async function runRoundTrips(options: RoundTripOptions): Promise<RoundTripResult> {
  const ours = emptySide();
  const naive = emptySide();
  const rescore: number[] = [];
  for (const rows of options.rows) {
    const spec = seedLikeSheet(rows);
    const costs: Record<Implementation, RecomputeCost[]> = { ours: [], naive: [] };
    // Warm the JIT on this size once per side, then alternate which side goes first.
    await measureOnce("ours", spec);
    await measureOnce("naive", spec);
    for (let i = 0; i < options.runs; i++) {
      const order: Implementation[] = i % 2 === 0 ? ["ours", "naive"] : ["naive", "ours"];
      for (const which of order) costs[which].push(await measureOnce(which, spec));
    }
    for (const which of ["ours", "naive"] as const) {
      const varying = new Set(costs[which].map((c) => `${c.syncs}/${c.requestBytes}`));
      if (varying.size > 1) throw new Error(`${which}: syncs or bytes differ between runs`);
    }
    pushMedian(ours, costs.ours, options.latencyMs);
    pushMedian(naive, costs.naive, options.latencyMs);
    rescore.push(await rescoreSyncs(spec));
  }

  let latencyCheck: RoundTripResult["latencyCheck"] = null;
  if (options.checkRows > 0) {
    const spec = seedLikeSheet(options.checkRows);
    const check = async (which: Implementation) => {
      const quiet = await measureOnce(which, spec);
      const real = await measureOnce(which, spec, options.latencyMs);
      return {
        modelMs: round(quiet.syncs * options.latencyMs + quiet.cpuMs),
        wallMs: round(real.cpuMs),
      };
    };
    latencyCheck = {
      rows: options.checkRows,
      ours: await check("ours"),
      naive: await check("naive"),
    };
  }

  return {
    method:
      "fake Excel (tests/excel/fake-excel.ts), fresh workbook per recompute; simulated ms = syncs × " +
      `${options.latencyMs} ms + median CPU ms of ${options.runs} runs (ours and naive alternated)`,
    latencyMsPerSync: options.latencyMs,
    floorSyncs: FLOOR_SYNCS,
    runsPerSize: options.runs,
    rows: options.rows,
    ours: ours.syncs,
    naive: naive.syncs,
    oursDetail: ours,
    naiveDetail: naive,
    oursRescoreSyncs: rescore,
    atFloor: ours.syncs.every((s) => s <= FLOOR_SYNCS) && rescore.every((s) => s <= FLOOR_SYNCS),
    latencyCheck,
  };
}
