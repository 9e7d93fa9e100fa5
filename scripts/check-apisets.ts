/**
 * `npm run check:apisets`: lists every Office.js member the Excel host and the ribbon command use,
 * with the requirement set office-js annotates for it, and fails (exit 1) when one needs more than
 * manifest.xml's <Requirements> without an isSetSupported guard. The rule: scripts/apisets/audit.ts.
 * Other folders or files can be named as arguments (`npm run check:apisets -- src/taskpane`).
 */
import * as fs from "fs";
import * as path from "path";
import { auditApiSets, formatReport } from "./apisets/audit";

const root = path.resolve(__dirname, "..");
const DEFAULT_PATHS = ["src/hosts/excel", "src/commands"];

function main(): number {
  const paths = process.argv.slice(2);
  const result = auditApiSets({
    paths: paths.length > 0 ? paths : DEFAULT_PATHS,
    manifestXml: fs.readFileSync(path.join(root, "manifest.xml"), "utf8"),
    tsconfig: path.join(root, "tsconfig.json"),
    root,
  });
  process.stdout.write(`${formatReport(result)}\n`);
  return result.problems.length === 0 ? 0 : 1;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`check:apisets could not run: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 2;
}
