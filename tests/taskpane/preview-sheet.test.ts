/**
 * The preview's pure parts: drawing a grid as a table (merges as spans, covered cells left out,
 * clipped to the used range), finding which drawn cell shows an address, the download's name, and
 * telling files apart from plain Uint8Array bytes as a browser hands them over (no Node Buffer).
 */
import type { CellGrid } from "../../src/domain/grid";
import { sniffFile } from "../../src/hosts/xlsx/sniff";
import { scoredName } from "../../src/taskpane/preview/file-name";
import { displayedAddress, layoutSheet } from "../../src/taskpane/preview/sheet-layout";
import { gridFromSpec } from "../fixtures/sheet-spec";

describe("layoutSheet", () => {
  // B2:D3 used range; C2:D2 merged; B3:B3 alone; a merge reaching past the range (D3:E4) is clipped.
  const grid: CellGrid = {
    ...gridFromSpec({ name: "s", rows: [[null]] }),
    originRow: 1,
    originCol: 1,
    cells: [
      [
        { value: "标题", text: "标题", numberFormat: "General" },
        { value: "合并", text: "合并", numberFormat: "General" },
        { value: null, text: "", numberFormat: "General" },
      ],
      [
        { value: 0.85, text: "0.85", numberFormat: "General", fill: "#FFEB9C", note: "说明" },
        { value: null, text: "", numberFormat: "General" },
        { value: "x", text: "x", numberFormat: "General" },
      ],
    ],
    merges: [
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 2, left: 3, bottom: 3, right: 4 },
    ],
  };

  test("columns and row numbers are the sheet's own, not the grid's indexes", () => {
    const layout = layoutSheet(grid);
    expect(layout.columns).toEqual(["B", "C", "D"]);
    expect(layout.rows.map((r) => r.rowNumber)).toEqual([2, 3]);
  });

  test("a merge is one cell with spans and the cells it covers are left out", () => {
    const [first, second] = layoutSheet(grid).rows;
    expect(first.cells.map((c) => [c.address, c.colSpan, c.rowSpan])).toEqual([
      ["B2", 1, 1],
      ["C2", 2, 1],
    ]);
    // D3:E4 reaches past column D and row 3: clipped to D3 alone.
    expect(second.cells.map((c) => [c.address, c.colSpan, c.rowSpan])).toEqual([
      ["B3", 1, 1],
      ["C3", 1, 1],
      ["D3", 1, 1],
    ]);
  });

  test("text, fill, note and number-ness travel to the drawn cell", () => {
    const b3 = layoutSheet(grid).rows[1].cells[0];
    expect(b3).toEqual({
      address: "B3",
      text: "0.85",
      rowSpan: 1,
      colSpan: 1,
      fill: "#FFEB9C",
      note: "说明",
      numeric: true,
    });
  });

  test("an address inside a merge is shown by the merge's top-left cell", () => {
    expect(displayedAddress(grid, "D2")).toBe("C2");
    expect(displayedAddress(grid, "C2")).toBe("C2");
    expect(displayedAddress(grid, "B3")).toBe("B3");
  });
});

describe("scoredName", () => {
  test("follows the command line's <name>.scored.xlsx", () => {
    expect(scoredName("自评表.xlsx")).toBe("自评表.scored.xlsx");
    expect(scoredName("report.XLSX")).toBe("report.scored.xlsx");
    expect(scoredName("noext")).toBe("noext.scored.xlsx");
    expect(scoredName("宏.xlsm")).toBe("宏.scored.xlsm");
    expect(scoredName("a.scored.xlsx")).toBe("a.scored.xlsx");
  });
});

describe("sniffFile over plain Uint8Array bytes", () => {
  const bytes = (...parts: (number[] | string)[]) =>
    new Uint8Array(
      parts.flatMap((p) => (typeof p === "string" ? [...p].map((ch) => ch.charCodeAt(0)) : p))
    );
  const zipHead = [0x50, 0x4b, 0x03, 0x04];
  const zipEnd = [0x50, 0x4b, 0x05, 0x06];
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const utf16 = (s: string) => [...s].flatMap((ch) => [ch.charCodeAt(0), 0]);

  test("tells each kind apart", () => {
    expect(sniffFile(bytes(zipHead, "....xl/workbook.xml....", zipEnd))).toBe("xlsx");
    expect(sniffFile(bytes(zipHead, "....word/document.xml..", zipEnd))).toBe("zip-not-xlsx");
    // A zip cut short (no end record) is left to the loader to call corrupt.
    expect(sniffFile(bytes(zipHead, "....word/document.xml.."))).toBe("xlsx");
    expect(sniffFile(bytes(ole, utf16("EncryptedPackage")))).toBe("encrypted");
    expect(sniffFile(bytes(ole, utf16("Workbook")))).toBe("xls");
    expect(sniffFile(bytes("项目名称,分值"))).toBe("not-xlsx");
    expect(sniffFile(new Uint8Array(0))).toBe("not-xlsx");
  });

  test("a part name split at the end of the bytes is not a match", () => {
    expect(sniffFile(bytes(zipHead, zipEnd, "xl/workbook.xm"))).toBe("zip-not-xlsx");
  });
});
