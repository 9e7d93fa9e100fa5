/**
 * What the browser tests share: the production bundle served on 127.0.0.1 by a small static server,
 * Debian's Chromium driven by playwright-core (never a downloaded browser), every request that is
 * not for localhost aborted (office.js from Microsoft's CDN included, so the pane starts its
 * preview), and screenshots saved under test-results/screenshots/.
 */
import { promises as fs, existsSync } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = process.env.SELFEVAL_E2E_DIST ?? path.join(ROOT, "test-results", "e2e-dist");
export const SCREENSHOTS = path.join(ROOT, "test-results", "screenshots");
export const WORK = path.join(ROOT, "test-results", "e2e-work");
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
/** A task pane in Excel is 320–400 px wide. */
export const PANE_VIEWPORT = { width: 380, height: 760 };

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
};

export interface Served {
  url: string;
  dist: string;
  close(): Promise<void>;
}

export async function serveDist(dir = DIST): Promise<Served> {
  if (!existsSync(path.join(dir, "taskpane.html")))
    throw new Error(`${dir}/taskpane.html is missing: run the suite with npm run test:e2e`);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(dir, path.normalize(urlPath).replace(/^([/\\])+/, ""));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file).then(
      (body) => {
        res.writeHead(200, {
          "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        });
        res.end(body);
      },
      () => res.writeHead(404).end()
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dist: dir,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export function isLocal(url: string): boolean {
  return /^(https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/|blob:|data:|about:)/.test(url);
}

export interface PanePage {
  context: BrowserContext;
  page: Page;
  /** Every request the page made, in order (blocked ones included). */
  requests: string[];
  /** Uncaught page errors: a healthy pane has none. */
  errors: string[];
}

/** A fresh context (empty localStorage) at task-pane width, with the pane loaded. */
export async function openPane(browser: Browser, served: Served): Promise<PanePage> {
  const context = await browser.newContext({
    viewport: PANE_VIEWPORT,
    locale: "zh-CN",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(
    (u) => !isLocal(u.href),
    (r) => r.abort()
  );
  await page.goto(`${served.url}/taskpane.html`);
  await page.getByTestId("pane").waitFor({ state: "visible", timeout: 30_000 });
  return { context, page, requests, errors };
}

/** What the user sees now (the viewport), or the whole page. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage,
    animations: "disabled",
  });
}
