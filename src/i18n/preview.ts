/**
 * Strings of the browser preview page (the file picker and the rendered sheet); the pane itself uses
 * ui.ts. zh-CN is the default; en has the same keys and placeholders (tests/i18n/parity.test.ts).
 */
import { translate, type Catalogue, type Lang, type Params } from "./index";

const zhCN = {
  "file.banner": "预览模式：未连接 Excel，正在为您选择的文件“{name}”评分。",
  "file.title": "为自己的 .xlsx 文件评分",
  "file.drop": "把 .xlsx 文件拖放到这里，或",
  "file.choose": "选择文件…",
  "file.local": "文件只在本机浏览器中读取和评分，不会上传到任何地方。",
  "file.loading": "正在读取“{name}”…",
  "file.sample": "当前是示例自评表（2021 年基层科普行动计划专项资金）。",
  "file.current": "当前文件：{name}",
  "file.sheet": "自评表所在工作表",
  "file.download": "下载评分后的文件",
  "file.downloadHint": "下载的文件名为“{name}”，原文件不会被修改。",
  "file.backToSample": "返回示例",
  "file.error.NOT_XLSX": "“{name}”不是 .xlsx 工作簿文件。请选择用 Excel 或 WPS 保存的 .xlsx 文件。",
  "file.error.XLS": "“{name}”是旧版 .xls 工作簿。请在 Excel 或 WPS 中另存为 .xlsx 后重试。",
  "file.error.ZIP": "“{name}”是一个压缩包，不是 Excel 工作簿。",
  "file.error.ENCRYPTED": "“{name}”设有打开密码，无法读取。请在 Excel 或 WPS 中取消密码后重试。",
  "file.error.CORRUPT": "“{name}”已损坏，无法读取。",
  "file.error.EMPTY": "“{name}”中没有可读取的工作表或单元格。",
  "file.error.NO_TABLE":
    "“{name}”中没有找到项目支出绩效自评表：需要“三级指标”“年度指标值”“实际完成值”“分值”“得分”等表头。",
  "file.error.TOO_LARGE":
    "“{name}”的工作表过大，无法在浏览器中读取。请把自评表单独放在一个工作表中。",
  "file.error.UNKNOWN": "无法读取“{name}”：{detail}",

  "sheet.title": "工作表：{sheet}",
  "sheet.hint": "点击待处理事项中的一项，即可在此表中定位到要处理的单元格。",
  "sheet.corner": "行号 / 列号",
  "sheet.empty": "工作表是空的。",
  "sheet.loading": "正在显示工作表…",
  "sheet.note": "批注：{note}",
} as const;

export type PreviewKey = keyof typeof zhCN;

const en: Record<PreviewKey, string> = {
  "file.banner": "Preview mode: not connected to Excel, scoring the file you chose, “{name}”.",
  "file.title": "Score your own .xlsx file",
  "file.drop": "Drop an .xlsx file here, or",
  "file.choose": "Choose a file…",
  "file.local": "The file is read and scored in this browser only; it is never uploaded.",
  "file.loading": "Reading “{name}”…",
  "file.sample": "Showing the sample form (2021 grassroots science popularisation fund).",
  "file.current": "Current file: {name}",
  "file.sheet": "Sheet with the form",
  "file.download": "Download the scored file",
  "file.downloadHint": "It downloads as “{name}”; your original file is not changed.",
  "file.backToSample": "Back to the sample",
  "file.error.NOT_XLSX":
    "“{name}” is not an .xlsx workbook. Choose an .xlsx file saved by Excel or WPS.",
  "file.error.XLS":
    "“{name}” is an old .xls workbook. Save it as .xlsx in Excel or WPS and try again.",
  "file.error.ZIP": "“{name}” is a zip archive, not an Excel workbook.",
  "file.error.ENCRYPTED":
    "“{name}” is password-protected and cannot be read. Remove the password in Excel or WPS and try again.",
  "file.error.CORRUPT": "“{name}” is damaged and cannot be read.",
  "file.error.EMPTY": "“{name}” has no sheet or cell to read.",
  "file.error.NO_TABLE":
    "No project expenditure self-evaluation form was found in “{name}”: it needs headers such as 三级指标, 年度指标值, 实际完成值, 分值 and 得分.",
  "file.error.TOO_LARGE":
    "A sheet of “{name}” is too large to read in the browser. Put the form on a sheet of its own.",
  "file.error.UNKNOWN": "Could not read “{name}”: {detail}",

  "sheet.title": "Sheet: {sheet}",
  "sheet.hint": "Choose an item in the to-do list to locate the cell to work on in this sheet.",
  "sheet.corner": "Row / column",
  "sheet.empty": "The sheet is empty.",
  "sheet.loading": "Showing the sheet…",
  "sheet.note": "Note: {note}",
};

export const previewStrings: Catalogue<PreviewKey> = { "zh-CN": zhCN, en };

export function previewText(lang: Lang, key: PreviewKey, params?: Params): string {
  return translate(previewStrings, lang, key, params);
}
