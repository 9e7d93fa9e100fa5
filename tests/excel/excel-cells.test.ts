/** The pure half of the Excel host: input quoting, address parsing, write grouping, snapshot codec. */
import type { CellState } from "../../src/domain/grid";
import type { ResolvedCell } from "../../src/domain/plan-types";
import {
  batchRuns,
  columnRuns,
  fillFromProperties,
  fillSpans,
  formulaInput,
  parseAreaAddresses,
  toExcelInput,
} from "../../src/hosts/excel/excel-cells";
import {
  decodeSnapshotTable,
  encodeSnapshotTable,
  SNAPSHOT_PART_CHARS,
  type StoredSnapshot,
} from "../../src/hosts/snapshot-codec";

const state = (value: CellState["value"], extra: Partial<CellState> = {}): CellState => ({
  value,
  numberFormat: "General",
  fill: null,
  note: null,
  ...extra,
});
const cell = (row: number, col: number, s: CellState = state(1)): ResolvedCell => ({
  row,
  col,
  address: `${String.fromCharCode(65 + col)}${row + 1}`,
  state: s,
});

describe("values written to Excel", () => {
  test.each([
    ["99.82%", "'99.82%"],
    ["12", "'12"],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["-", "'-"],
    ["TRUE", "'TRUE"],
    ["'quoted", "''quoted"],
    ["256人次", "'256人次"],
    ["优", "优"],
    ["受疫情影响", "受疫情影响"],
  ])("text %s is sent as %s so Excel does not reinterpret it", (text, sent) => {
    expect(toExcelInput(text)).toBe(sent);
  });

  test("numbers, booleans and empty cells pass as they are; formulas get their =", () => {
    expect(toExcelInput(9.98)).toBe(9.98);
    expect(toExcelInput(false)).toBe(false);
    expect(toExcelInput(null)).toBe("");
    expect(formulaInput(state(98.83, { formula: "SUM(I13:I37)" }))).toBe("=SUM(I13:I37)");
  });

  test("fills: pattern None is no fill, whatever colour Excel reports", () => {
    expect(fillFromProperties({ color: "#FFFFFF", pattern: "None" })).toBeNull();
    expect(fillFromProperties({ color: "#ffeb9c", pattern: "Solid" })).toBe("#FFEB9C");
    expect(fillFromProperties(undefined)).toBeNull();
  });
});

describe("merged area addresses", () => {
  test("sheet names with quotes, commas and CJK; single cells; absolute refs", () => {
    expect(parseAreaAddresses("'项目, 表'!B5:B9, '项目, 表'!$C$13:$C$33, Sheet1!D4")).toEqual([
      { top: 4, left: 1, bottom: 8, right: 1 },
      { top: 12, left: 2, bottom: 32, right: 2 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
  });
});

describe("grouping writes", () => {
  test("cells become vertical runs per column, fills become spans", () => {
    const cells = [
      cell(5, 7),
      cell(12, 8, state(3, { fill: "#FFEB9C" })),
      cell(13, 8, state(2, { fill: "#FFEB9C" })),
      cell(14, 8),
      cell(16, 8),
      cell(5, 8),
    ];
    const runs = columnRuns(cells);
    expect(runs.map((r) => [r.col, r.top, r.cells.length])).toEqual([
      [7, 5, 1],
      [8, 5, 1],
      [8, 12, 3],
      [8, 16, 1],
    ]);
    expect(fillSpans(runs[2])).toEqual([
      { top: 12, rows: 2, fill: "#FFEB9C" },
      { top: 14, rows: 1, fill: null },
    ]);
  });

  test("batches stay under the budget and keep every cell exactly once", () => {
    const cells = Array.from({ length: 3000 }, (_, i) =>
      cell(i, i % 3, state(`说明文字 ${i}`, { note: "批注".repeat(20) }))
    );
    const batches = batchRuns(columnRuns(cells), 50_000);
    expect(batches.length).toBeGreaterThan(1);
    const seen = batches.flat().flatMap((r) => r.cells.map((c) => c.address));
    expect(seen.sort()).toEqual(cells.map((c) => c.address).sort());
  });
});

describe("snapshot table codec", () => {
  const stored = (sheet: string, n: number, notesTracked = true): StoredSnapshot => ({
    notesTracked,
    snapshot: {
      sheetName: sheet,
      cells: Object.fromEntries(
        Array.from({ length: n }, (_, i) => [
          `I${i + 1}`,
          state(i % 2 ? `=x${i}` : i, { note: "注" }),
        ])
      ),
    },
  });

  test("round-trips several sheets, slicing long JSON into parts that never look like numbers", () => {
    const map = new Map([
      ["表一", stored("表一", 3)],
      ["Big", stored("Big", 2000, false)],
    ]);
    const table = encodeSnapshotTable(map);
    const bigParts = table.filter((r) => r[0] === "Big");
    expect(bigParts.length).toBeGreaterThan(1);
    expect(bigParts.every((r) => String(r[2]).length <= SNAPSHOT_PART_CHARS + 1)).toBe(true);
    expect(table.slice(1).every((r) => String(r[2]).startsWith("~"))).toBe(true);
    expect(decodeSnapshotTable(table)).toEqual(map);
  });

  test("a damaged table yields no snapshot rather than a wrong one", () => {
    const table = encodeSnapshotTable(new Map([["Big", stored("Big", 2000)]]));
    const missingPart = table.filter((_, i) => i !== 2);
    expect(decodeSnapshotTable(missingPart).has("Big")).toBe(false);
    expect(decodeSnapshotTable([["something else"]]).size).toBe(0);
    expect(decodeSnapshotTable([]).size).toBe(0);
  });
});
