/**
 * The raw records of the .xlsx host's snapshot store: each distinct style is stored once, and
 * files scored before that (every record carrying its own style) still revert exactly.
 */
import ExcelJS from "exceljs";
import type { CellState } from "../../src/domain/grid";
import type { ResolvedWrite } from "../../src/domain/plan-types";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { STORE_SHEET } from "../../src/hosts/xlsx/snapshot-store";
import { dumpWorkbook, loadXlsx } from "./dump";

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
    if (typeof key === "string" && key.startsWith("xlsx-raw:")) {
      rows.push(n);
      json += String(row.getCell(3).value).slice(1);
    }
  });
  return { rows, json };
}

describe("raw records in the snapshot store", () => {
  test("a style shared by several touched cells is stored once", async () => {
    const book = await XlsxWorkbook.fromBytes(await formBytes());
    await book.write(SCORED);
    const { json } = rawJson(await loadXlsx(await book.toBuffer()));
    const parsed = JSON.parse(json) as { styles: unknown[]; xlsxRawStyled: object };
    // Five cells share one style; B6 has its own (a theme fill).
    expect(parsed.styles).toHaveLength(2);
    expect(Object.keys(parsed.xlsxRawStyled)).toHaveLength(6);
    expect(json.split('"宋体"').length - 1).toBe(2);
  });

  test("a file whose records carry their own styles (the earlier form) still reverts exactly", async () => {
    const input = await formBytes();
    const book = await XlsxWorkbook.fromBytes(input);
    await book.write(SCORED);
    // Rewrite the records the way earlier versions stored them: {"xlsxRaw": {address: record}}.
    const wb = await loadXlsx(await book.toBuffer());
    const { rows, json } = rawJson(wb);
    const styled = JSON.parse(json) as {
      styles: object[];
      xlsxRawStyled: Record<string, { style: number }>;
    };
    const inline = Object.fromEntries(
      Object.entries(styled.xlsxRawStyled).map(([a, r]) => [
        a,
        { ...r, style: styled.styles[r.style] },
      ])
    );
    const store = wb.getWorksheet(STORE_SHEET)!;
    store.getCell(rows[0], 3).value = "~" + JSON.stringify({ xlsxRaw: inline });
    for (const n of rows.slice(1)) store.spliceRows(n, 1);
    const old = await XlsxWorkbook.fromBytes(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(await old.revert({ name: "表" })).toBe(6);
    expect(await dumpWorkbook(await old.toBuffer())).toEqual(await dumpWorkbook(input));
  });

  test("records pointing at a missing style are ignored, not misapplied", async () => {
    const input = await formBytes();
    const book = await XlsxWorkbook.fromBytes(input);
    await book.write(SCORED);
    const wb = await loadXlsx(await book.toBuffer());
    const { rows, json } = rawJson(wb);
    const damaged = json.replace('"style":0', '"style":7');
    expect(damaged).not.toBe(json);
    const store = wb.getWorksheet(STORE_SHEET)!;
    store.getCell(rows[0], 3).value = "~" + damaged;
    for (const n of rows.slice(1)) store.spliceRows(n, 1);
    const reread = await XlsxWorkbook.fromBytes(Buffer.from(await wb.xlsx.writeBuffer()));
    // The snapshot itself still restores every value and note.
    expect(await reread.revert({ name: "表" })).toBe(6);
    const after = (await dumpWorkbook(await reread.toBuffer()))["表"].cells as Record<
      string,
      { value: unknown; note?: unknown }
    >;
    expect([1, 2, 3, 4, 5, 6].map((r) => after[`B${r}`].value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(after.B6.note).toBe("原批注");
  });

  test("a date cell overwritten by a score comes back as the same date", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.getCell("C2").value = new Date(Date.UTC(2021, 11, 31));
    ws.getCell("C2").numFmt = "yyyy-mm-dd";
    const input = Buffer.from(await wb.xlsx.writeBuffer());
    const book = await XlsxWorkbook.fromBytes(input);
    await book.write({
      sheetName: "表",
      cells: [{ row: 1, col: 2, address: "C2", state: state({ value: 3 }) }],
      snapshot: {
        sheetName: "表",
        cells: { C2: state({ value: "2021-12-31", numberFormat: "yyyy-mm-dd" }) },
      },
    });
    const reread = await XlsxWorkbook.fromBytes(await book.toBuffer());
    expect(await reread.revert({ name: "表" })).toBe(1);
    const back = await loadXlsx(await reread.toBuffer());
    expect(back.getWorksheet("表")!.getCell("C2").value).toEqual(new Date(Date.UTC(2021, 11, 31)));
    expect(await dumpWorkbook(await reread.toBuffer())).toEqual(await dumpWorkbook(input));
  });
});
