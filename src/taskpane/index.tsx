/* global HTMLElement -- a DOM type; the shared lint config declares only runtime globals */
/**
 * Task-pane bootstrap. Inside Excel the pane runs over the Office.js host; anywhere else (a plain
 * browser, office.js unreachable, slow or hanging) it starts the preview — see office-loader.ts.
 * The app itself is loaded by dynamic import, after the old-webview check, so an unsupported
 * webview never has to parse React.
 */
import { isLegacyWebview, showLegacyMessage } from "./legacy";
import { bootOffice, loadScriptTag, looksHostedByOffice } from "./office-loader";

function startPreviewIn(container: HTMLElement): void {
  void import("./preview").then(({ startPreview }) => startPreview(container));
}

function boot(): void {
  const container = document.getElementById("container");
  if (!container) return;
  if (isLegacyWebview(window)) {
    showLegacyMessage(container);
    return;
  }
  const startExcel = () =>
    void import("./excel-entry").then(({ startInExcel }) => startInExcel(container));
  bootOffice({
    officeJsUrl:
      document.querySelector('meta[name="selfeval-office-js"]')?.getAttribute("content") ?? null,
    // Office on the web frames the pane; desktop Office names itself in the URL.
    hosted: looksHostedByOffice(window.location.search) || window.top !== window.self,
    loadScript: (url) =>
      typeof Office !== "undefined" ? Promise.resolve() : loadScriptTag(document, url),
    onReady: () =>
      Office.onReady().then((info) => (info.host === Office.HostType.Excel ? "excel" : "other")),
    onExcel: startExcel,
    onPreview: () => startPreviewIn(container),
    setTimer: (run, ms) => window.setTimeout(run, ms),
  });
}

boot();
