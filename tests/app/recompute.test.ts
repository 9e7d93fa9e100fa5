/**
 * The recompute service's own job — one read, one write, strict serialisation, errors passed through —
 * tested with the engine replaced by a stand-in, so these tests do not depend on detection or rules
 * (the seed end-to-end test covers those).
 */
import type { CellGrid } from "../../src/domain/grid";
import type { WritePlan } from "../../src/domain/plan-types";
import { resolveWrite } from "../../src/domain/resolve";
import { createRecomputeService } from "../../src/app/recompute";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { HostError } from "../../src/hosts/workbook-port";
import type { SheetRef, WorkbookPort } from "../../src/hosts/workbook-port";
import type { ResolvedWrite } from "../../src/domain/plan-types";
import { smallEvaluation, smallGrid } from "../plan/helpers";

const seen: CellGrid[] = [];

/** Stand-in engine: writes 1 into I6 (like a score), or finds no table on a sheet named "空". */
jest.mock("../../src/domain", () => ({
  scoreGrid: (grid: CellGrid) => {
    seen.push(grid);
    if (grid.sheetName === "空")
      return { ok: false, detect: { ok: false, reason: "no-table", detail: "没有绩效指标表头" } };
    const plan: WritePlan = {
      sheetName: grid.sheetName,
      writes: [{ row: 5, col: 8, address: "I6", value: 1, reason: "score" }],
      marks: [],
      skipped: [],
    };
    const evaluation = smallEvaluation({ sheetName: grid.sheetName });
    return {
      ok: true,
      forms: [{ evaluation, plan }],
      evaluation,
      plan,
      resolved: resolveWrite(plan, grid),
    };
  },
}));

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port whose every call takes a while and is logged, to catch interleaving. */
class SlowPort implements WorkbookPort {
  log: string[] = [];
  constructor(
    readonly inner: WorkbookPort,
    private readonly ms = 15
  ) {}
  private async timed<T>(name: string, run: () => Promise<T>): Promise<T> {
    this.log.push(`${name}:start`);
    await tick(this.ms);
    try {
      return await run();
    } finally {
      this.log.push(`${name}:end`);
    }
  }
  listSheets() {
    return this.timed("list", () => this.inner.listSheets());
  }
  readGrid(sheet: SheetRef) {
    return this.timed("read", () => this.inner.readGrid(sheet));
  }
  write(resolved: ResolvedWrite) {
    return this.timed("write", () => this.inner.write(resolved));
  }
  revert(sheet: SheetRef) {
    return this.timed("revert", () => this.inner.revert(sheet));
  }
  readSnapshot(sheet: SheetRef) {
    return this.timed("snapshot", () => this.inner.readSnapshot(sheet));
  }
}

beforeEach(() => {
  seen.length = 0;
});

describe("recompute service", () => {
  test("reads the first listed sheet, writes the resolved cells once", async () => {
    const book = new MemoryWorkbook([smallGrid(), { ...smallGrid(), sheetName: "其他" }]);
    const result = await createRecomputeService(book).recompute();
    if (result.noTable) throw new Error("expected a table");
    expect(result.sheet).toEqual({ name: "自评表" });
    expect(result.writtenCells).toBe(1);
    expect(book.writeCount).toBe(1);
    expect((await book.readGrid({ name: "自评表" })).cells[5][8].value).toBe(1);
    expect((await book.readGrid({ name: "其他" })).cells[5][8].value).toBeNull();
  });

  test("no table: a result saying why, nothing written", async () => {
    const book = new MemoryWorkbook([{ ...smallGrid(), sheetName: "空" }]);
    const result = await createRecomputeService(book).recompute();
    expect(result).toEqual({
      noTable: true,
      sheet: { name: "空" },
      reason: "no-table",
      detail: "没有绩效指标表头",
    });
    expect(book.writeCount).toBe(0);
  });

  test("a dry run evaluates without writing", async () => {
    const book = new MemoryWorkbook([smallGrid()]);
    const result = await createRecomputeService(book).recompute({ dryRun: true });
    expect(result.noTable).toBeUndefined();
    expect(book.writeCount).toBe(0);
  });

  test("two calls in a row never interleave: the second reads what the first wrote", async () => {
    const port = new SlowPort(new MemoryWorkbook([smallGrid()]));
    const service = createRecomputeService(port);
    const [a, b] = await Promise.all([service.recompute(), service.recompute()]);
    expect(port.log).toEqual([
      "list:start",
      "list:end",
      "read:start",
      "read:end",
      "write:start",
      "write:end",
      "list:start",
      "list:end",
      "read:start",
      "read:end",
      "write:start",
      "write:end",
    ]);
    expect(seen[0].snapshot).toBeUndefined();
    expect(seen[1].snapshot?.cells.I6).toEqual({
      value: null,
      numberFormat: "General",
      fill: null,
      note: null,
    });
    expect(a.noTable || b.noTable).toBeFalsy();
  });

  test("a revert asked for during a recompute waits for it", async () => {
    const port = new SlowPort(new MemoryWorkbook([smallGrid()]));
    const service = createRecomputeService(port);
    const sheet = { name: "自评表" };
    const [, restored] = await Promise.all([service.recompute({ sheet }), service.revert(sheet)]);
    expect(restored).toBe(1);
    expect(port.log).toEqual([
      "read:start",
      "read:end",
      "write:start",
      "write:end",
      "revert:start",
      "revert:end",
    ]);
  });

  test("a protected sheet: the host's PROTECTED error passes through unchanged, and the queue goes on", async () => {
    const book = new MemoryWorkbook([
      { ...smallGrid(), protected: true },
      { ...smallGrid(), sheetName: "其他" },
    ]);
    const service = createRecomputeService(book);
    const first = service.recompute({ sheet: { name: "自评表" } });
    const second = service.recompute({ sheet: { name: "其他" } });
    await expect(first).rejects.toMatchObject({ name: "HostError", code: "PROTECTED" });
    await expect(second).resolves.toMatchObject({ writtenCells: 1 });
  });

  test("the very HostError instance is passed through", async () => {
    const error = new HostError("EDIT_MODE", "请先按 Enter 结束单元格编辑。");
    const book = new MemoryWorkbook([smallGrid()]);
    book.write = () => Promise.reject(error);
    await expect(createRecomputeService(book).recompute()).rejects.toBe(error);
  });

  test("other failures become HostError UNKNOWN keeping the cause", async () => {
    const cause = new TypeError("boom");
    const book = new MemoryWorkbook([smallGrid()]);
    book.readGrid = () => Promise.reject(cause);
    const error = await createRecomputeService(book)
      .recompute()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: "UNKNOWN", message: "boom", cause });
  });

  test("revert with nothing to revert reports NOTHING_TO_REVERT", async () => {
    const service = createRecomputeService(new MemoryWorkbook([smallGrid()]));
    await expect(service.revert()).rejects.toMatchObject({ code: "NOTHING_TO_REVERT" });
  });

  test("an empty workbook is reported as EMPTY", async () => {
    await expect(createRecomputeService(new MemoryWorkbook([])).recompute()).rejects.toMatchObject({
      code: "EMPTY",
    });
  });
});
