/**
 * Section 4: the task pane as shipped — production bundle sizes (raw and gzip) and the time from
 * navigation to the pane's first visible content in headless Chromium.
 *
 * The bundle is built with the project's webpack.config.js in production mode, through webpack's
 * Node API, into bench/tmp/dist (not dist/, which other tools may be serving). Outside Office the
 * pane starts its preview (the seed form in memory): office.js comes from Microsoft's CDN, every
 * non-localhost request is blocked, so `Office` is undefined and the preview path runs. Each load
 * gets a fresh browser context, so nothing is cached between loads: a cold open every time.
 */
import { existsSync } from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { CHROMIUM, launchChromium, serveStatic } from "../tests/support/local-browser";
import { median, reasonOf, round } from "./stats";

const ROOT = path.join(__dirname, "..");
export interface FileSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface BundleResult {
  method: string;
  buildMs: number;
  /** Every script the task pane can load (entry + all its lazy chunks), deduplicated. */
  taskpaneRawBytes: number;
  taskpaneGzipBytes: number;
  /** The entry script alone: what runs before the old-webview check. */
  taskpaneEntryRawBytes: number;
  taskpaneEntryGzipBytes: number;
  /** Entry + the chunks one lazy import pulls in, e.g. "./excel-entry" (inside Excel), "./preview". */
  taskpanePaths: Record<string, { rawBytes: number; gzipBytes: number }>;
  commandsRawBytes: number;
  commandsGzipBytes: number;
  files: FileSize[];
}

interface StatsChunk {
  id: string | number;
  names: string[];
  files: string[];
  children: (string | number)[];
  origins: { request?: string }[];
}

function sizeOf(dir: string, file: string): FileSize {
  const bytes = require("fs").readFileSync(path.join(dir, file)) as Buffer;
  return { file, rawBytes: bytes.length, gzipBytes: zlib.gzipSync(bytes).length };
}

function total(sizes: FileSize[]): { rawBytes: number; gzipBytes: number } {
  return {
    rawBytes: sizes.reduce((n, s) => n + s.rawBytes, 0),
    gzipBytes: sizes.reduce((n, s) => n + s.gzipBytes, 0),
  };
}

/** Production build into `outDir`; resolves to webpack's chunk graph. */
async function build(outDir: string): Promise<StatsChunk[]> {
  const webpack = require("webpack") as typeof import("webpack");
  const configPath = path.join(ROOT, "webpack.config.js");
  if (!existsSync(configPath)) throw new Error("webpack.config.js is missing");
  const exported = require(configPath) as unknown;
  const config =
    typeof exported === "function"
      ? (exported as (env: object, argv: object) => import("webpack").Configuration)(
          {},
          { mode: "production" }
        )
      : (exported as import("webpack").Configuration);
  config.mode = "production";
  config.output = { ...config.output, path: outDir };
  config.infrastructureLogging = { level: "error" };
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats) return reject(new Error("webpack returned no stats"));
      if (stats.hasErrors()) {
        const first = stats.toJson({ all: false, errors: true }).errors?.[0];
        return reject(new Error(`webpack build failed: ${first?.message ?? "unknown error"}`));
      }
      const json = stats.toJson({
        all: false,
        ids: true,
        chunks: true,
        chunkRelations: true,
        chunkOrigins: true,
      });
      resolve((json.chunks ?? []) as unknown as StatsChunk[]);
    });
  });
}

export async function measureBundle(outDir: string): Promise<BundleResult> {
  const start = performance.now();
  const chunks = await build(outDir);
  const buildMs = round(performance.now() - start, 0);
  const byId = new Map(chunks.map((c) => [String(c.id), c]));
  const js = (c: StatsChunk) => c.files.filter((f) => f.endsWith(".js"));
  const entry = (name: string) => {
    const chunk = chunks.find((c) => c.names.includes(name));
    if (!chunk) throw new Error(`no "${name}" entry in the build`);
    return chunk;
  };
  const reachable = (root: StatsChunk): StatsChunk[] => {
    const seen = new Map<string, StatsChunk>();
    const visit = (c: StatsChunk) => {
      if (seen.has(String(c.id))) return;
      seen.set(String(c.id), c);
      for (const child of c.children) {
        const next = byId.get(String(child));
        if (next) visit(next);
      }
    };
    visit(root);
    return [...seen.values()];
  };
  const sizes = new Map<string, FileSize>();
  const sized = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, sizeOf(outDir, file));
    return sizes.get(file) as FileSize;
  };

  const pane = entry("taskpane");
  const paneChunks = reachable(pane);
  const paneFiles = paneChunks.flatMap(js).map(sized);
  const entryFiles = js(pane).map(sized);
  const paths: BundleResult["taskpanePaths"] = {};
  for (const chunk of paneChunks) {
    if (chunk === pane) continue;
    for (const origin of chunk.origins ?? []) {
      if (!origin.request) continue;
      paths[origin.request] ??= { rawBytes: 0, gzipBytes: 0 };
      const t = total(js(chunk).map(sized));
      paths[origin.request].rawBytes += t.rawBytes;
      paths[origin.request].gzipBytes += t.gzipBytes;
    }
  }
  const entryTotal = total(entryFiles);
  for (const p of Object.values(paths)) {
    p.rawBytes += entryTotal.rawBytes;
    p.gzipBytes += entryTotal.gzipBytes;
  }
  const commandFiles = reachable(entry("commands")).flatMap(js).map(sized);
  const paneTotal = total(paneFiles);
  const commandsTotal = total(commandFiles);
  return {
    method:
      "webpack.config.js in production mode via webpack's Node API into bench/tmp/dist; sizes of " +
      "the emitted .js files, gzip = zlib.gzipSync at its default level",
    buildMs,
    taskpaneRawBytes: paneTotal.rawBytes,
    taskpaneGzipBytes: paneTotal.gzipBytes,
    taskpaneEntryRawBytes: entryTotal.rawBytes,
    taskpaneEntryGzipBytes: entryTotal.gzipBytes,
    taskpanePaths: paths,
    commandsRawBytes: commandsTotal.rawBytes,
    commandsGzipBytes: commandsTotal.gzipBytes,
    files: [...sizes.values()].sort((a, b) => b.rawBytes - a.rawBytes),
  };
}

export interface FirstRenderResult {
  method: string;
  loads: number;
  /** Median ms from navigation start to the pane's first visible content ([data-testid="pane"]). */
  firstRenderMs: number;
  /** Median first contentful paint (the static "loading" line of taskpane.html). */
  firstContentfulPaintMs: number | null;
  samplesMs: number[];
  browser: string;
}

/** Records, at document start, when the pane's root first has a visible box. */
const OBSERVE_PANE = `
(() => {
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const check = () => {
    const el = document.querySelector('[data-testid="pane"]');
    if (el && visible(el) && window.__paneVisibleAt === undefined) {
      window.__paneVisibleAt = performance.now();
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();
`;

export async function measureFirstRender(
  distDir: string,
  loads: number
): Promise<FirstRenderResult> {
  const server = await serveStatic(distDir);
  const browser = await launchChromium();
  try {
    const one = async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
      try {
        const page = await context.newPage();
        await page.route(
          (u) => !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(u.href),
          (r) => r.abort()
        );
        await page.addInitScript(OBSERVE_PANE);
        await page.goto(`${server.url}/taskpane.html`, { waitUntil: "commit" });
        await page.waitForSelector('[data-testid="pane"]', { state: "visible", timeout: 30_000 });
        return await page.evaluate(() => {
          const w = window as unknown as { __paneVisibleAt?: number };
          const fcp = performance.getEntriesByName("first-contentful-paint")[0];
          return { pane: w.__paneVisibleAt ?? performance.now(), fcp: fcp ? fcp.startTime : null };
        });
      } finally {
        await context.close();
      }
    };
    await one(); // the browser's own first-launch costs are not the pane's
    const samples: { pane: number; fcp: number | null }[] = [];
    for (let i = 0; i < loads; i++) samples.push(await one());
    const fcps = samples.map((s) => s.fcp).filter((v): v is number => v !== null);
    return {
      method:
        `headless Chromium (${CHROMIUM}, playwright-core), dist served by a Node http server on ` +
        "127.0.0.1, non-localhost requests aborted (office.js CDN included → preview mode), a fresh " +
        "context per load (cold cache), 360×640 viewport; time from navigation start " +
        "(performance.timeOrigin) until [data-testid=pane] first has a visible box " +
        `(MutationObserver installed at document start); median of ${loads} loads after one warm-up`,
      loads,
      firstRenderMs: round(median(samples.map((s) => s.pane)), 1),
      firstContentfulPaintMs: fcps.length ? round(median(fcps), 1) : null,
      samplesMs: samples.map((s) => round(s.pane, 1)),
      browser: browser.version(),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export interface PaneResult {
  bundle: BundleResult | null;
  bundleError: string | null;
  firstRender: FirstRenderResult | null;
  firstRenderError: string | null;
}

export async function runPane(options: { loads: number; outDir?: string }): Promise<PaneResult> {
  const outDir = options.outDir ?? path.join(ROOT, "bench", "tmp", "dist");
  const result: PaneResult = {
    bundle: null,
    bundleError: null,
    firstRender: null,
    firstRenderError: null,
  };
  try {
    result.bundle = await measureBundle(outDir);
  } catch (error) {
    result.bundleError = reasonOf(error);
    result.firstRenderError = "no build to serve";
    return result;
  }
  try {
    result.firstRender = await measureFirstRender(outDir, options.loads);
  } catch (error) {
    result.firstRenderError = reasonOf(error);
  }
  return result;
}
