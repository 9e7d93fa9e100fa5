/**
 * What the CLI sections time, gathered in one module so that it can be bundled exactly as
 * `selfeval` itself runs (bin/cli-bundle.cjs) — see cli-code.ts.
 */
export { scoreFile, type ScoreRunOptions } from "../src/cli/score-file";
export { writeAtomic } from "../src/cli/output";
export { nodeZipCodec } from "../src/cli/zip-codec";
export { scoreGrid } from "../src/domain";
export { DEFAULT_PROFILE } from "../src/domain/profiles";
export { PackageWorkbook } from "../src/hosts/xlsx/package-workbook";
