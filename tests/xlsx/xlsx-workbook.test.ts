/**
 * The .xlsx host on its own: what it reads from real ExcelJS workbooks, and that writing and
 * restoring touch only what the plan changes and put originals back exactly.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellState } from "../../src/domain/grid";
import type { ResolvedWrite } from "../../src/domain/plan-types";
import { HostError } from "../../src/hosts/workbook-port";
import { applyTint, colorToHex, themePalette } from "../../src/hosts/xlsx/colors";
import { sniffFile } from "../../src/hosts/xlsx/sniff";
import { PackageWorkbook } from "../../src/hosts/xlsx/package-workbook";
import { STORE_SHEET } from "../../src/hosts/xlsx/package-workbook";
import { encodeSnapshotTable } from "../../src/hosts/snapshot-codec";
import { dumpWorkbook, loadXlsx, changedCells, noteText } from "./dump";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A small sheet with the kinds of cells real forms hold; the table starts at B3. */
async function sampleBytes(options: { protect?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  ws.getCell("B3").value = "三级指标";
  ws.getCell("C3").value = 0.973;
  ws.getCell("C3").numFmt = "0.00%";
  ws.getCell("D3").value = 3106.43;
  ws.getCell("D3").numFmt = "#,##0.00";
  ws.getCell("E3").value = { formula: "D3*2", result: 6212.86 } as ExcelJS.CellValue;
  ws.getCell("F3").value = {
    richText: [{ text: "44.92" }, { font: { bold: true }, text: "万人" }],
  };
  ws.getCell("G3").value = new Date(Date.UTC(2021, 11, 31));
  ws.getCell("G3").numFmt = 'yyyy"年"m"月"d"日"';
  ws.mergeCells("B4:C5");
  ws.getCell("B4").value = "产出指标";
  // Two cells sharing one style, one of them with a theme fill and a note.
  for (const addr of ["D4", "E4", "D5", "E5"]) {
    ws.getCell(addr).style = {
      border: BORDER,
      font: { name: "宋体", size: 10, bold: true },
      alignment: { wrapText: true },
    };
  }
  ws.getCell("D4").value = 2;
  ws.getCell("E4").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { theme: 4, tint: 0.3999 },
  } as ExcelJS.Fill;
  ws.getCell("E5").note = "原批注";
  ws.getCell("E5").value = 1;
  ws.getColumn(2).width = 30;
  const other = wb.addWorksheet("说明");
  other.getCell("A1").value = "不要改动";
  other.getCell("A2").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
  if (options.protect) await ws.protect("", {});
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function withFill(cell: ExcelJS.Cell, argb: string): Partial<ExcelJS.Style> {
  return { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb } } };
}

function state(partial: Partial<CellState>): CellState {
  return { value: null, numberFormat: "General", fill: null, note: null, ...partial };
}

describe("reading a sheet into a CellGrid", () => {
  test("values, displayed text, formats, formulas, rich text, dates, merges, fills and notes", async () => {
    const book = PackageWorkbook.fromBytes(await sampleBytes());
    expect(await book.listSheets()).toEqual([{ name: "表" }, { name: "说明" }]);
    const grid = await book.readGrid({ name: "表" });
    // The used range starts at B3: coordinates stay absolute.
    expect([grid.originRow, grid.originCol]).toEqual([2, 1]);
    const at = (a1: string) => {
      const m = /^([A-Z])(\d+)$/.exec(a1)!;
      return grid.cells[Number(m[2]) - 1 - grid.originRow][
        m[1].charCodeAt(0) - 65 - grid.originCol
      ];
    };
    expect(at("C3")).toMatchObject({ value: 0.973, text: "97.30%", numberFormat: "0.00%" });
    expect(at("D3")).toMatchObject({ value: 3106.43, text: "3,106.43" });
    expect(at("E3")).toMatchObject({ value: 6212.86, text: "6212.86", formula: "D3*2" });
    expect(at("F3")).toMatchObject({ value: "44.92万人", text: "44.92万人" });
    expect(at("G3")).toMatchObject({ text: "2021年12月31日" });
    expect(at("B4")).toMatchObject({ value: "产出指标" });
    // A merged area's value lives in its top-left cell only, as in Excel.
    expect(at("C5")).toMatchObject({ value: null, text: "" });
    expect(grid.merges).toEqual([{ top: 3, left: 1, bottom: 4, right: 2 }]);
    // ExcelJS writes its own theme (accent1 4F81BD); lighter 40% is Excel's tint over HSL lightness.
    expect(at("E4").fill).toBe(`#${applyTint("4F81BD", 0.3999)}`);
    expect(at("D4").fill).toBeNull();
    expect(at("E5").note).toBe("原批注");
    expect(grid.protected).toBe(false);
    expect(grid.snapshot).toBeUndefined();
  });

  test("a protected sheet is reported as protected", async () => {
    const book = PackageWorkbook.fromBytes(await sampleBytes({ protect: true }));
    expect((await book.readGrid({ name: "表" })).protected).toBe(true);
  });
});

describe("writing and restoring", () => {
  // D4 gets a score and a fill and a note; E4 (theme fill) gets our fill; E5 keeps its note.
  const snapshot = {
    sheetName: "表",
    cells: {
      D4: state({ value: 2 }),
      E4: state({ value: null, fill: `#${applyTint("4F81BD", 0.3999)}` }),
    },
  };
  const scored: ResolvedWrite = {
    sheetName: "表",
    cells: [
      {
        row: 3,
        col: 3,
        address: "D4",
        state: state({ value: 1.5, fill: "#FFC7CE", note: "得分 1.5" }),
      },
      { row: 3, col: 4, address: "E4", state: state({ value: null, fill: "#FFEB9C" }) },
    ],
    snapshot,
  };

  test("only the planned aspects change; shared styles, borders, fonts, merges and other sheets survive", async () => {
    const input = await sampleBytes();
    const book = PackageWorkbook.fromBytes(input);
    await book.write(scored);
    const output = Buffer.from(book.toBytes());
    const before = await dumpWorkbook(input);
    const after = await dumpWorkbook(output);
    expect(changedCells(before["表"], after["表"]).sort()).toEqual(["D4", "E4"]);
    const d4 = after["表"].cells.D4 as any;
    expect(d4.value).toBe(1.5);
    expect(noteText(d4.note)).toBe("得分 1.5");
    expect(d4.style.fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFFC7CE" },
      // Excel's own solid fills carry the automatic background colour too.
      bgColor: { indexed: 64 },
    });
    expect(d4.style.border).toEqual((before["表"].cells.D4 as any).style.border);
    expect(d4.style.font).toEqual((before["表"].cells.D4 as any).style.font);
    // D5 shared D4's style object in ExcelJS: it must not have picked up our fill.
    expect(after["表"].cells.D5).toEqual(before["表"].cells.D5);
    expect(after["表"].merges).toEqual(before["表"].merges);
    expect(after["表"].widths).toEqual(before["表"].widths);
    expect(after["说明"]).toEqual(before["说明"]);
    // The snapshot sheet is there, very hidden, and not offered for scoring.
    expect(after[STORE_SHEET].state).toBe("veryHidden");
    const reread = PackageWorkbook.fromBytes(output);
    expect((await reread.listSheets()).map((s) => s.name)).toEqual(["表", "说明"]);
    const stored = (await reread.readGrid({ name: "表" })).snapshot!;
    expect(stored.cells).toEqual(snapshot.cells);
    // The record of our write is what the cells show after it, as this host reads them.
    expect(stored.written!.D4).toEqual({
      value: 1.5,
      numberFormat: "General",
      fill: "#FFC7CE",
      note: "得分 1.5",
    });
  });

  test("a mark that no longer applies leaves the cell exactly as it was, theme fill included", async () => {
    const input = await sampleBytes();
    const first = PackageWorkbook.fromBytes(input);
    await first.write(scored);
    const second = PackageWorkbook.fromBytes(Buffer.from(first.toBytes()));
    await second.write({
      sheetName: "表",
      cells: [
        { row: 3, col: 3, address: "D4", state: state({ value: 1.5, fill: "#FFC7CE" }) },
        { row: 3, col: 4, address: "E4", state: snapshot.cells.E4 },
      ],
      snapshot,
    });
    const before = await dumpWorkbook(input);
    const after = await dumpWorkbook(Buffer.from(second.toBytes()));
    expect(after["表"].cells.E4).toEqual(before["表"].cells.E4);
    expect((after["表"].cells.D4 as any).note).toBeUndefined();
  });

  test("revert puts every touched cell back and drops the snapshot sheet", async () => {
    const input = await sampleBytes();
    const first = PackageWorkbook.fromBytes(input);
    await first.write(scored);
    const scoredBook = PackageWorkbook.fromBytes(Buffer.from(first.toBytes()));
    expect(await scoredBook.revert({ name: "表" })).toBe(2);
    const before = await dumpWorkbook(input);
    const after = await dumpWorkbook(Buffer.from(scoredBook.toBytes()));
    expect(after).toEqual(before);
    await expect(scoredBook.revert({ name: "表" })).rejects.toMatchObject({
      code: "NOTHING_TO_REVERT",
    });
  });

  test("an edit made after scoring becomes the new original instead of being undone", async () => {
    const first = PackageWorkbook.fromBytes(await sampleBytes());
    await first.write(scored);
    const wb = await loadXlsx(Buffer.from(first.toBytes()));
    wb.getWorksheet("表")!.getCell("E4").value = "已补充说明";
    const edited = PackageWorkbook.fromBytes(Buffer.from(await wb.xlsx.writeBuffer()));
    const grid = await edited.readGrid({ name: "表" });
    expect(grid.snapshot!.cells.E4.value).toBe("已补充说明");
    // The fill is still ours, so its original stays the theme colour.
    expect(grid.snapshot!.cells.E4.fill).toBe(snapshot.cells.E4.fill);
  });

  test("a protected sheet refuses the write and nothing changes", async () => {
    const input = await sampleBytes({ protect: true });
    const book = PackageWorkbook.fromBytes(input);
    await expect(book.write(scored)).rejects.toMatchObject({ code: "PROTECTED" });
    expect(await dumpWorkbook(Buffer.from(book.toBytes()))).toEqual(await dumpWorkbook(input));
  });

  test("a long snapshot is split across cells and read back whole", async () => {
    const long = "说明".repeat(40000);
    const wb = await loadXlsx(await sampleBytes());
    wb.getWorksheet("表")!.getCell("D4").note = long;
    const book = PackageWorkbook.fromBytes(Buffer.from(await wb.xlsx.writeBuffer()));
    const bigSnapshot = { sheetName: "表", cells: { D4: state({ value: 2, note: long }) } };
    await book.write({
      sheetName: "表",
      cells: [{ row: 3, col: 3, address: "D4", state: state({ value: 1.5, note: "短" }) }],
      snapshot: bigSnapshot,
    });
    const output = Buffer.from(book.toBytes());
    const store = (await loadXlsx(output)).getWorksheet(STORE_SHEET)!;
    expect(store.actualRowCount).toBeGreaterThan(3);
    const reread = PackageWorkbook.fromBytes(output);
    expect((await reread.readSnapshot({ name: "表" }))!.cells.D4.note).toBe(long);
    await reread.revert({ name: "表" });
    const back = await dumpWorkbook(Buffer.from(reread.toBytes()));
    expect((back["表"].cells.D4 as any).note).toBe(long);
  });
});

describe("shared formulas (a score column filled down in Excel)", () => {
  test("overwriting the master keeps its copies' formulas; revert brings the master back", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (let r = 1; r <= 4; r++) ws.getCell(`A${r}`).value = r;
    (ws as any).fillFormula("B1:B4", "A1*2", [2, 4, 6, 8]);
    const book = PackageWorkbook.fromBytes(Buffer.from(await wb.xlsx.writeBuffer()));
    expect((await book.readGrid({ name: "S" })).cells[2][1]).toMatchObject({
      value: 6,
      formula: "A3*2",
    });
    const original = state({ value: 2, formula: "A1*2" });
    await book.write({
      sheetName: "S",
      cells: [{ row: 0, col: 1, address: "B1", state: state({ value: 99 }) }],
      snapshot: { sheetName: "S", cells: { B1: original } },
    });
    const scored = await loadXlsx(Buffer.from(book.toBytes()));
    const s = scored.getWorksheet("S")!;
    expect(s.getCell("B1").value).toBe(99);
    expect(s.getCell("B3").value).toEqual({ formula: "A3*2", result: 6 });

    const again = PackageWorkbook.fromBytes(Buffer.from(await scored.xlsx.writeBuffer()));
    await again.revert({ name: "S" });
    const back = (await loadXlsx(Buffer.from(again.toBytes()))).getWorksheet("S")!;
    expect(back.getCell("B1").value).toMatchObject({ formula: "A1*2", result: 2 });
    expect(back.getCell("B4").formula).toBe("A4*2");
  });
});

describe("a snapshot another host wrote (the Excel add-in's table, no raw records)", () => {
  async function scoredElsewhere(notesTracked: boolean): Promise<Buffer> {
    const wb = await loadXlsx(await sampleBytes());
    const cell = wb.getWorksheet("表")!.getCell("D4");
    cell.value = 1.5;
    // A copy: ExcelJS shares one style object between D4 and D5.
    cell.style = withFill(cell, "FFFFC7CE");
    cell.note = "别处写的批注";
    const table = encodeSnapshotTable(
      new Map([
        ["表", { snapshot: { sheetName: "表", cells: { D4: state({ value: 2 }) } }, notesTracked }],
      ])
    );
    const store = wb.addWorksheet(STORE_SHEET, { state: "veryHidden" });
    table.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== "") store.getCell(r + 1, c + 1).value = v;
      })
    );
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  test("revert restores value and fill from the snapshot; notes it never read are left alone", async () => {
    const original = (await dumpWorkbook(await sampleBytes()))["表"].cells.D4 as any;
    for (const notesTracked of [true, false]) {
      const book = PackageWorkbook.fromBytes(await scoredElsewhere(notesTracked));
      expect((await book.readGrid({ name: "表" })).snapshot!.cells.D4.value).toBe(2);
      expect(await book.revert({ name: "表" })).toBe(1);
      const after = await dumpWorkbook(Buffer.from(book.toBytes()));
      const d4 = after["表"].cells.D4 as any;
      expect(d4.value).toBe(2);
      expect(d4.style).toEqual(original.style);
      expect(d4.note).toBe(notesTracked ? undefined : "别处写的批注");
      expect(after[STORE_SHEET]).toBeUndefined();
    }
  });
});

describe("telling bad files apart", () => {
  test("text, legacy .xls, encrypted, a zip that is no workbook, a damaged workbook", async () => {
    const text = Buffer.from("项目,得分\n科普,3\n", "utf8");
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    const encrypted = Buffer.concat([ole, Buffer.from("EncryptedPackage", "utf16le")]);
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const docx = await zip.generateAsync({ type: "nodebuffer" });
    const good = await sampleBytes();
    const truncated = good.subarray(0, Math.floor(good.length / 2));

    expect(sniffFile(text)).toBe("not-xlsx");
    expect(sniffFile(ole)).toBe("xls");
    expect(sniffFile(encrypted)).toBe("encrypted");
    expect(sniffFile(docx)).toBe("zip-not-xlsx");
    expect(sniffFile(good)).toBe("xlsx");

    const codeOf = (bytes: Buffer) =>
      Promise.resolve()
        .then(
          async () => (await PackageWorkbook.fromBytes(bytes).readGrid({ name: "表" })) && "loaded"
        )
        .catch((e: HostError) => e.code);
    expect(await codeOf(text)).toBe("NOT_XLSX");
    expect(await codeOf(ole)).toBe("NOT_XLSX");
    expect(await codeOf(encrypted)).toBe("ENCRYPTED");
    expect(await codeOf(docx)).toBe("NOT_XLSX");
    expect(await codeOf(truncated)).toBe("CORRUPT");
    expect(await codeOf(good)).toBe("loaded");
  });
});

describe("colours", () => {
  test("ARGB, theme with tint, legacy index; Excel's published tints of the Office theme", () => {
    const office = themePalette(undefined);
    expect(colorToHex({ argb: "FFFFEB9C" })).toBe("#FFEB9C");
    expect(colorToHex({ theme: 4 }, office)).toBe("#4472C4");
    // Excel's "White, Background 1, Darker 15%" and "Blue, Accent 1, Darker 25%".
    expect(colorToHex({ theme: 0, tint: -0.1499 }, office)).toBe("#D9D9D9");
    expect(colorToHex({ theme: 4, tint: -0.2499 }, office)).toBe("#2F5597");
    expect(colorToHex({ indexed: 2 })).toBe("#FF0000");
    expect(colorToHex({ indexed: 64 })).toBeNull();
    expect(colorToHex(undefined)).toBeNull();
  });

  test("the palette comes from the workbook's theme part", () => {
    const xml =
      '<a:clrScheme name="x"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>' +
      '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1F497D"/></a:dk2>' +
      '<a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="156082"/></a:accent1></a:clrScheme>';
    const palette = themePalette(xml);
    expect(palette.slice(0, 5)).toEqual(["FFFFFF", "000000", "EEECE1", "1F497D", "156082"]);
  });
});
