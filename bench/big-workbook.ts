/**
 * Section 3b: a workbook as units keep them — the form plus a 60,000-row ledger on a sheet beside
 * it. Each run is a fresh child process (so its peak memory is its own) that scores the file with
 * scoreFile(), as `selfeval score` does; the parent reports the median time and the largest peak.
 */
import { spawn } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { loadCliCode } from "./cli-code";
import { median, round } from "./stats";

export const BIG_DETAIL_ROWS = 60_000;
export const BIG_GOAL_MS = 2000;
export const BIG_GOAL_MB = 300;

/** The bundled example form plus a 明细 sheet of `rows` ledger lines (dates, texts, amounts). */
export async function makeBigWorkbook(file: string, rows = BIG_DETAIL_ROWS): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(__dirname, "..", "examples", "seed-2021.xlsx"));
  const ws = wb.addWorksheet("明细");
  ws.addRow(["序号", "日期", "摘要", "科目", "金额", "经办人", "备注", "类别"]);
  for (let i = 1; i <= rows; i++) {
    ws.addRow([
      i,
      new Date(Date.UTC(2021, i % 12, 1 + (i % 28))),
      `支出摘要${i % 997}`,
      `科目${i % 37}`,
      Math.round(((i * 37.13) % 10000) * 100) / 100,
      `经办人${i % 50}`,
      i % 5 === 0 ? "已核对" : null,
      `类别${i % 9}`,
    ]);
  }
  await fs.writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

export interface BigResult {
  method: string;
  detailRows: number;
  fileBytes: number;
  runs: number;
  medianMs: number;
  runsMs: number[];
  peakRssMb: number;
  goalMs: number;
  goalMb: number;
  meetsGoal: boolean;
  total: number | null;
}

function runChild(
  file: string,
  out: string,
  bundle: string | null
): Promise<{ ms: number; rssMb: number; total: number | null }> {
  const child = path.join(__dirname, "big-workbook-child.ts");
  return new Promise((resolve, reject) => {
    const args = ["--import", "tsx", child, file, out, ...(bundle ? [bundle] : [])];
    const proc = spawn(process.execPath, args, {
      cwd: path.join(__dirname, ".."),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    proc.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    proc.on("error", reject);
    proc.on("close", (code) => {
      if (code !== 0) reject(new Error(`big-workbook child failed (${code}): ${stderr}`));
      else resolve(JSON.parse(stdout.trim().split("\n").pop() ?? "{}"));
    });
  });
}

export async function runBig(options: { runs: number; rows?: number }): Promise<BigResult> {
  const rows = options.rows ?? BIG_DETAIL_ROWS;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "selfeval-bench-big-"));
  const file = path.join(dir, "big.xlsx");
  await makeBigWorkbook(file, rows);
  const runs: { ms: number; rssMb: number; total: number | null }[] = [];
  const { bundle } = await loadCliCode();
  for (let i = 0; i < options.runs; i++)
    runs.push(await runChild(file, path.join(dir, "out"), bundle));
  const fileBytes = (await fs.stat(file)).size;
  await fs.rm(dir, { recursive: true, force: true });
  const medianMs = round(median(runs.map((r) => r.ms)));
  const peakRssMb = round(Math.max(...runs.map((r) => r.rssMb)), 1);
  return {
    method:
      `the example form plus a ${rows.toLocaleString("en")}-row 明细 sheet (8 columns); each run a ` +
      "fresh Node process that times scoreFile() (read, open, score every sheet, save) and reports " +
      "its peak resident memory; median time, largest peak",
    detailRows: rows,
    fileBytes,
    runs: options.runs,
    medianMs,
    runsMs: runs.map((r) => round(r.ms)),
    peakRssMb,
    goalMs: BIG_GOAL_MS,
    goalMb: BIG_GOAL_MB,
    meetsGoal: medianMs < BIG_GOAL_MS && peakRssMb < BIG_GOAL_MB,
    total: runs[0]?.total ?? null,
  };
}
