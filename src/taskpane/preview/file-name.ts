/**
 * "报表.xlsx" → "报表.scored.xlsx" (the CLI's naming); a macro workbook stays one ("宏.xlsm" →
 * "宏.scored.xlsm"); a name without the extension just gains .xlsx.
 */
export function scoredName(name: string): string {
  const ext = /\.xlsm$/i.test(name) ? ".xlsm" : ".xlsx";
  const base = name.replace(/\.xls[xm]$/i, "").replace(/\.scored$/i, "");
  return `${base || "workbook"}.scored${ext}`;
}

export function isMacroWorkbook(name: string): boolean {
  return /\.xlsm$/i.test(name);
}
