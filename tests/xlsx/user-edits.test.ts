/**
 * The CLI's host (ExcelJS) agrees with the engine on a user's edit made after scoring: the reason
 * typed into the highlighted J13 of the seed is kept by the rescore and by revert, whether our
 * earlier write was this host's (raw records) or the Excel add-in's (only the shared snapshot).
 * Seed row 13 (44.9204万人 vs ≥30万人, 149.73%) needs a reason by RULES A2; J13 starts empty.
 */
import { createRecomputeService, type RecomputeResult } from "../../src/app/recompute";
import { cellAt } from "../../src/domain/grid";
import { MARK_FILLS } from "../../src/domain/plan";
import { currentOriginals } from "../../src/domain/resolve";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { encodeSnapshotTable } from "../../src/hosts/snapshot-codec";
import ExcelJS from "exceljs";
import { STORE_SHEET } from "../../src/hosts/xlsx/package-workbook";
import { specsToXlsx } from "../support/write-spec";
import { PackageWorkbook } from "../../src/hosts/xlsx/package-workbook";
import { seed } from "../../src/sample/seed";
import { gridFromSpec } from "../../src/sample/sheet-spec";
import { dumpWorkbook } from "./dump";

const REASON = "科普信息员队伍扩充超出预期，下年度将据实调整目标值";
const SHEET = { name: seed.name };

function row13Codes(result: RecomputeResult) {
  if (result.noTable) throw new Error("no table");
  return result.evaluation.indicators.find((i) => i.scoreCell === "I13")!.codes;
}

/** Opens bytes, lets `edit` change the ExcelJS workbook, and returns the saved bytes. */
async function edited(bytes: Buffer, edit: (ws: import("exceljs").Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  edit(wb.getWorksheet(seed.name)!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function scoreAndSave(bytes: Buffer): Promise<{ bytes: Buffer; result: RecomputeResult }> {
  const book = PackageWorkbook.fromBytes(bytes);
  const result = await createRecomputeService(book).recompute({ sheet: SHEET });
  return { bytes: Buffer.from(book.toBytes()), result };
}

describe("xlsx host: a reason typed into J13 after scoring", () => {
  test("the rescore keeps it and drops our fill; revert leaves it; the engine sees nothing more to take over", async () => {
    const input = await specsToXlsx([seed]);
    const first = await scoreAndSave(input);
    expect(row13Codes(first.result)).toEqual(["OVER_TARGET", "NOTE_MISSING"]);
    const typed = await edited(first.bytes, (ws) => {
      ws.getCell("J13").value = REASON;
    });

    const reread = PackageWorkbook.fromBytes(typed);
    const grid = await reread.readGrid(SHEET);
    // The host already took the edit over as J13's original, exactly as the engine would.
    expect(grid.snapshot!.cells.J13.value).toBe(REASON);
    expect(currentOriginals(grid.snapshot!, grid)).toEqual(grid.snapshot!.cells);

    const second = await scoreAndSave(typed);
    expect(row13Codes(second.result)).toEqual(["OVER_TARGET"]);
    const original = (await dumpWorkbook(input))[seed.name].cells.J13;
    const rescored = (await dumpWorkbook(second.bytes))[seed.name].cells.J13;
    expect(rescored).toEqual({ ...(original as object), value: REASON });

    const book = PackageWorkbook.fromBytes(second.bytes);
    await book.revert(SHEET);
    const reverted = await dumpWorkbook(Buffer.from(book.toBytes()));
    expect(reverted[seed.name].cells.J13).toEqual({ ...(original as object), value: REASON });
  });

  test("our write was the Excel add-in's (no raw records): revert still leaves the reason", async () => {
    // What the add-in leaves: the scored cells, and the engine's snapshot (with `written`) in the table.
    const memory = new MemoryWorkbook([gridFromSpec(seed)]);
    const scored = await createRecomputeService(memory).recompute();
    if (scored.noTable) throw new Error("no table");
    const bytes = await edited(await specsToXlsx([seed]), (ws) => {
      for (const { address, state } of scored.resolved.cells) {
        const cell = ws.getCell(address);
        cell.value = state.value;
        if (state.fill)
          cell.fill = {
            type: "pattern",
            pattern: "solid",
            fgColor: { argb: `FF${state.fill.slice(1)}` },
          };
        if (state.note) cell.note = state.note;
      }
      const store = ws.workbook.addWorksheet(STORE_SHEET, { state: "veryHidden" });
      const table = encodeSnapshotTable(
        new Map([[seed.name, { snapshot: scored.resolved.snapshot, notesTracked: true }]])
      );
      table.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== "") store.getCell(r + 1, c + 1).value = v;
        })
      );
      // …and then the user types the reason.
      ws.getCell("J13").value = REASON;
    });
    const before = PackageWorkbook.fromBytes(bytes);
    const grid = await before.readGrid(SHEET);
    expect(cellAt(grid, 12, 9)).toMatchObject({ value: REASON, fill: MARK_FILLS.explain });
    expect(grid.snapshot!.cells.J13).toEqual({
      value: REASON,
      numberFormat: "General",
      fill: null,
      note: null,
    });

    await before.revert(SHEET);
    const j13 = cellAt(await before.readGrid(SHEET), 12, 9);
    expect(j13).toMatchObject({ value: REASON, fill: null, note: null });
  });
});
