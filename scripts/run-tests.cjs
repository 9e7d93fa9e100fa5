#!/usr/bin/env node
/*
 * The README's test command: type-check, lint, validate the manifest, audit the ExcelApi sets the
 * add-in uses (npm run check:apisets), run the unit suites with Jest,
 * then the browser suite. Prints a last line "N passed, N failed" (CI reads it) and exits non-zero
 * when any step failed.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
let passed = 0;
let failed = 0;

function step(label, cmd, args, opts = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env, ...opts });
  const ok = r.status === 0;
  if (!ok) process.stdout.write(`${label}: FAILED (exit ${r.status ?? r.signal})\n`);
  return ok;
}

function countJest(file) {
  try {
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.numRuntimeErrorTestSuites || 0),
    };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

// Checks that are not tests still count: a red check is one failure.
for (const [label, cmd, args] of [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("office-addin-lint"), ["check", "--files", "."]],
  ...(fs.existsSync(path.join(root, "manifest.xml"))
    ? [["manifest", process.execPath, [path.join(root, "scripts", "validate-manifest.cjs")]]]
    : []),
  ["api sets", bin("tsx"), [path.join(root, "scripts", "check-apisets.ts")]],
]) {
  if (step(label, cmd, args)) passed += 1;
  else failed += 1;
}

const unitJson = path.join(root, "jest-results.json");
fs.rmSync(unitJson, { force: true });
step("unit tests", bin("jest"), ["--ci", "--json", `--outputFile=${unitJson}`]);
const unit = countJest(unitJson);
passed += unit.passed;
failed += unit.failed;

const e2eRunner = path.join(root, "scripts", "run-e2e.cjs");
if (fs.existsSync(e2eRunner) && process.env.SELFEVAL_SKIP_E2E !== "1") {
  const e2eJson = path.join(root, "test-results", "e2e-results.json");
  fs.rmSync(e2eJson, { force: true });
  const ok = step("browser tests", process.execPath, [e2eRunner], {
    env: { ...process.env, SELFEVAL_E2E_JSON: e2eJson },
  });
  const e2e = countJest(e2eJson);
  passed += e2e.passed;
  failed += e2e.failed + (ok || e2e.failed ? 0 : 1);
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
