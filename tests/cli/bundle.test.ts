/**
 * `selfeval` runs from an esbuild bundle of src/ (bin/cli-bundle.cjs), rebuilt when it is older
 * than the sources, and from the sources through tsx where no bundle can be had. Both must score
 * alike, byte for byte.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, runCli, sha256 } from "./helpers";

const { ensureBundle } = require("../../bin/cli-bundle.cjs") as {
  ensureBundle: (entry: string) => string | undefined;
};

const SEED = path.join(ROOT, "examples", "seed-2021.xlsx");

function scoreInto(dir: string, env: Record<string, string>): string {
  fs.mkdirSync(dir, { recursive: true });
  const input = path.join(dir, "seed-2021.xlsx");
  fs.copyFileSync(SEED, input);
  const run = runCli(["score", input], ROOT, env);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return path.join(dir, "seed-2021.scored.xlsx");
}

describe("the CLI bundle", () => {
  test("is built, and reused while nothing changed", () => {
    const bundle = ensureBundle("src/cli/main.ts");
    expect(bundle).toBeDefined();
    const built = fs.statSync(bundle!).mtimeMs;
    expect(fs.readFileSync(bundle!, "utf8")).toContain("async function scoreFile(");
    expect(ensureBundle("src/cli/main.ts")).toBe(bundle);
    expect(fs.statSync(bundle!).mtimeMs).toBe(built);
  });

  test("an outdated bundle is built again", () => {
    const bundle = ensureBundle("src/cli/main.ts")!;
    const longAgo = new Date("2001-01-01T00:00:00Z");
    fs.utimesSync(bundle, longAgo, longAgo);
    expect(ensureBundle("src/cli/main.ts")).toBe(bundle);
    expect(fs.statSync(bundle).mtimeMs).toBeGreaterThan(longAgo.getTime());
  });

  test("the bundled CLI and the sources through tsx write the same scored workbook", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-bundle-"));
    try {
      const bundled = scoreInto(path.join(dir, "bundled"), {});
      const sources = scoreInto(path.join(dir, "sources"), { SELFEVAL_NO_BUNDLE: "1" });
      expect(sha256(bundled)).toBe(sha256(sources));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
