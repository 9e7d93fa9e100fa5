/**
 * Writes the feature workbooks (tests/fixtures/features) to a folder for manual inspection in Excel,
 * WPS or LibreOffice: `npx tsx scripts/make-feature-workbooks.ts [DIR]` (default out/feature-workbooks).
 */
import * as fs from "fs";
import * as path from "path";
import { buildAllFeatureWorkbooks } from "../tests/fixtures/features";

const dir = path.resolve(process.argv[2] ?? "out/feature-workbooks");
fs.mkdirSync(dir, { recursive: true });
for (const workbook of buildAllFeatureWorkbooks()) {
  const file = path.join(dir, `${workbook.name}.${workbook.extension}`);
  fs.writeFileSync(file, workbook.bytes);
  process.stdout.write(`${file}  ${workbook.description}\n`);
}
