/** One timed scoreFile() of a big workbook (see big-workbook.ts), printed as one JSON line. */
import * as path from "path";
import { scoreFile } from "../src/cli/score-file";
import { DEFAULT_PROFILE } from "../src/domain/profiles";

async function main(): Promise<void> {
  const [file, outDir] = process.argv.slice(2);
  const start = performance.now();
  const outcome = await scoreFile(file, path.join(outDir, "big.scored.xlsx"), {
    check: false,
    profile: DEFAULT_PROFILE,
    lang: "zh-CN",
    plan: {},
  });
  const ms = performance.now() - start;
  if (outcome.error) throw new Error(outcome.error);
  const total = outcome.sheets[0]?.evaluation.total ?? null;
  // maxRSS is in kilobytes.
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, rssMb, total }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
