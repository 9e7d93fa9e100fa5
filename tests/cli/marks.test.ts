/**
 * The marks a user sees in the scored example workbook, read back with ExcelJS from what the real
 * command line wrote. The seed (RULES Part A, by hand): 干部培训 scored 256 / 600 × 2 = 0.85 of 2
 * (I28, points lost); the budget 9.98 of 10 (I6); twelve over-target rows have no 偏差原因分析
 * (column J); row 31 is over target and explained.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, runCli } from "./helpers";

const EXAMPLE = path.join(ROOT, "examples", "seed-2021.xlsx");
const MISSING_REASON_ROWS = [13, 16, 17, 19, 22, 24, 26, 27, 29, 32, 33, 36];

let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-marks-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function scoredSheet(args: string[], out: string): Promise<ExcelJS.Worksheet> {
  const run = runCli(["score", EXAMPLE, "--out", out, ...args]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, "seed-2021.scored.xlsx"));
  const ws = wb.worksheets.find((w) => w.state === "visible");
  if (!ws) throw new Error("no visible sheet");
  return ws;
}

/** A solid fill as "#RRGGBB", or null. */
function fillOf(ws: ExcelJS.Worksheet, address: string): string | null {
  const fill = ws.getCell(address).fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return null;
  const argb = fill.fgColor?.argb;
  return argb ? `#${argb.slice(-6).toUpperCase()}` : null;
}

function noteOf(ws: ExcelJS.Worksheet, address: string): string | null {
  const note = ws.getCell(address).note as string | { texts?: { text: string }[] } | undefined;
  if (note === undefined) return null;
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

describe("marks in the scored example workbook", () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await scoredSheet([], path.join(tmp, "default"));
  }, 180_000);

  test("the row that lost points is marked differently from the rows that lack a reason", () => {
    expect(ws.getCell("I28").value).toBe(0.85);
    const lost = fillOf(ws, "I28");
    expect(lost).not.toBeNull();
    const reasons = new Set(MISSING_REASON_ROWS.map((r) => fillOf(ws, `J${r}`)));
    expect(reasons.size).toBe(1);
    const [reason] = [...reasons];
    expect(reason).not.toBeNull();
    expect(lost).not.toBe(reason);
    // The budget lost 0.02 of its 10 points: the same mark as I28.
    expect(fillOf(ws, "I6")).toBe(lost);
  });

  test("rows with nothing to do carry neither fill nor note", () => {
    for (const address of ["I14", "I15", "J31", "I31"]) {
      expect([address, fillOf(ws, address), noteOf(ws, address)]).toEqual([address, null, null]);
    }
  });

  test("marked rows explain their score; the total's note holds the legend", () => {
    expect(noteOf(ws, "I28")).toContain("256人次 ÷ 600人次 = 42.67%");
    expect(noteOf(ws, "I13")).toContain("【绩效自评助手】");
    const total = noteOf(ws, "I38") ?? "";
    expect(total).toContain("98.83");
    expect(total).toContain("底色说明");
    for (const word of ["扣分", "待说明", "待复核"]) expect(total).toContain(word);
  });

  test("--notes-all puts a note on every 得分 cell", async () => {
    const all = await scoredSheet(["--notes-all"], path.join(tmp, "all"));
    for (let r = 13; r <= 37; r++)
      expect([r, noteOf(all, `I${r}`)]).toEqual([r, expect.any(String)]);
    expect(fillOf(all, "I28")).toBe(fillOf(ws, "I28"));
  }, 180_000);
});
