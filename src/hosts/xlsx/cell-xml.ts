/**
 * One `<c>` element ↔ the engine's view of a cell. Reading resolves shared strings, number formats,
 * dates, fills and shared formulas; writing builds the element for a new value while keeping what
 * the original element carried that is not the value (style index aside, which the caller decides).
 */
import type { CellValue } from "../../domain/grid";
import { formatNumber } from "../../domain/format";
import { isDateFormat, serialToDate } from "./number-formats";
import { attribute, decodeXml, escapeText, runText, withAttribute, withoutAttribute } from "./xml";

export interface ParsedCell {
  /** The start tag. */
  tag: string;
  s: number;
  t: string | undefined;
  /** The `<f>` element's start tag and text, when there is one. */
  f?: { tag: string; text: string };
  v?: string;
  /** The `<is>` element's content (inline string). */
  is?: string;
}

const F_RE = /<((?:[\w.-]+:)?f)(?=[\s/>])([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/;
const V_RE = /<((?:[\w.-]+:)?v)>([\s\S]*?)<\/\1>/;
const IS_RE = /<((?:[\w.-]+:)?is)>([\s\S]*?)<\/\1>/;

const TAG_ATTR = /\s([st])\s*=\s*"([^"]*)"/g;

export function parseCell(xml: string): ParsedCell {
  const tagEnd = xml.indexOf(">") + 1;
  const tag = xml.slice(0, tagEnd);
  const out: ParsedCell = { tag, s: 0, t: undefined };
  TAG_ATTR.lastIndex = 0;
  for (let m = TAG_ATTR.exec(tag); m; m = TAG_ATTR.exec(tag)) {
    if (m[1] === "s") out.s = Number(m[2]);
    else out.t = m[2];
  }
  if (tag.endsWith("/>")) return out;
  const body = xml.slice(tagEnd);
  // Most bodies are a lone <v>: a substring test is cheaper than a regex that will not match.
  const f = body.includes("f") ? F_RE.exec(body) : null;
  if (f) {
    const fTag = f[3] === "/>" ? `<${f[1]}${f[2]}/>` : `<${f[1]}${f[2]}>`;
    out.f = { tag: fTag, text: decodeXml(f[4] ?? "") };
  }
  const v = body.includes("v>") ? V_RE.exec(body) : null;
  if (v) out.v = decodeXml(v[2]);
  const is = body.includes("is>") ? IS_RE.exec(body) : null;
  if (is) out.is = is[2];
  return out;
}

export interface ReadContext {
  sharedString(index: number): string;
  numberFormat(s: number): { code: string; id: number };
  date1904: boolean;
}

export interface CellReading {
  value: CellValue;
  text: string;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * A date as the forms write dates: 2021年12月31日, or 2021年12月 when the format shows no day.
 * Chinese text is what the time parser reads (RULES A2.8), whatever the cell's own format says.
 */
function dateText(d: Date, numberFormat: string): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const fmt = numberFormat.replace(/"[^"]*"/g, "").toLowerCase();
  if (/y/.test(fmt) && /m/.test(fmt) && !/d/.test(fmt)) return `${y}年${m}月`;
  if (!/y/.test(fmt) && /m/.test(fmt) && !/d/.test(fmt)) return `${m}月`;
  if (numberFormat.includes("年")) return `${y}年${m}月${day}日`;
  return `${y}-${pad2(m)}-${pad2(day)}`;
}

/** The value and displayed text of a parsed cell (a formula's cached result for formula cells). */
export function readValue(cell: ParsedCell, ctx: ReadContext): CellReading {
  switch (cell.t) {
    case "s": {
      if (cell.v === undefined) return { value: null, text: "" };
      const text = ctx.sharedString(Number(cell.v));
      return { value: text, text };
    }
    case "inlineStr": {
      const text = cell.is !== undefined ? runText(cell.is) : (cell.v ?? "");
      return { value: text, text };
    }
    case "str":
    case "e":
      return cell.v === undefined ? { value: null, text: "" } : { value: cell.v, text: cell.v };
    case "b":
      if (cell.v === undefined) return { value: null, text: "" };
      return cell.v === "1" || cell.v === "true"
        ? { value: true, text: "TRUE" }
        : { value: false, text: "FALSE" };
    case "d": {
      if (!cell.v) return { value: null, text: "" };
      const d = new Date(cell.v);
      if (Number.isNaN(d.getTime())) return { value: cell.v, text: cell.v };
      const text = dateText(d, ctx.numberFormat(cell.s).code);
      return { value: text, text };
    }
    default: {
      if (cell.v === undefined || cell.v === "") return { value: null, text: "" };
      const n = Number(cell.v);
      if (!Number.isFinite(n)) return { value: cell.v, text: cell.v };
      const { code, id } = ctx.numberFormat(cell.s);
      if (isDateFormat(id, code)) {
        const text = dateText(serialToDate(n, ctx.date1904), code);
        return { value: text, text };
      }
      return { value: n, text: formatNumber(n, code) };
    }
  }
}

/** Shift the relative A1 references of a formula by (dr, dc): a shared formula's copy at its cell. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = "";
  // Strings and quoted sheet names are copied as they are.
  const parts = formula.split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      out += part;
      return;
    }
    out += part.replace(
      /(^|[^A-Za-z0-9_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
      (_m, lead: string, colAbs: string, letters: string, rowAbs: string, digits: string) => {
        let col = 0;
        for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
        const nextCol = colAbs ? col : col + dc;
        const nextRow = rowAbs ? Number(digits) : Number(digits) + dr;
        if (nextCol < 1 || nextRow < 1) return `${lead}#REF!`;
        let letters2 = "";
        for (let n = nextCol; n > 0; n = Math.floor((n - 1) / 26))
          letters2 = String.fromCharCode(65 + ((n - 1) % 26)) + letters2;
        return `${lead}${colAbs}${letters2}${rowAbs}${nextRow}`;
      }
    );
  });
  return out;
}

const SPACE = /\s/;

/** Leading or trailing white space, or a line break, is kept only with xml:space="preserve". */
function needsPreserve(text: string): boolean {
  return (
    text.length > 0 &&
    (SPACE.test(text[0]) || SPACE.test(text[text.length - 1]) || text.includes("\n"))
  );
}

/** The value part of a new `<c>`: its t attribute and children for `value` (and formula). */
function valueContent(
  value: CellValue,
  formula: string | undefined,
  p: string
): { t?: string; inner: string } {
  const f = formula !== undefined ? `<${p}f>${escapeText(formula)}</${p}f>` : "";
  if (value === null) return { inner: f };
  if (typeof value === "number") return { inner: `${f}<${p}v>${String(value)}</${p}v>` };
  if (typeof value === "boolean") return { t: "b", inner: `${f}<${p}v>${value ? 1 : 0}</${p}v>` };
  if (formula !== undefined) return { t: "str", inner: `${f}<${p}v>${escapeText(value)}</${p}v>` };
  const space = needsPreserve(value) ? ' xml:space="preserve"' : "";
  return { t: "inlineStr", inner: `<${p}is><${p}t${space}>${escapeText(value)}</${p}t></${p}is>` };
}

/**
 * The `<c>` element for `address` holding `value` (and `formula`, without "="), with style index
 * `s`. Attributes of the original start tag other than t and s (cm, vm, ph …) are dropped with its
 * old value only where they describe that value: cm/vm belong to the old formula's result.
 */
export function buildCell(
  address: string,
  value: CellValue,
  formula: string | undefined,
  s: number,
  prefix: string
): string {
  const { t, inner } = valueContent(value, formula, prefix);
  const attrs = `r="${address}"${s ? ` s="${s}"` : ""}${t ? ` t="${t}"` : ""}`;
  return inner ? `<${prefix}c ${attrs}>${inner}</${prefix}c>` : `<${prefix}c ${attrs}/>`;
}

/** The same element with another style index (the value left exactly as it was). */
export function restyleCell(xml: string, s: number): string {
  const tagEnd = xml.indexOf(">") + 1;
  let tag = xml.slice(0, tagEnd);
  const selfClosing = tag.endsWith("/>");
  tag = s ? withAttribute(tag, "s", String(s)) : withoutAttribute(tag, "s");
  if (selfClosing && !tag.endsWith("/>")) tag = tag.replace(/>$/, "/>");
  return tag + xml.slice(tagEnd);
}

/** The same element, its value part (t attribute and children) taken from `source`, style kept. */
export function withValueOf(xml: string, source: string): string {
  const s = Number(attribute(xml.slice(0, xml.indexOf(">") + 1), "s") ?? 0);
  return restyleCell(source, s);
}
