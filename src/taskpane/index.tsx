/* global HTMLElement -- a DOM type; the shared lint config declares only runtime globals */
/**
 * Task-pane bootstrap. Inside Excel the pane runs over the Office.js host; anywhere else (a plain
 * browser, office.js unreachable offline) it starts the preview. The app itself is loaded by dynamic
 * import, after the old-webview check, so an unsupported webview never has to parse React.
 */
import { isLegacyWebview, showLegacyMessage } from "./legacy";

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
  if (typeof Office !== "undefined" && Office.onReady) {
    void Office.onReady((info) => {
      if (info.host === Office.HostType.Excel) {
        void import("./excel-entry").then(({ startInExcel }) => startInExcel(container));
      } else {
        startPreviewIn(container);
      }
    });
  } else {
    startPreviewIn(container);
  }
}

boot();
