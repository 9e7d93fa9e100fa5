/** One timed scoreFile() of a big workbook (see big-workbook.ts), printed as one JSON line. */
import * as path from "path";
import { DEFAULT_PROFILE } from "../src/domain/profiles";
import { loadCliCode } from "./cli-code";

async function main(): Promise<void> {
  const [file, outDir, bundle] = process.argv.slice(2);
  // The parent's bundle when it built one (see cli-code.ts); otherwise the sources through tsx.
  const { scoreFile } = (await loadCliCode(bundle)).code;
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
