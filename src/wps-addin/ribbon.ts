/**
 * The WPS add-in's main page (index.html): WPS calls the ribbon callbacks named in ribbon.xml as
 * globals of this page. 一键评分 recomputes the active sheet through the shared recompute service
 * over the WPS host, silently on success, with a message on any problem (the same logic as Excel's
 * ribbon command); 评分面板 shows or hides the task pane (pane.html).
 */
import { createRecomputeService } from "../app/recompute";
import { runRecomputeCommand } from "../commands/recompute-command";
import { wpsAddinApi } from "../hosts/wps/wps-globals";
import { toggleTaskPane } from "../hosts/wps/wps-task-pane";
import { WpsWorkbook } from "../hosts/wps/wps-workbook";
import { hostMessage } from "../i18n/host";
import { wpsMessage } from "../i18n/wps";
import { installPolyfills, missingFeatures } from "./runtime";
import { loadLocalSettings, pageBaseUrl } from "./page";

installPolyfills(window as unknown as Parameters<typeof installPolyfills>[0]);

export const RECOMPUTE_ID = "selfevalRecompute";
export const PANE_ID = "selfevalPane";

// One host and one service for the life of this page: recomputes are serialised.
const workbook = new WpsWorkbook();
const service = createRecomputeService(workbook);

function notify(message: string): Promise<void> {
  window.alert(message);
  return Promise.resolve();
}

function runtimeProblem(): string | undefined {
  const missing = missingFeatures(window as unknown as Parameters<typeof missingFeatures>[0]);
  return missing.length > 0
    ? wpsMessage("oldRuntime", { features: missing.join(", ") })
    : undefined;
}

async function recompute(): Promise<void> {
  await runRecomputeCommand({
    service,
    loadSettings: loadLocalSettings,
    notify,
    setLang: (lang) => {
      workbook.lang = lang;
    },
  });
}

function openPane(): void {
  const api = wpsAddinApi();
  if (!api) {
    window.alert(hostMessage("wpsNoApplication", {}, workbook.lang));
    return;
  }
  toggleTaskPane(api, `${pageBaseUrl()}pane.html`);
}

const callbacks = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: { Id?: string }): boolean {
    const problem = runtimeProblem();
    if (problem) {
      window.alert(problem);
      return true;
    }
    try {
      if (control.Id === RECOMPUTE_ID) void recompute();
      else if (control.Id === PANE_ID) openPane();
    } catch (error) {
      window.alert(error instanceof Error ? error.message : String(error));
    }
    return true;
  },
  GetImage(control: { Id?: string }): string {
    return control.Id === PANE_ID ? "images/pane.svg" : "images/recompute.svg";
  },
  OnGetEnabled(): boolean {
    return true;
  },
};

Object.assign(window, callbacks);
