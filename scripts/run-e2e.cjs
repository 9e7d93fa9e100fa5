#!/usr/bin/env node
/*
 * `npm run test:e2e`: build the production bundle into test-results/e2e-dist (its own folder, so a
 * concurrent `npm run build` or benchmark never races on dist/; skipped when no input changed since
 * the last build), then run the browser suite with Jest and exit with Jest's code.
 *
 * Jest writes its JSON result to $SELFEVAL_E2E_JSON (default test-results/e2e-results.json): that is
 * the file scripts/run-tests.cjs counts. SELFEVAL_E2E_REBUILD=1 forces the build.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const distDir = path.join(root, "test-results", "e2e-dist");
const stamp = path.join(distDir, ".e2e-build-stamp");
const jsonOut = path.resolve(
  process.env.SELFEVAL_E2E_JSON || path.join(root, "test-results", "e2e-results.json")
);
const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Everything the bundle is made from: a change to any of them means a rebuild. */
const INPUTS = [
  "src",
  "assets",
  "webpack.config.js",
  "manifest.xml",
  "package-lock.json",
  "tsconfig.json",
];

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p))
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function upToDate() {
  if (process.env.SELFEVAL_E2E_REBUILD === "1") return false;
  if (!fs.existsSync(stamp) || !fs.existsSync(path.join(distDir, "taskpane.html"))) return false;
  const built = fs.statSync(stamp).mtimeMs;
  return INPUTS.every((input) => newestMtime(path.join(root, input)) < built);
}

function build() {
  process.stdout.write(`Building the production bundle into ${path.relative(root, distDir)}…\n`);
  const started = Date.now();
  // The stamp's time is the build's start: a source saved during the build triggers the next one.
  const startedAt = new Date();
  const r = spawnSync(
    bin("webpack"),
    ["--mode", "production", "--output-path", distDir, "--no-stats"],
    { cwd: root, stdio: "inherit", env: { ...process.env, LOCAL_OFFICE_JS: "" } }
  );
  if (r.status !== 0) return false;
  fs.writeFileSync(stamp, "");
  fs.utimesSync(stamp, startedAt, startedAt);
  process.stdout.write(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return true;
}

function main() {
  fs.mkdirSync(path.dirname(jsonOut), { recursive: true });
  fs.rmSync(jsonOut, { force: true });
  if (upToDate()) {
    process.stdout.write(`Production bundle in ${path.relative(root, distDir)} is up to date.\n`);
  } else if (!build()) {
    process.stderr.write("The production build failed: the browser tests did not run.\n");
    return 1;
  }
  const r = spawnSync(
    bin("jest"),
    ["-c", "jest.e2e.config.js", "--ci", "--runInBand", "--json", `--outputFile=${jsonOut}`],
    { cwd: root, stdio: "inherit", env: { ...process.env, SELFEVAL_E2E_DIST: distDir } }
  );
  return r.status ?? 1;
}

process.exit(main());
