/**
 * The one place that looks up the ET application WPS injects into an add-in's pages. Feature-
 * detected, never assumed: older builds expose it as `wps.Application`, newer ones also as a global
 * `Application`; outside WPS there is neither.
 */
import type { EtApplication } from "./et-types";
import type { WpsAddinApi } from "./wps-task-pane";

declare const wps: { Application?: unknown } | undefined;
declare const Application: unknown;

function looksLikeEt(x: unknown): x is EtApplication {
  return typeof x === "object" && x !== null && "ActiveWorkbook" in x && "ActiveSheet" in x;
}

export function etApplication(): EtApplication | undefined {
  if (typeof wps !== "undefined" && wps && looksLikeEt(wps.Application)) return wps.Application;
  if (typeof Application !== "undefined" && looksLikeEt(Application)) return Application;
  return undefined;
}

/** The add-in side of the same object: task panes and the add-in's own storage. */
export function wpsAddinApi(): WpsAddinApi | undefined {
  const app = etApplication() as unknown as Partial<WpsAddinApi> | undefined;
  return app && typeof app.CreateTaskPane === "function" ? (app as WpsAddinApi) : undefined;
}
