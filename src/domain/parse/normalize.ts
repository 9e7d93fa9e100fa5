/**
 * Text normalisation shared by detection and parsing (RULES A2.1–A2.2).
 */
import { memoizeString } from "../memo";

/** NFKC (full-width → half-width), drop U+3000, line breaks and zero-width characters, trim, collapse inner whitespace. */
export const normalizeText: (input: string) => string = memoizeString(normalizeTextNow);

function normalizeTextNow(input: string): string {
  return (
    input
      .normalize("NFKC")
      // Zero-width characters ride along with text copied from web pages and break word matching.
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
      .replace(/[\u3000\r\n\t\u00a0]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** For header and label matching: normalised with every space removed. */
export const normalizeLabel: (input: string) => string = memoizeString((input) =>
  normalizeText(input).replace(/\s+/g, "")
);

const PLACEHOLDERS = new Set([
  "",
  "—",
  "–",
  "-",
  "/",
  "／",
  "……",
  "...",
  "…",
  "无",
  "暂无",
  "*",
  "——",
  "--",
  "//",
]);

/** Placeholders count as empty (A2.2). "/ / /" and runs of dashes or dots are placeholders too. */
export const isPlaceholder: (input: string) => boolean = memoizeString(isPlaceholderNow);

function isPlaceholderNow(input: string): boolean {
  const t = normalizeLabel(input);
  if (PLACEHOLDERS.has(t)) return true;
  return /^([-—–/／.…*])\1*$/.test(t) || /^[/／]+$/.test(t);
}
