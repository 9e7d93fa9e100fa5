/**
 * The WPS host over the fake ET object model: the seed's published scores, the same scores,
 * findings and writes as the in-memory host on every layout fixture, exact revert, protection, and
 * snapshots written by another host reverting here.
 */
import { createRecomputeService, type RecomputeResult } from "../../src/app/recompute";
import { runRecomputeCommand } from "../../src/commands/recompute-command";
import type { CellGrid } from "../../src/domain/grid";
import { toA1 } from "../../src/domain/grid";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import {
  decodeSnapshotTable,
  encodeSnapshotTable,
  SNAPSHOT_SHEET_NAME,
} from "../../src/hosts/snapshot-codec";
import { HostError } from "../../src/hosts/workbook-port";
import { WpsWorkbook } from "../../src/hosts/wps/wps-workbook";
import { ALL_FORMS } from "../fixtures/forms";
import { ambiguous } from "../fixtures/forms/round2/ambiguous";
import { breakdowns } from "../fixtures/forms/round2/breakdowns";
import { fundsLabels } from "../fixtures/forms/round2/funds-labels";
import { notApplicable } from "../fixtures/forms/round2/not-applicable";
import { roadPlaceholders, stackedThree, stackedTwo } from "../fixtures/forms/round2/stacked";
import { seed } from "../fixtures/forms/seed";
import { gridFromSpec, type SheetSpec } from "../fixtures/sheet-spec";
import { FakeEt, type FakeEtCell } from "./fake-et";

/** Every layout fixture: the first round's and the second's (stacked forms, breakdowns, 不适用 …). */
const LAYOUTS: { id: string; spec: SheetSpec }[] = [
  ...ALL_FORMS,
  { id: "ambiguous", spec: ambiguous },
  { id: "breakdowns", spec: breakdowns },
  { id: "funds-labels", spec: fundsLabels },
  { id: "not-applicable", spec: notApplicable },
  { id: "road-placeholders", spec: roadPlaceholders },
  { id: "stacked-two", spec: stackedTwo },
  { id: "stacked-three", spec: stackedThree },
];

function setup(spec: SheetSpec) {
  const et = FakeEt.fromSpec(spec);
  const port = new WpsWorkbook({ app: () => et });
  return { et, port, service: createRecomputeService(port) };
}

/** Every non-empty cell of a grid, in the fake's shape. */
function gridDump(grid: CellGrid): Record<string, FakeEtCell> {
  const out: Record<string, FakeEtCell> = {};
  grid.cells.forEach((line, r) =>
    line.forEach((cell, c) => {
      const state: FakeEtCell = {
        // A spreadsheet stores no empty string: "" in a spec is an empty cell.
        value: cell.value === "" ? null : cell.value,
        numberFormat: cell.numberFormat,
        fill: cell.fill ? cell.fill.toUpperCase() : null,
        note: cell.note ?? null,
      };
      if (cell.formula !== undefined) state.formula = cell.formula;
      const empty =
        state.value === null &&
        state.formula === undefined &&
        state.numberFormat === "General" &&
        state.fill === null &&
        state.note === null;
      if (!empty) out[toA1(grid.originRow + r, grid.originCol + c)] = state;
    })
  );
  return out;
}

/** What a recompute decided, without host-specific parts. */
function outcome(result: RecomputeResult) {
  if (result.noTable) return { noTable: true, reason: result.reason };
  const { evaluation, resolved, writtenCells } = result;
  return {
    total: evaluation.total,
    grade: evaluation.grade,
    provisional: evaluation.provisional,
    findings: evaluation.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      cell: f.cell,
    })),
    // Every form of a sheet with several stacked forms.
    forms: result.forms.map(({ evaluation: e }) => ({
      total: e.total,
      grade: e.grade,
      findings: e.findings.map((f) => `${f.code}@${f.cell}`),
    })),
    cells: resolved.cells,
    writtenCells,
  };
}

function storeTable(et: FakeEt): unknown[][] {
  const store = et.sheet(SNAPSHOT_SHEET_NAME);
  const rows: unknown[][] = [];
  for (const [key, cell] of store.cells) {
    if (cell.value === null) continue; // ClearContents keeps the text format
    const [r, c] = key.split(",").map(Number);
    rows[r - 1] ??= ["", "", ""];
    rows[r - 1][c - 1] = cell.value ?? "";
  }
  return rows;
}

describe("WpsWorkbook over the fake ET", () => {
  test("the seed scores 98.83 优 and the published cells are written, text staying text", async () => {
    const { et, service } = setup(seed);
    const result = await service.recompute();
    if (result.noTable) throw new Error("no table");
    expect(result.evaluation.total).toBe(98.83);
    expect(result.evaluation.grade).toBe("优");
    expect(et.cell(seed.name, "I6").value).toBe(9.98);
    expect(et.cell(seed.name, "I28").value).toBe(0.85);
    expect(et.cell(seed.name, "I38").value).toBe(98.83);
    // The rate is text in this template and must stay text (not ET's parse of "99.82%").
    expect(et.cell(seed.name, "H6").value).toBe("99.82%");
    expect(et.cell(seed.name, "H6").numberFormat).toBe("General");
    // The snapshot lives on a very hidden sheet; the user stays on the form.
    expect(et.sheet(SNAPSHOT_SHEET_NAME).Visible).toBe(2);
    expect(et.ActiveSheet?.Name).toBe(seed.name);
    expect(et.ScreenUpdating).toBe(true);
  });

  test("the read gives the grid a host with the spec in hand gives", async () => {
    for (const { id, spec } of LAYOUTS) {
      const { port } = setup(spec);
      const grid = await port.readGrid({ name: spec.name });
      const expected = gridFromSpec(spec);
      expect({ id, cells: gridDump(grid) }).toEqual({ id, cells: gridDump(expected) });
      expect({ id, merges: grid.merges }).toEqual({
        id,
        merges: [...expected.merges].sort((a, b) => a.top - b.top || a.left - b.left),
      });
      // Text as shown: the engine reads 97.30% from a percent-formatted number by its text.
      for (const [r, line] of expected.cells.entries())
        for (const [c, cell] of line.entries()) {
          if (cell.value === null) continue;
          const got = grid.cells[r - grid.originRow]?.[c - grid.originCol];
          expect({ id, at: toA1(r, c), text: got?.text }).toEqual({
            id,
            at: toA1(r, c),
            text: cell.text,
          });
        }
    }
  });

  test.each(LAYOUTS.map((f) => [f.id, f.spec] as const))(
    "%s: same scores, findings and writes as the in-memory host; revert is exact",
    async (_id, spec) => {
      const { et, service, port } = setup(spec);
      const original = et.dump(spec.name);
      const memory = new MemoryWorkbook([gridFromSpec(spec)]);
      const memoryService = createRecomputeService(memory);

      const viaWps = outcome(await service.recompute({ sheet: { name: spec.name } }));
      const viaMemory = outcome(await memoryService.recompute({ sheet: { name: spec.name } }));
      expect(viaWps).toEqual(viaMemory);
      expect(et.dump(spec.name)).toEqual(gridDump(memory.current(spec.name)));

      // Running again changes nothing.
      const table = et.sheets.some((s) => s.Name === SNAPSHOT_SHEET_NAME) ? storeTable(et) : [];
      const again = outcome(await service.recompute({ sheet: { name: spec.name } }));
      expect(again).toEqual(viaWps);
      expect(et.dump(spec.name)).toEqual(gridDump(memory.current(spec.name)));
      if (table.length > 0) expect(storeTable(et)).toEqual(table);

      if (!("writtenCells" in viaWps) || viaWps.writtenCells === 0) {
        expect(et.dump(spec.name)).toEqual(original);
        await expect(port.revert({ name: spec.name })).rejects.toMatchObject({
          code: "NOTHING_TO_REVERT",
        });
        return;
      }
      const restored = await service.revert({ name: spec.name });
      expect(restored).toBe(await memoryService.revert({ name: spec.name }));
      expect(et.dump(spec.name)).toEqual(original);
      expect(storeTable(et)).toEqual([["selfeval-snapshot", 1, ""]]);
    }
  );

  test("a protected sheet gets no write at all, not even the snapshot sheet", async () => {
    const { et, service } = setup({ ...seed, protected: true });
    const before = et.dump(seed.name);
    const writesBefore = et.writes;
    await expect(service.recompute()).rejects.toMatchObject({ code: "PROTECTED" });
    expect(et.dump(seed.name)).toEqual(before);
    expect(et.writes).toBe(writesBefore);
    expect(et.sheets.map((s) => s.Name)).toEqual([seed.name]);
    // A dry run still scores it, for the findings.
    const dry = await service.recompute({ dryRun: true });
    expect(dry.noTable ? null : dry.evaluation.total).toBe(98.83);
  });

  test("protection switched on between read and write: nothing written", async () => {
    const { et, port } = setup(seed);
    const grid = await port.readGrid({ name: seed.name });
    const memory = createRecomputeService(new MemoryWorkbook([grid]));
    const scored = await memory.recompute({ dryRun: true });
    if (scored.noTable) throw new Error("no table");
    et.sheet(seed.name).ProtectContents = true;
    const before = et.dump(seed.name);
    const error = await port.write(scored.resolved).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe("PROTECTED");
    expect((error as HostError).message).toContain("受保护");
    expect(et.dump(seed.name)).toEqual(before);
  });

  test("a workbook scored by another host (a _selfeval table from the codec) reverts in WPS", async () => {
    const memory = new MemoryWorkbook([gridFromSpec(seed)]);
    await createRecomputeService(memory).recompute();
    const scored = memory.current(seed.name);
    const snapshot = await memory.readSnapshot({ name: seed.name });
    if (!snapshot) throw new Error("no snapshot");
    const table = encodeSnapshotTable(new Map([[seed.name, { snapshot, notesTracked: true }]]));

    // The scored workbook as WPS opens it: the form as written, and the very hidden table.
    const et = new FakeEt();
    const form = et.addSheet(seed.name);
    for (const [address, cell] of Object.entries(gridDump(scored))) {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      form.set(Number(m[2]), col, cell);
    }
    form.merges = (seed.merges ?? []).map((r) => gridFromSpec({ ...seed, merges: [r] }).merges[0]);
    const store = et.addSheet(SNAPSHOT_SHEET_NAME);
    store.Visible = 2;
    table.forEach((row, r) =>
      row.forEach((value, c) =>
        store.set(r + 1, c + 1, {
          value: value === "" ? null : value,
          numberFormat: c === 1 ? "General" : "@",
          fill: null,
          note: null,
        })
      )
    );
    const port = new WpsWorkbook({ app: () => et });
    expect(await port.readSnapshot({ name: seed.name })).toEqual(snapshot);
    await port.revert({ name: seed.name });
    expect(et.dump(seed.name)).toEqual(FakeEt.fromSpec(seed).dump(seed.name));
    expect(decodeSnapshotTable(storeTable(et)).size).toBe(0);
  });

  test("a snapshot from a host that could not read notes: revert leaves notes alone", async () => {
    const { et, service, port } = setup(seed);
    await service.recompute({ plan: { notes: false } });
    // Rewrite the table as a host without notes would have stored it.
    const stored = decodeSnapshotTable(storeTable(et)).get(seed.name)!;
    const table = encodeSnapshotTable(new Map([[seed.name, { ...stored, notesTracked: false }]]));
    const store = et.sheet(SNAPSHOT_SHEET_NAME);
    table.forEach((row, r) =>
      row.forEach((value, c) =>
        store.set(r + 1, c + 1, { value, numberFormat: "@", fill: null, note: null })
      )
    );
    // The user adds a note of their own to a score cell after scoring.
    et.sheet(seed.name).Range("I28").AddComment("请复核");
    await port.revert({ name: seed.name });
    expect(et.cell(seed.name, "I28").note).toBe("请复核");
    expect(et.cell(seed.name, "I28").value).toBe(seed.rows[27][8]);
  });

  test("an edit made after scoring survives revert", async () => {
    const { et, service } = setup(seed);
    await service.recompute();
    et.sheet(seed.name).Range("I28").Value2 = 1.5; // the user overrides a score by hand
    await service.revert();
    expect(et.cell(seed.name, "I28").value).toBe(1.5);
    expect(et.cell(seed.name, "I6").value).toEqual(
      FakeEt.fromSpec(seed).cell(seed.name, "I6").value
    );
  });

  test("the ribbon's 一键评分 logic runs over the WPS host", async () => {
    const { et, service } = setup(seed);
    const shown: string[] = [];
    const result = await runRecomputeCommand({
      service,
      loadSettings: async () => undefined,
      notify: async (m) => {
        shown.push(m);
      },
    });
    expect(result).toEqual({ ok: true, message: "已评分：总分 98.83（优）。" });
    expect(shown).toEqual([]);
    expect(et.cell(seed.name, "I38").value).toBe(98.83);
  });

  test("outside WPS (no Application) the message says so instead of crashing", async () => {
    const port = new WpsWorkbook({ app: () => undefined });
    await expect(port.listSheets()).rejects.toMatchObject({
      code: "UNKNOWN",
      message: expect.stringContaining("WPS 表格"),
    });
  });

  test("a failure inside ET becomes a HostError naming WPS", async () => {
    const { et, port } = setup(seed);
    et.structureProtected = true; // the _selfeval sheet cannot be added
    const service = createRecomputeService(port);
    await expect(service.recompute()).rejects.toMatchObject({
      code: "UNKNOWN",
      message: expect.stringMatching(/^WPS 表格报告了一个错误：工作簿结构受保护/),
    });
    // The snapshot sheet could not be made, so no cell was touched either.
    expect(et.dump(seed.name)).toEqual(FakeEt.fromSpec(seed).dump(seed.name));
  });
});
