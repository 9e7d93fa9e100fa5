/**
 * A macro-enabled workbook through the real command line: accepted as a file and found in a folder,
 * written back as `<name>.scored.xlsm` with its VBA project byte for byte, and reverted likewise.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ALL_FEATURE_SPECS, buildFeatureWorkbook } from "../fixtures/features";
import { runCli } from "../cli/helpers";
import { unzipParts } from "./package-guarantees";

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-xlsm-"));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const build = (name: string) =>
  buildFeatureWorkbook(ALL_FEATURE_SPECS.find((s) => s.name === name)!);

test(".xlsm in a folder and as a file: scored to <name>.scored.xlsm with the macros, then reverted", () => {
  const vba = build("vba");
  const everything = build("everything");
  const folder = path.join(tmp, "folder");
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, "vba.xlsm"), vba.bytes);
  const single = path.join(tmp, "everything.xlsm");
  fs.writeFileSync(single, everything.bytes);

  const out = path.join(tmp, "out");
  const run = runCli(["score", folder, single, "--out", out]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual(["everything.scored.xlsm", "vba.scored.xlsm"]);
  for (const [name, workbook] of [
    ["vba", vba],
    ["everything", everything],
  ] as const) {
    const scored = unzipParts(fs.readFileSync(path.join(out, `${name}.scored.xlsm`)));
    expect(scored.get("xl/vbaProject.bin")).toEqual(workbook.parts.get("xl/vbaProject.bin"));
  }

  const back = path.join(tmp, "back");
  const revert = runCli(["revert", path.join(out, "vba.scored.xlsm"), "--out", back]);
  expect(revert.status).toBe(0);
  expect(fs.readdirSync(back)).toEqual(["vba.reverted.xlsm"]);
  const reverted = unzipParts(fs.readFileSync(path.join(back, "vba.reverted.xlsm")));
  expect(reverted.get("xl/vbaProject.bin")).toEqual(vba.parts.get("xl/vbaProject.bin"));
});
