/* global HTMLElement -- a DOM type; the shared lint config declares only runtime globals */
/**
 * Office 2016/2019 perpetual builds show add-ins in an Internet Explorer 11 webview, where React 19
 * and Fluent UI v9 cannot run: the pane would stay blank. The HTML page carries an ES3 copy of this
 * check that runs before any bundle; this one guards the bundle itself.
 */

export interface WebviewProbe {
  Promise?: unknown;
  Symbol?: unknown;
  /** Only IE sets documentMode; typed as an object so a real Document fits. */
  document?: object;
  navigator?: { userAgent?: string };
}

export function isLegacyWebview(win: WebviewProbe): boolean {
  const ua = win.navigator?.userAgent ?? "";
  return (
    typeof win.Promise === "undefined" ||
    typeof win.Symbol === "undefined" ||
    Boolean((win.document as { documentMode?: unknown } | undefined)?.documentMode) ||
    /Trident\/|MSIE /.test(ua)
  );
}

export const LEGACY_MESSAGE_ZH =
  "绩效自评助手需要较新版本的 Office（Microsoft 365 或 Office 2021 及以上）。当前 Office 使用旧版 Internet Explorer 内核显示加载项，无法运行本任务窗格。请升级 Office，或使用命令行工具 selfeval 为 .xlsx 文件评分。";
export const LEGACY_MESSAGE_EN =
  "SelfEval needs a newer Office (Microsoft 365 or Office 2021 and later): this Office shows add-ins in the old Internet Explorer engine, which cannot run this pane. Update Office, or score .xlsx files with the selfeval command line.";

/** Plain DOM, no framework: this must work where nothing else does. */
export function showLegacyMessage(container: HTMLElement): void {
  const doc = container.ownerDocument;
  container.textContent = "";
  const box = doc.createElement("div");
  box.setAttribute("role", "alert");
  box.setAttribute("data-testid", "legacy-message");
  const zh = doc.createElement("p");
  zh.textContent = LEGACY_MESSAGE_ZH;
  const en = doc.createElement("p");
  en.setAttribute("lang", "en");
  en.textContent = LEGACY_MESSAGE_EN;
  box.appendChild(zh);
  box.appendChild(en);
  container.appendChild(box);
}
