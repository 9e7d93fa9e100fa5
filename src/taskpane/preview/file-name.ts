/** "报表.xlsx" → "报表.scored.xlsx" (the CLI's naming); a name without the extension just gains it. */
export function scoredName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base || "workbook"}.scored.xlsx`;
}
