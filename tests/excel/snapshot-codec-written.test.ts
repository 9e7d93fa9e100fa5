/** The `_selfeval` table keeps what our last write left per cell, and still reads older tables. */
import type { CellState } from "../../src/domain/grid";
import {
  SNAPSHOT_MARKER,
  decodeSnapshotTable,
  encodeSnapshotTable,
  type StoredSnapshot,
} from "../../src/hosts/snapshot-codec";

const EMPTY: CellState = { value: null, numberFormat: "General", fill: null, note: null };
const MARKED: CellState = { ...EMPTY, fill: "#FFEB9C", note: "【绩效自评助手】请填写偏差原因" };

describe("snapshot table codec: `written`", () => {
  test("round-trips the record of our write next to the originals", () => {
    const stored: StoredSnapshot = {
      notesTracked: true,
      snapshot: {
        sheetName: "自评表",
        cells: { J13: EMPTY, I13: { ...EMPTY, value: 2, formula: "H13" } },
        written: { J13: MARKED, I13: { ...EMPTY, value: 1.85 } },
      },
    };
    const table = encodeSnapshotTable(new Map([["自评表", stored]]));
    expect(decodeSnapshotTable(table).get("自评表")).toEqual(stored);
  });

  test("a replaced formula and a cell we left as it was round-trip too", () => {
    const stored: StoredSnapshot = {
      notesTracked: true,
      snapshot: {
        sheetName: "自评表",
        cells: { I13: { ...EMPTY, value: 2, formula: "H13" }, J14: { ...EMPTY, value: "已说明" } },
        written: { I13: { ...EMPTY, value: 1.85 }, J14: { ...EMPTY, value: "已说明" } },
      },
    };
    const decoded = decodeSnapshotTable(encodeSnapshotTable(new Map([["自评表", stored]])));
    expect(decoded.get("自评表")!.snapshot.written).toEqual({
      I13: { value: 1.85, numberFormat: "General", fill: null, note: null },
      J14: { value: "已说明", numberFormat: "General", fill: null, note: null },
    });
  });

  test("the record of our write stores only what differs from the original", () => {
    const cells: Record<string, CellState> = {};
    const written: Record<string, CellState> = {};
    for (let row = 13; row < 113; row++) {
      cells[`I${row}`] = { ...EMPTY, value: "原得分", numberFormat: "0.00" };
      written[`I${row}`] = { ...EMPTY, value: 1.5, numberFormat: "0.00" };
    }
    // Characters stored in the table's cells.
    const size = (s: StoredSnapshot) =>
      encodeSnapshotTable(new Map([["S", s]]))
        .slice(1)
        .reduce((n, row) => n + String(row[2]).length, 0);
    const without = size({ notesTracked: true, snapshot: { sheetName: "S", cells } });
    const withWritten = size({ notesTracked: true, snapshot: { sheetName: "S", cells, written } });
    // Per cell `"I13":{"value":1.5},` (at most 21 characters), plus `,"written":{}` once.
    expect(withWritten - without).toBeLessThanOrEqual(100 * 21 + 13);
  });

  test("a table stored before `written` existed still loads, without it", () => {
    const legacy = [
      [SNAPSHOT_MARKER, 1, ""],
      [
        "自评表",
        0,
        '~{"v":1,"sheetName":"自评表","notesTracked":false,' +
          '"cells":{"J13":{"value":null,"numberFormat":"General","fill":null,"note":null}}}',
      ],
    ];
    const decoded = decodeSnapshotTable(legacy).get("自评表");
    expect(decoded).toEqual({
      notesTracked: false,
      snapshot: { sheetName: "自评表", cells: { J13: EMPTY } },
    });
    expect(decoded!.snapshot).not.toHaveProperty("written");
  });

  test("a damaged `written` is dropped; the originals still load", () => {
    const json =
      '{"v":1,"sheetName":"S","notesTracked":true,' +
      '"cells":{"J13":{"value":null,"numberFormat":"General","fill":null,"note":null}},' +
      '"written":{"J13":{"fill":42}}}';
    const decoded = decodeSnapshotTable([
      [SNAPSHOT_MARKER, 1, ""],
      ["S", 0, `~${json}`],
    ]).get("S");
    expect(decoded!.snapshot).toEqual({ sheetName: "S", cells: { J13: EMPTY } });
  });
});
