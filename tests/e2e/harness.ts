/**
 * What the browser tests share: the production bundle served on 127.0.0.1 by a small static server,
 * Debian's Chromium driven by playwright-core (never a downloaded browser), every request that is
 * not for localhost aborted (office.js from Microsoft's CDN included, so the pane starts its
 * preview), and screenshots saved under test-results/screenshots/.
 */
import { promises as fs, existsSync } from "fs";
import * as path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { serveStatic, type StaticServer } from "../support/local-browser";

export { CHROMIUM, CHROMIUM_ARGS, launchChromium } from "../support/local-browser";

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = process.env.SELFEVAL_E2E_DIST ?? path.join(ROOT, "test-results", "e2e-dist");
export const SCREENSHOTS = path.join(ROOT, "test-results", "screenshots");
export const WORK = path.join(ROOT, "test-results", "e2e-work");
/** A task pane in Excel is 320–400 px wide. */
export const PANE_VIEWPORT = { width: 380, height: 760 };

export interface Served extends StaticServer {
  dist: string;
}

export async function serveDist(dir = DIST): Promise<Served> {
  if (!existsSync(path.join(dir, "taskpane.html")))
    throw new Error(`${dir}/taskpane.html is missing: run the suite with npm run test:e2e`);
  return { ...(await serveStatic(dir)), dist: dir };
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
  await page.getByTestId("pane").waitFor({ state: "visible", timeout: 60_000 });
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
