/**
 * Strings of the WPS add-in's own pages (the ribbon page and the small 评分面板). zh-CN is the
 * default; en has the same keys (a test checks parity).
 */
import { translate, type Catalogue, type Lang, type Params } from "./index";

export const wpsStrings = {
  "zh-CN": {
    title: "绩效自评",
    recompute: "重新计算",
    revert: "撤销评分",
    working: "正在处理…",
    total: "总分 {total}",
    totalGrade: "总分 {total}（{grade}）",
    provisional: "有指标无法评分，总分为暂定值。",
    noTotal: "已评分并写入 {count} 个单元格。",
    counts: "{errors} 个错误，{warnings} 个警告，{infos} 个提示",
    noFindings: "没有发现问题。",
    reverted: "已撤销评分，恢复了 {count} 个单元格。",
    goTo: "定位到 {cell}",
    oldRuntime:
      "此版本 WPS 的内置浏览器缺少本加载项需要的功能（{features}）。请升级到 WPS 2019（11.1）或更新的版本。",
  },
  en: {
    title: "Self-evaluation",
    recompute: "Recalculate",
    revert: "Undo scoring",
    working: "Working…",
    total: "Total {total}",
    totalGrade: "Total {total} ({grade})",
    provisional: "Some rows could not be scored: the total is provisional.",
    noTotal: "Scored; {count} cells written.",
    counts: "{errors} errors, {warnings} warnings, {infos} notes",
    noFindings: "No problems found.",
    reverted: "Scoring undone; {count} cells restored.",
    goTo: "Go to {cell}",
    oldRuntime:
      "The browser built into this WPS lacks features this add-in needs ({features}). Please upgrade to WPS 2019 (11.1) or later.",
  },
} as const;

export type WpsStringKey = keyof (typeof wpsStrings)["zh-CN"];

export function wpsMessage(key: WpsStringKey, params?: Params, lang: Lang = "zh-CN"): string {
  return translate(wpsStrings as Catalogue<WpsStringKey>, lang, key, params);
}
