/**
 * The 评分面板 in WPS: a small page of its own (not yet the React task pane, whose WPS mode is a
 * later step) over the same recompute service and WPS host: 重新计算, 撤销评分, the total and grade,
 * and every finding with its cell — click one to select the cell.
 */
import { createRecomputeService, type RecomputeResult } from "../app/recompute";
import { scoreOptionsOf, validateSettings } from "../app/settings";
import type { Finding, Lang } from "../domain/model";
import { WpsWorkbook } from "../hosts/wps/wps-workbook";
import { HostError } from "../hosts/workbook-port";
import { hostMessage } from "../i18n/host";
import { wpsMessage } from "../i18n/wps";
import { loadLocalSettings } from "./page";
import { installPolyfills, missingFeatures } from "./runtime";

installPolyfills(window as unknown as Parameters<typeof installPolyfills>[0]);

const workbook = new WpsWorkbook();
const service = createRecomputeService(workbook);
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as Record<string, number>;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function describe(result: RecomputeResult, lang: Lang): string {
  if (result.noTable) return hostMessage("noTable", { sheet: result.sheet.name }, lang);
  // A sheet may hold several forms stacked: each one's total is named in turn.
  const evaluations = (result.forms ?? []).map((f) => f.evaluation);
  const scored = (evaluations.length > 0 ? evaluations : [result.evaluation]).filter(
    (e) => e.total !== null
  );
  if (scored.length === 0) return wpsMessage("noTotal", { count: result.writtenCells }, lang);
  const line = scored
    .map(({ total, grade }) =>
      grade
        ? wpsMessage("totalGrade", { total: (total as number).toFixed(2), grade }, lang)
        : wpsMessage("total", { total: (total as number).toFixed(2) }, lang)
    )
    .join("；");
  return scored.some((e) => e.provisional)
    ? `${line} ${wpsMessage("provisional", {}, lang)}`
    : line;
}

function renderFindings(list: HTMLElement, findings: Finding[], sheet: string, lang: Lang): void {
  list.textContent = "";
  if (findings.length === 0) {
    list.append(element("li", wpsMessage("noFindings", {}, lang)));
    return;
  }
  const sorted = [...findings].sort(
    (a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) || a.row - b.row
  );
  for (const finding of sorted) {
    const item = element("li", undefined, `finding ${finding.severity}`);
    const go = element("button", finding.cell, "cell");
    go.type = "button";
    go.title = wpsMessage("goTo", { cell: finding.cell }, lang);
    go.addEventListener("click", () => {
      void workbook.selectCell(finding.cell, sheet).catch(() => undefined);
    });
    item.append(go, element("span", finding.message[lang] ?? finding.message["zh-CN"]));
    list.append(item);
  }
}

async function main(): Promise<void> {
  const { settings } = validateSettings(await loadLocalSettings());
  const lang = settings.lang;
  workbook.lang = lang;
  document.documentElement.lang = lang;
  const root = document.getElementById("app") ?? document.body;
  root.textContent = "";
  const title = element("h1", wpsMessage("title", {}, lang));
  const actions = element("div", undefined, "actions");
  const recompute = element("button", wpsMessage("recompute", {}, lang), "primary");
  const revert = element("button", wpsMessage("revert", {}, lang));
  recompute.type = "button";
  revert.type = "button";
  actions.append(recompute, revert);
  const status = element("p", "", "status");
  status.setAttribute("role", "status");
  const counts = element("p", "", "counts");
  const list = element("ul", undefined, "findings");
  root.append(title, actions, status, counts, list);

  const missing = missingFeatures(window as unknown as Parameters<typeof missingFeatures>[0]);
  if (missing.length > 0) {
    status.textContent = wpsMessage("oldRuntime", { features: missing.join(", ") }, lang);
    recompute.disabled = true;
    revert.disabled = true;
    return;
  }

  const busy = async (task: () => Promise<void>) => {
    recompute.disabled = true;
    revert.disabled = true;
    status.textContent = wpsMessage("working", {}, lang);
    try {
      await task();
    } catch (error) {
      status.textContent =
        error instanceof HostError
          ? error.message
          : hostMessage("wpsUnknown", { detail: String(error) }, lang);
    } finally {
      recompute.disabled = false;
      revert.disabled = false;
    }
  };

  recompute.addEventListener("click", () =>
    busy(async () => {
      const result = await service.recompute(scoreOptionsOf(settings));
      status.textContent = describe(result, lang);
      if (result.noTable) {
        counts.textContent = "";
        list.textContent = "";
        return;
      }
      const forms = result.forms ?? [];
      const findings =
        forms.length > 0 ? forms.flatMap((f) => f.evaluation.findings) : result.evaluation.findings;
      const count = (s: string) => findings.filter((f) => f.severity === s).length;
      counts.textContent = wpsMessage(
        "counts",
        { errors: count("error"), warnings: count("warning"), infos: count("info") },
        lang
      );
      renderFindings(list, findings, result.sheet.name, lang);
    })
  );
  revert.addEventListener("click", () =>
    busy(async () => {
      const restored = await service.revert();
      status.textContent = wpsMessage("reverted", { count: restored }, lang);
      counts.textContent = "";
      list.textContent = "";
    })
  );
}

void main();
