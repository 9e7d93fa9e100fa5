/**
 * The little XML this host needs, on the text itself. Edits are splices into the part's original
 * text, so everything not edited keeps its exact bytes — namespace prefixes, attribute order,
 * whitespace, unknown extensions. The libraries we looked at build trees and serialise them anew,
 * which is what this host exists to avoid.
 *
 * SpreadsheetML parts are machine-written: no DTDs, no entities beyond the five predefined ones and
 * character references, CDATA only in VML. Element names are matched with or without a prefix.
 */

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, ref: string) => {
    if (ref[0] !== "#") return ENTITY[ref];
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
// XML 1.0 cannot hold the C0 control characters other than tab and line breaks, escaped or not.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_TEXT_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

/** `text` with every character `re` (global) matches escaped, in one pass. */
function escapeMatches(text: string, re: RegExp): string {
  re.lastIndex = 0;
  if (!re.test(text)) return text;
  re.lastIndex = 0;
  return text.replace(re, (ch) => ESCAPES[ch] ?? "");
}

/** Text for element content or an attribute value (quotes escaped too). */
export function escapeXml(text: string): string {
  return escapeMatches(text, NEEDS_ESCAPE);
}

/**
 * Text for element content only: quotes stay as they are. The snapshot sheet holds JSON, whose
 * every quote would otherwise grow to six characters.
 */
export function escapeText(text: string): string {
  return escapeMatches(text, NEEDS_TEXT_ESCAPE);
}

function attributeName(name: string): string {
  return name.replace(/[.:]/g, "\\$&");
}

// Attributes are read for every cell, style and relationship: their patterns are kept by name.
// Building the pattern's text each time costs about 0.8 µs a call, against 0.1 µs looked up.
const attributeRes = new Map<string, RegExp>();

/** One attribute of a start tag, or undefined. */
export function attribute(tag: string, name: string): string | undefined {
  let re = attributeRes.get(name);
  if (!re) {
    re = new RegExp(`\\s${attributeName(name)}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attributeRes.set(name, re);
  }
  const m = re.exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? "") : undefined;
}

const valueRes = new Map<string, RegExp>();

/** `name="…"` after `lead` white space; the lead and `name=` are group 1 (cached by name, too). */
function attributeValueRe(name: string, lead: "\\s" | "\\s+"): RegExp {
  const key = `${lead} ${name}`;
  let re = valueRes.get(key);
  if (!re) {
    re = new RegExp(`(${lead}${attributeName(name)}\\s*=\\s*)("[^"]*"|'[^']*')`);
    valueRes.set(key, re);
  }
  return re;
}

/** The start tag with one attribute set (replaced in place, or added before the tag's end). */
export function withAttribute(tag: string, name: string, value: string): string {
  const re = attributeValueRe(name, "\\s");
  const escaped = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_m, lead: string) => `${lead}${escaped}`);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end).replace(/\s+$/, "")} ${name}=${escaped}${tag.slice(end)}`;
}

/** The start tag without one attribute. */
export function withoutAttribute(tag: string, name: string): string {
  return tag.replace(attributeValueRe(name, "\\s+"), "");
}

export interface ElementSpan {
  /** Offset of `<`. */
  start: number;
  /** Offset just past the element's end (`/>` or its end tag). */
  end: number;
  /** The start tag's text. */
  tag: string;
  /** Offsets of the content between start and end tag (equal for an empty element). */
  innerStart: number;
  innerEnd: number;
}

function localNamePattern(local: string): string {
  return `(?:[\\w.-]+:)?${local}`;
}

/**
 * Every element named `local` (any prefix) directly found by scanning from `from` to `to`, not
 * nested in one another. Enough for SpreadsheetML, where the elements we look for do not nest in
 * themselves.
 */
export function findElements(xml: string, local: string, from = 0, to = xml.length): ElementSpan[] {
  const name = localNamePattern(local);
  const open = new RegExp(`<(${name})(?=[\\s/>])[^>]*>`, "g");
  open.lastIndex = from;
  const out: ElementSpan[] = [];
  let m: RegExpExecArray | null;
  while ((m = open.exec(xml)) && m.index < to) {
    const tag = m[0];
    const innerStart = m.index + tag.length;
    if (tag.endsWith("/>")) {
      out.push({ start: m.index, end: innerStart, tag, innerStart, innerEnd: innerStart });
      continue;
    }
    const close = `</${m[1]}>`;
    const innerEnd = xml.indexOf(close, innerStart);
    if (innerEnd < 0) throw new Error(`unclosed <${m[1]}>`);
    const end = innerEnd + close.length;
    out.push({ start: m.index, end, tag, innerStart, innerEnd });
    open.lastIndex = end;
  }
  return out;
}

/** The first element named `local`, if any. */
export function findElement(
  xml: string,
  local: string,
  from = 0,
  to = xml.length
): ElementSpan | undefined {
  const name = localNamePattern(local);
  const open = new RegExp(`<(${name})(?=[\\s/>])[^>]*>`, "g");
  open.lastIndex = from;
  const m = open.exec(xml);
  if (!m || m.index >= to) return undefined;
  const tag = m[0];
  const innerStart = m.index + tag.length;
  if (tag.endsWith("/>"))
    return { start: m.index, end: innerStart, tag, innerStart, innerEnd: innerStart };
  const close = `</${m[1]}>`;
  const innerEnd = xml.indexOf(close, innerStart);
  if (innerEnd < 0) throw new Error(`unclosed <${m[1]}>`);
  return { start: m.index, end: innerEnd + close.length, tag, innerStart, innerEnd };
}

/** The concatenated text of every `<t>` element inside `xml` (rich text runs), phonetic runs skipped. */
export function runText(xml: string): string {
  if (!xml.includes("<")) return decodeXml(xml);
  const withoutPhonetic = xml.replace(/<(?:[\w.-]+:)?rPh[\s>][\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "");
  let out = "";
  const re = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(withoutPhonetic))) out += decodeXml(m[1] ?? "");
  return out;
}

/** The prefix (with colon) an element name carries in `tag`: "x:" for `<x:worksheet …>`, else "". */
export function prefixOf(tag: string): string {
  const m = /^<([\w.-]+:)?/.exec(tag);
  return m?.[1] ?? "";
}

/** Splice a list of [start, end, replacement] edits (non-overlapping) into `text`. */
export function splice(text: string, edits: [number, number, string][]): string {
  if (edits.length === 0) return text;
  const sorted = [...edits].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let out = "";
  let at = 0;
  for (const [start, end, replacement] of sorted) {
    out += text.slice(at, start) + replacement;
    at = end;
  }
  return out + text.slice(at);
}
