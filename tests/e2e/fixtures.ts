/**
 * Files the browser tests feed the preview's file picker, written with the same ExcelJS writer the
 * example workbooks come from: the seed form with its score cells emptied (so a downloaded file
 * that holds scores was scored in the browser), a workbook without a form, and two files that are
 * not workbooks at all.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { specsToXlsx } from "../support/write-spec";
import { seed } from "../../src/sample/seed";
import type { SheetSpec } from "../../src/sample/sheet-spec";
import { noTable } from "../fixtures/forms/no-table";
import { WORK } from "./harness";

/** Column I (得分) of the funds rows 6–7 and the indicator and total rows 13–38, emptied. */
export function seedWithoutScores(name: string): SheetSpec {
  const emptied = (rowNumber: number) =>
    rowNumber === 6 || rowNumber === 7 || (rowNumber >= 13 && rowNumber <= 38);
  return {
    ...seed,
    name,
    rows: seed.rows.map((row, i) =>
      emptied(i + 1) ? row.map((cell, col) => (col === 8 ? null : cell)) : row
    ),
  };
}

export interface Fixtures {
  /** Sheet 说明 (no form) first, then 自评表: the seed with blank scores. */
  blankScores: string;
  /** Two forms: 甲 (the seed, blank scores) and 乙 (the same, 干部培训 300人次 instead of 256人次). */
  twoForms: string;
  noForm: string;
  notWorkbook: string;
  encrypted: string;
  example: string;
}

export async function writeFixtures(): Promise<Fixtures> {
  await fs.mkdir(WORK, { recursive: true });
  const file = (name: string) => path.join(WORK, name);
  const fixtures: Fixtures = {
    blankScores: file("自评表-待评分.xlsx"),
    twoForms: file("两张自评表.xlsx"),
    noForm: file("说明.xlsx"),
    notWorkbook: file("报告.xlsx"),
    encrypted: file("加密.xlsx"),
    example: path.join(__dirname, "..", "..", "examples", "seed-2021.xlsx"),
  };
  await fs.writeFile(
    fixtures.blankScores,
    await specsToXlsx([noTable, seedWithoutScores("自评表")])
  );
  const other = seedWithoutScores("乙");
  // Row 28 (干部培训), column G (实际完成值).
  other.rows = other.rows.map((row, i) =>
    i === 27 ? row.map((cell, col) => (col === 6 ? "300人次" : cell)) : row
  );
  await fs.writeFile(fixtures.twoForms, await specsToXlsx([seedWithoutScores("甲"), other]));
  await fs.writeFile(fixtures.noForm, await specsToXlsx([noTable]));
  await fs.writeFile(fixtures.notWorkbook, "项目名称,分值,得分\n基层科普,100,98.83\n", "utf8");
  // What Office writes for a password-protected workbook: an OLE container with this stream.
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  await fs.writeFile(
    fixtures.encrypted,
    Buffer.concat([ole, Buffer.alloc(504), Buffer.from("EncryptedPackage", "utf16le")])
  );
  return fixtures;
}
