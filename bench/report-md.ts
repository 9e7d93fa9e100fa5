/**
 * The "latest numbers" block of BENCHMARKS.md, rendered from a complete run's results so the page
 * never disagrees with bench/results.json. run.ts replaces what lies between the two markers.
 */
import type { BigResult } from "./big-workbook";
import type { CliResult } from "./cli";
import type { EngineResult } from "./engine";
import type { PaneResult } from "./pane";
import type { RoundTripResult } from "./round-trips";

export const BEGIN = "<!-- bench:latest:begin -->";
export const END = "<!-- bench:latest:end -->";

export interface RunResults {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    node: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd?: number[];
  };
  benchSeconds: number;
  roundTrips: RoundTripResult;
  engine: EngineResult;
  cli: CliResult;
  bigWorkbook?: BigResult;
  pane: PaneResult;
}

const kib = (bytes: number) =>
  bytes >= 10 * 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`;
const msText = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`);
const int = (v: number) => v.toLocaleString("en-US");

function rows(head: string[], body: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...body.map(line)].join("\n");
}

export function latestMarkdown(r: RunResults): string {
  const out: string[] = [];
  const load = [r.machine.loadAverageAtStart[0], r.machine.loadAverageAtEnd?.[0]]
    .filter((v) => v !== undefined)
    .join(" → ");
  out.push(
    `Run of ${r.date.slice(0, 16).replace("T", " ")} UTC on ${r.machine.cpu}, ${r.machine.cores} cores, ` +
      `Node ${r.machine.node} (1-minute load average ${load}: other work shared the machine). ` +
      `The whole \`npm run bench\` took ${r.benchSeconds} s.`
  );

  const rt = r.roundTrips;
  out.push(`\n### 1. Round trips per recompute (${rt.latencyMsPerSync} ms per sync)\n`);
  out.push(
    rows(
      [
        "indicator rows",
        "syncs ours",
        "syncs per-row",
        "simulated ours",
        "simulated per-row",
        "bytes ours (req + resp)",
        "bytes per-row (req + resp)",
        "syncs ours, rescore",
      ],
      rt.rows.map((n, i) => [
        int(n),
        rt.ours[i],
        int(rt.naive[i]),
        msText(rt.oursDetail.simulatedMs[i]),
        msText(rt.naiveDetail.simulatedMs[i]),
        `${kib(rt.oursDetail.requestBytes[i])} + ${kib(rt.oursDetail.responseBytes[i])}`,
        `${kib(rt.naiveDetail.requestBytes[i])} + ${kib(rt.naiveDetail.responseBytes[i])}`,
        rt.oursRescoreSyncs[i],
      ])
    )
  );
  out.push(
    `\nFloor (${rt.floorSyncs} syncs) ${rt.atFloor ? "met at every size, first run and rescore" : "**missed**"}.`
  );
  if (rt.latencyCheck) {
    const c = rt.latencyCheck;
    out.push(
      `Model check at ${c.rows} rows with the fake really waiting ${rt.latencyMsPerSync} ms per sync: ` +
        `ours ${msText(c.ours.modelMs)} modelled vs ${msText(c.ours.wallMs)} wall clock; ` +
        `per-row ${msText(c.naive.modelMs)} vs ${msText(c.naive.wallMs)}.`
    );
  }

  const e = r.engine;
  out.push("\n### 2. Engine (detect + evaluate + plan)\n");
  out.push(
    rows(
      [
        "indicator rows",
        "µs/row",
        "detect",
        "evaluate",
        "plan",
        "whole scoreGrid µs/row",
        "heap Δ one scoring",
        "peak RSS Δ",
      ],
      e.samples.map((s) => [
        int(s.rows),
        s.usPerRow.toFixed(1),
        s.detectUsPerRow.toFixed(1),
        s.evaluateUsPerRow.toFixed(1),
        s.planUsPerRow.toFixed(1),
        s.scoreGridUsPerRow.toFixed(1),
        s.heapUsedDeltaBytes === null ? "n/a" : kib(s.heapUsedDeltaBytes),
        kib(s.peakRssDeltaBytes),
      ])
    )
  );
  out.push(
    `\nµs/row ratios between successive sizes: ${e.growthRatios.join(", ")} — ` +
      `${e.linear ? "linear (a row never gets dearer as the sheet grows)" : "**superlinear**"}.`
  );

  const c = r.cli;
  const b = c.breakdownMsPerFile;
  out.push(`\n### 3. CLI (${c.files} workbooks, ${(c.inputBytes / 1024).toFixed(0)} KiB in all)\n`);
  out.push(
    rows(
      ["", "total", "files/s"],
      [
        [
          "`scoreFile` (what `selfeval score` does per file)",
          msText(c.oursMs),
          c.oursFilesPerSecond,
        ],
        ["bare ExcelJS load + save", msText(c.bareMs), c.bareFilesPerSecond],
      ]
    )
  );
  out.push(
    `\nOverhead ratio **${c.overheadRatio}×** (goal ≤ ${c.goalRatio}×: ${c.meetsGoal ? "met" : "missed — see “Reading the numbers”"}); ` +
      `${c.overheadMsPerFile} ms added per file; with \`--no-notes\` ${c.overheadRatioWithoutNotes}×; ` +
      `${c.failedFiles} files failed.\n`
  );
  out.push(
    rows(
      [
        "ms per file",
        "open (read + unzip + parse)",
        "read grid",
        "engine",
        "host write",
        "serialize (zip)",
        "save",
      ],
      [
        ["bare", b.bare.readAndOpen, "—", "—", "—", b.bare.serialize, b.bare.save],
        [
          "ours",
          b.ours.readAndOpen,
          b.ours.readGrid,
          b.ours.engine,
          b.ours.hostWrite,
          b.ours.serialize,
          b.ours.save,
        ],
      ]
    )
  );
  out.push(
    `\nPer file the scored copy gains ${b.writtenCellsPerFile} written cells, ${b.notesPerFile} of them with a note, ` +
      "and the hidden `_selfeval` snapshot sheet."
  );
  const big = r.bigWorkbook;
  if (big) {
    out.push(
      `\nThe example form beside a ${int(big.detailRows)}-row ledger sheet ` +
        `(${(big.fileBytes / 1024 / 1024).toFixed(1)} MiB): \`scoreFile\` **${msText(big.medianMs)}** ` +
        `median of ${big.runs} fresh processes (${big.runsMs.join(", ")} ms), peak resident memory ` +
        `**${big.peakRssMb} MB** (goal < ${big.goalMs} ms and < ${big.goalMb} MB: ${big.meetsGoal ? "met" : "missed"}).`
    );
  }

  const p = r.pane;
  out.push("\n### 4. Task pane\n");
  if (p.bundle) {
    const bundle = p.bundle;
    out.push(
      rows(
        ["bundle", "raw", "gzip"],
        [
          [
            "task pane, every script it can load",
            kib(bundle.taskpaneRawBytes),
            kib(bundle.taskpaneGzipBytes),
          ],
          [
            "task pane entry (runs before the old-webview check)",
            kib(bundle.taskpaneEntryRawBytes),
            kib(bundle.taskpaneEntryGzipBytes),
          ],
          ...Object.entries(bundle.taskpanePaths).map(([k, v]) => [
            `task pane, entry + \`${k}\` chunks`,
            kib(v.rawBytes),
            kib(v.gzipBytes),
          ]),
          [
            "commands (ribbon function file)",
            kib(bundle.commandsRawBytes),
            kib(bundle.commandsGzipBytes),
          ],
        ]
      )
    );
    const biggest = bundle.files[0];
    if (biggest)
      out.push(
        `\nLargest file: \`${biggest.file.replace(/\.[0-9a-f]{8}\.js$/, ".js")}\` ${kib(biggest.rawBytes)} raw / ${kib(biggest.gzipBytes)} gzip. Production build took ${(bundle.buildMs / 1000).toFixed(1)} s.`
      );
  } else out.push(`Bundle not measured: ${p.bundleError}.`);
  if (p.firstRender) {
    const f = p.firstRender;
    out.push(
      `\nFirst render (navigation → pane visible, cold cache): **${msText(f.firstRenderMs)}** median of ${f.loads} loads ` +
        `(samples ${f.samplesMs.map((v) => v.toFixed(0)).join(", ")} ms); first contentful paint ` +
        `${f.firstContentfulPaintMs === null ? "n/a" : msText(f.firstContentfulPaintMs)}; Chromium ${f.browser}.`
    );
  } else out.push(`\nFirst render not measured: ${p.firstRenderError}.`);
  return out.join("\n");
}

/** `page` with the block between the markers replaced; unchanged when the markers are missing. */
export function replaceLatest(page: string, block: string): string {
  const from = page.indexOf(BEGIN);
  const to = page.indexOf(END);
  if (from < 0 || to < from) return page;
  return `${page.slice(0, from + BEGIN.length)}\n${block}\n${page.slice(to)}`;
}
