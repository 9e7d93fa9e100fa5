/**
 * The records of the .xlsx host's snapshot store: each touched cell's original `<c>` and `<comment>`
 * elements, as they stood in the file; damaged or foreign records fall back to the snapshot.
 */
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import type { CellState } from "../../src/domain/grid";
import type { ResolvedWrite } from "../../src/domain/plan-types";
import { PackageWorkbook } from "../../src/hosts/xlsx/package-workbook";
import { STORE_SHEET } from "../../src/hosts/xlsx/package-workbook";
import { dumpWorkbook, loadXlsx, noteText } from "./dump";

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const STYLE = {
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
  font: { name: "宋体", size: 10 },
  alignment: { wrapText: true },
};

function state(partial: Partial<CellState>): CellState {
  return { value: null, numberFormat: "General", fill: null, note: null, ...partial };
}

/** Six score cells with one shared style, one of them with a theme fill and a note. */
async function formBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("表");
  for (let r = 1; r <= 6; r++) {
    ws.getCell(`B${r}`).style = { ...STYLE };
    ws.getCell(`B${r}`).value = r;
  }
  ws.getCell("B6").fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { theme: 5, tint: -0.25 },
  } as ExcelJS.Fill;
  ws.getCell("B6").note = "原批注";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const SCORED: ResolvedWrite = {
  sheetName: "表",
  cells: [1, 2, 3, 4, 5, 6].map((r) => ({
    row: r - 1,
    col: 1,
    address: `B${r}`,
    state: state({ value: r / 2, fill: "#FFC7CE", note: `得分 ${r / 2}` }),
  })),
  snapshot: {
    sheetName: "表",
    cells: Object.fromEntries(
      [1, 2, 3, 4, 5, 6].map((r) => [`B${r}`, state({ value: r, note: r === 6 ? "原批注" : null })])
    ),
  },
};

/** The text of the raw-record parts in the store sheet, joined. */
function rawJson(wb: ExcelJS.Workbook): { rows: number[]; json: string } {
  const store = wb.getWorksheet(STORE_SHEET)!;
  const rows: number[] = [];
  let json = "";
  store.eachRow((row, n) => {
    const key = row.getCell(1).value;
    if (typeof key === "string" && key.startsWith("xlsx-xml:")) {
      rows.push(n);
      json += String(row.getCell(3).value).slice(1);
    }
  });
  return { rows, json };
}

/** The `<c>` element of `address` in the first worksheet part of a package, read independently. */
function cellElement(bytes: Buffer, address: string): string {
  const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
  const m = new RegExp(`<c r="${address}"[^>]*?(/>|>[\\s\\S]*?</c>)`).exec(xml);
  if (!m) throw new Error(`no ${address}`);
  return m[0];
}

/** Replace the records' JSON (one part) in the store sheet, the way another tool would edit it. */
async function withRecords(wb: ExcelJS.Workbook, key: string, json: string): Promise<Buffer> {
  const { rows } = rawJson(wb);
  const store = wb.getWorksheet(STORE_SHEET)!;
  store.getCell(rows[0], 1).value = key;
  store.getCell(rows[0], 3).value = "~" + json;
  for (const n of rows.slice(1).reverse()) store.spliceRows(n, 1);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("records in the snapshot store", () => {
  test("each touched cell's original <c> and note elements are kept as they stood", async () => {
    const input = await formBytes();
    const book = PackageWorkbook.fromBytes(input);
    await book.write(SCORED);
    const { json } = rawJson(await loadXlsx(Buffer.from(book.toBytes())));
    const records = JSON.parse(json) as Record<string, { cell: string; note: string | null }>;
    expect(Object.keys(records).sort()).toEqual(["B1", "B2", "B3", "B4", "B5", "B6"]);
    for (const address of Object.keys(records))
      expect(records[address].cell).toBe(cellElement(input, address));
    expect(records.B6.note).toContain("原批注");
    expect(records.B1.note).toBeNull();
  });

  test("records of the earlier ExcelJS host are not applied: the snapshot restores values and notes", async () => {
    const input = await formBytes();
    const book = PackageWorkbook.fromBytes(input);
    await book.write(SCORED);
    const wb = await loadXlsx(Buffer.from(book.toBytes()));
    const old = PackageWorkbook.fromBytes(
      await withRecords(wb, "xlsx-raw:表", JSON.stringify({ xlsxRaw: { B1: { value: 77 } } }))
    );
    expect(await old.revert({ name: "表" })).toBe(6);
    const after = (await dumpWorkbook(Buffer.from(old.toBytes())))["表"].cells as Record<
      string,
      { value: unknown; note?: unknown }
    >;
    expect([1, 2, 3, 4, 5, 6].map((r) => after[`B${r}`].value)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test("damaged records are ignored, not misapplied", async () => {
    const input = await formBytes();
    const book = PackageWorkbook.fromBytes(input);
    await book.write(SCORED);
    const wb = await loadXlsx(Buffer.from(book.toBytes()));
    const { json } = rawJson(wb);
    const damaged = json.replace('"cell":"<c', '"cell":7,"x":"<c');
    expect(damaged).not.toBe(json);
    const reread = PackageWorkbook.fromBytes(await withRecords(wb, "xlsx-xml:表", damaged));
    // The snapshot itself still restores every value and note.
    expect(await reread.revert({ name: "表" })).toBe(6);
    const after = (await dumpWorkbook(Buffer.from(reread.toBytes())))["表"].cells as Record<
      string,
      { value: unknown; note?: unknown }
    >;
    expect([1, 2, 3, 4, 5, 6].map((r) => after[`B${r}`].value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(noteText(after.B6.note)).toBe("原批注");
  });

  test("a date cell overwritten by a score comes back as the same date", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("C2").value = new Date(Date.UTC(2021, 11, 31));
    ws.getCell("C2").numFmt = "yyyy-mm-dd";
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const book = PackageWorkbook.fromBytes(input);
    await book.write({
      sheetName: "表",
      cells: [{ row: 1, col: 2, address: "C2", state: state({ value: 3 }) }],
      snapshot: {
        sheetName: "表",
        cells: { C2: state({ value: "2021-12-31", numberFormat: "yyyy-mm-dd" }) },
      },
    });
    const reread = PackageWorkbook.fromBytes(Buffer.from(book.toBytes()));
    expect(await reread.revert({ name: "表" })).toBe(1);
    const back = await loadXlsx(Buffer.from(reread.toBytes()));
    expect(back.getWorksheet("表")!.getCell("C2").value).toEqual(new Date(Date.UTC(2021, 11, 31)));
    expect(await dumpWorkbook(Buffer.from(reread.toBytes()))).toEqual(await dumpWorkbook(input));
  });
});
