#!/usr/bin/env node
// Runs the command line from its bundle (see cli-bundle.cjs), so `npx selfeval` works right after
// `npm ci` with no build step; where no bundle can be built, tsx runs the TypeScript sources.
const { ensureBundle } = require("./cli-bundle.cjs");

const bundle = process.env.SELFEVAL_NO_BUNDLE ? undefined : ensureBundle("src/cli/main.ts");
if (bundle) {
  require(bundle);
} else {
  require("tsx/cjs");
  require("../src/cli/main.ts");
}
