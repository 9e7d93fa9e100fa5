/**
 * The browser suite (scripts/run-e2e.cjs runs it after building the production bundle): real
 * Chromium driven by playwright-core against test-results/e2e-dist. One file, one browser.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 120000,
  maxWorkers: 1,
};
