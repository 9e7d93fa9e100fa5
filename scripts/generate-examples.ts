/**
 * Writes examples/seed-2021.xlsx: the seed report's 自评表 (内蒙古自治区科学技术协会, 2021) as a
 * MOF-style template workbook, generated from the seed SheetSpec that the engine tests use, so the
 * example and the tests can never drift apart. Run with `npm run examples:generate`
 * (`npx tsx scripts/generate-examples.ts`); `npm run example` scores it (98.83, 优).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { seed } from "../tests/fixtures/forms/seed";
import { specsToXlsx } from "../tests/support/write-spec";

async function main(): Promise<void> {
  const dir = path.resolve(__dirname, "..", "examples");
  await fs.mkdir(dir, { recursive: true });
  const target = path.join(dir, "seed-2021.xlsx");
  await fs.writeFile(target, await specsToXlsx([seed]));
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
