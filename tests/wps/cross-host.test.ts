/**
 * A real .xlsx scored by the in-place .xlsx host (the command line's), opened in WPS: the WPS host
 * reads the `_selfeval` table that host wrote and 撤销评分 gives back the original form.
 */
import * as fs from "fs";
import * as path from "path";
import { createRecomputeService } from "../../src/app/recompute";
import type { CellGrid } from "../../src/domain/grid";
import { SNAPSHOT_SHEET_NAME } from "../../src/hosts/snapshot-codec";
import { PackageWorkbook } from "../../src/hosts/xlsx/package-workbook";
import { WpsWorkbook } from "../../src/hosts/wps/wps-workbook";
import { loadXlsx } from "../xlsx/dump";
import { FakeEt, type FakeEtCell, type FakeEtSheet } from "./fake-et";

const EXAMPLE = path.join(__dirname, "../../examples/seed-2021.xlsx");

/** Puts a grid as a host read it into a fake ET sheet. */
function load(sheet: FakeEtSheet, grid: CellGrid): void {
  grid.cells.forEach((line, r) =>
    line.forEach((cell, c) => {
      const state: FakeEtCell = {
        value: cell.value === "" ? null : cell.value,
        numberFormat: cell.numberFormat,
        fill: cell.fill ?? null,
        note: cell.note ?? null,
      };
      if (cell.formula !== undefined) state.formula = cell.formula;
      sheet.set(grid.originRow + r + 1, grid.originCol + c + 1, state);
    })
  );
  sheet.merges = grid.merges.map((m) => ({ ...m }));
}

test("a workbook scored by the .xlsx host reverts in WPS to the original form", async () => {
  const original = PackageWorkbook.fromBytes(new Uint8Array(fs.readFileSync(EXAMPLE)));
  const [form] = await original.listSheets();
  const before = await original.readGrid(form);

  const xlsx = PackageWorkbook.fromBytes(new Uint8Array(fs.readFileSync(EXAMPLE)));
  const result = await createRecomputeService(xlsx).recompute({ sheet: form });
  if (result.noTable) throw new Error("no table");
  expect(result.evaluation.total).toBe(98.83);
  const scored = PackageWorkbook.fromBytes(xlsx.toBytes());
  const scoredForm = await scored.readGrid(form);
  // The .xlsx host does not list its own store: read the table as any spreadsheet would.
  const book = await loadXlsx(Buffer.from(xlsx.toBytes()));
  const hidden = book.getWorksheet(SNAPSHOT_SHEET_NAME);
  if (!hidden) throw new Error("no _selfeval sheet");
  expect(hidden.state).toBe("veryHidden");

  const et = new FakeEt();
  load(et.addSheet(form.name), scoredForm);
  const store = et.addSheet(SNAPSHOT_SHEET_NAME);
  store.Visible = 2;
  hidden.eachRow((row, r) =>
    [1, 2, 3].forEach((c) => {
      const value = row.getCell(c).value as string | number | null;
      store.set(r, c, {
        value: value === "" ? null : value,
        numberFormat: c === 2 ? "General" : "@",
        fill: null,
        note: null,
      });
    })
  );
  const beforeEt = new FakeEt();
  load(beforeEt.addSheet(form.name), before);

  const port = new WpsWorkbook({ app: () => et });
  expect(et.cell(form.name, "I38").value).toBe(98.83);
  const restored = await port.revert(form);
  expect(restored).toBeGreaterThan(0);
  expect(et.dump(form.name)).toEqual(beforeEt.dump(form.name));
  // And scoring it in WPS now gives what the .xlsx host wrote.
  await createRecomputeService(port).recompute({ sheet: form });
  const afterWps = et.dump(form.name);
  const xlsxEt = new FakeEt();
  load(xlsxEt.addSheet(form.name), scoredForm);
  expect(afterWps).toEqual(xlsxEt.dump(form.name));
  expect(afterWps.I38.value).toBe(98.83);
});
