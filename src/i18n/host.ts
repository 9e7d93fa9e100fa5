/**
 * Messages the Excel host and the ribbon command show. zh-CN is the default; en has the same keys
 * (a test checks parity). Placeholders: {sheet}, {cells}, {limit}, {seconds}, {detail}, {count}.
 */
import { translate, type Catalogue, type Lang, type Params } from "./index";

export const hostStrings = {
  "zh-CN": {
    editMode: "Excel 正在编辑单元格，无法写入。请按 Enter 退出单元格编辑后重试。",
    protected:
      "工作表「{sheet}」受保护，未写入任何内容。请先撤销工作表保护（审阅 → 撤销工作表保护）后重试。",
    noTable: "当前工作表「{sheet}」中没有找到绩效自评表。请切换到自评表所在的工作表后重试。",
    emptySheet: "当前工作表「{sheet}」是空的。请切换到自评表所在的工作表后重试。",
    tooLarge:
      "工作表「{sheet}」的已用区域有 {cells} 个单元格，超过上限 {limit}。请把自评表复制到单独的工作表后重试。",
    timeout:
      "Excel 在 {seconds} 秒内没有响应。请稍后重试；如果 Excel 正忙（例如正在计算），请等它完成。",
    nothingToRevert: "工作表「{sheet}」没有可撤销的写入。",
    sheetMissing: "找不到工作表「{sheet}」，它可能已被重命名或删除。",
    unknown: "Excel 报告了一个错误：{detail}",
    notesUnsupported: "此版本的 Excel 不支持批注（需要 ExcelApi 1.18），本次只写入分数和底色。",
    recomputeDone: "已评分：总分 {detail}。",
    recomputeDoneNoTotal: "已评分并写入 {count} 个单元格。",
    wpsUnknown: "WPS 表格报告了一个错误：{detail}",
    wpsNoApplication: "没有找到 WPS 表格的接口。请在 WPS 表格中通过“绩效自评”选项卡使用本加载项。",
    wpsNoWorkbook: "WPS 表格中没有打开的工作簿。请先打开自评表所在的文件。",
  },
  en: {
    editMode:
      "Excel is editing a cell, so nothing could be written. Press Enter to leave cell editing, then try again.",
    protected:
      "Sheet “{sheet}” is protected; nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.",
    noTable:
      "No performance self-evaluation table was found on the active sheet “{sheet}”. Switch to the sheet that holds it and try again.",
    emptySheet:
      "The active sheet “{sheet}” is empty. Switch to the sheet that holds the self-evaluation table and try again.",
    tooLarge:
      "The used range of sheet “{sheet}” has {cells} cells, more than the limit of {limit}. Copy the table to a sheet of its own and try again.",
    timeout:
      "Excel did not answer within {seconds} seconds. Try again later; if Excel is busy (e.g. calculating), let it finish first.",
    nothingToRevert: "Sheet “{sheet}” has nothing to revert.",
    sheetMissing: "Sheet “{sheet}” was not found; it may have been renamed or deleted.",
    unknown: "Excel reported an error: {detail}",
    notesUnsupported:
      "This version of Excel cannot write notes (ExcelApi 1.18 needed); only scores and fills were written.",
    recomputeDone: "Scored: total {detail}.",
    recomputeDoneNoTotal: "Scored; {count} cells written.",
    wpsUnknown: "WPS Spreadsheets reported an error: {detail}",
    wpsNoApplication:
      "The WPS Spreadsheets interface was not found. Use this add-in from the 绩效自评 tab in WPS Spreadsheets.",
    wpsNoWorkbook:
      "No workbook is open in WPS Spreadsheets. Open the file that holds the form first.",
  },
} as const;

export type HostStringKey = keyof (typeof hostStrings)["zh-CN"];

/** A host message with its placeholders filled in. */
export function hostMessage(key: HostStringKey, params?: Params, lang: Lang = "zh-CN"): string {
  return translate(hostStrings as Catalogue<HostStringKey>, lang, key, params);
}
