/* global Document -- a DOM type; the shared lint config declares only runtime globals */
/**
 * Loading office.js without letting it block the page. The pane needs office.js inside Excel, but
 * in a plain browser Microsoft's CDN may be slow, blocked or — worst — hang without answering. The
 * script is therefore added from the bundle, not the page's <head>, and a browser that is clearly
 * not inside Office starts the preview when office.js has not told us the host within a short wait.
 */

/** Office adds `_host_Info=Excel$Win32$…` to the add-in's URL; a plain browser has nothing like it. */
export function looksHostedByOffice(search: string): boolean {
  return /[?&]_host_Info=/i.test(search);
}

/** Outside Office the preview starts after this wait at the latest (the page must be usable in 3 s). */
export const OFFICE_WAIT_MS = 1500;

export interface OfficeBoot {
  /** office.js's address; null when the page names none (then there is no Office to wait for). */
  officeJsUrl: string | null;
  hosted: boolean;
  /** Resolves once the script ran, rejects when it failed to load; may never settle. */
  loadScript: (url: string) => Promise<void>;
  /** Office.onReady, once office.js is there: the host it reports, or null outside Office. */
  onReady: () => Promise<"excel" | "other">;
  onExcel: () => void;
  onPreview: () => void;
  setTimer: (run: () => void, ms: number) => unknown;
}

/** Starts exactly one of Excel or the preview, whichever the page turns out to be. */
export function bootOffice(boot: OfficeBoot): void {
  let started = false;
  const start = (run: () => void) => {
    if (started) return;
    started = true;
    run();
  };
  if (boot.officeJsUrl === null) {
    start(boot.onPreview);
    return;
  }
  // Inside Office there is no preview to fall back to: wait for office.js however long it takes.
  if (!boot.hosted) boot.setTimer(() => start(boot.onPreview), OFFICE_WAIT_MS);
  boot
    .loadScript(boot.officeJsUrl)
    .then(() => boot.onReady())
    .then(
      (host) => start(host === "excel" ? boot.onExcel : boot.onPreview),
      () => start(boot.onPreview)
    );
}

/** Adds an async <script> and settles with its load or error event. */
export function loadScriptTag(doc: Document, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement("script");
    script.src = url;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${url}`));
    doc.head.appendChild(script);
  });
}
