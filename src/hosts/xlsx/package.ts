/* global TextDecoder, TextEncoder */
/**
 * An OPC package (the zip behind .xlsx/.xlsm) opened for surgical edits: parts are read as text on
 * demand, a part is replaced or added by name, and `toBytes` copies every part nobody replaced
 * exactly as it was (same name, same compressed bytes, same order).
 *
 * Relationship targets are resolved both relative (`worksheets/sheet1.xml`) and absolute
 * (`/xl/worksheets/sheet1.xml`, as openpyxl and pandas write them).
 */
import { attribute, escapeXml, findElement, findElements, splice } from "./xml";
import {
  entryBytes,
  fflateCodec,
  newEntry,
  readZip,
  writeZip,
  type ZipCodec,
  type ZipEntry,
} from "./zip";

export interface Relationship {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  /** The part name it resolves to (no leading slash), or the URL for external targets. */
  part: string;
  external: boolean;
}

const decoder = new TextDecoder("utf-8");
const encoder = new TextEncoder();

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The part a target names, seen from `source` (a part name such as xl/workbook.xml). */
export function resolveTarget(source: string, target: string): string {
  const clean = target.split("#")[0].replace(/\\/g, "/");
  const base = clean.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(decodeURIComponent(seg));
  }
  return base.join("/");
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target for `part` written relative to `source`, as Excel writes them. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export class XlsxPackage {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  /** Lower-cased name → name: OPC part names compare case-insensitively. */
  private readonly folded = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  /** Replaced or added parts: their text, encoded only when the package is written. */
  private readonly changed = new Map<string, string>();
  private readonly removed = new Set<string>();

  constructor(
    bytes: Uint8Array,
    private readonly codec: ZipCodec = fflateCodec
  ) {
    this.entries = readZip(bytes);
    for (const e of this.entries) {
      this.byName.set(e.name, e);
      this.folded.set(e.name.toLowerCase(), e.name);
    }
  }

  /** The stored name of a part (case as in the zip), or undefined. */
  nameOf(part: string): string | undefined {
    const name = part.replace(/^\//, "");
    if (this.removed.has(name)) return undefined;
    if (this.byName.has(name) || this.changed.has(name)) return name;
    const folded = this.folded.get(name.toLowerCase());
    return folded && !this.removed.has(folded) ? folded : undefined;
  }

  has(part: string): boolean {
    return this.nameOf(part) !== undefined;
  }

  /** A part's bytes; undefined when absent. */
  bytes(part: string): Uint8Array | undefined {
    const name = this.nameOf(part);
    if (name === undefined) return undefined;
    const changed = this.changed.get(name);
    if (changed !== undefined) return encoder.encode(changed);
    const entry = this.byName.get(name);
    return entry ? entryBytes(entry, this.codec) : undefined;
  }

  /** A part's text (UTF-8, BOM dropped); undefined when absent. */
  text(part: string): string | undefined {
    const name = this.nameOf(part);
    if (name === undefined) return undefined;
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const bytes = this.bytes(name);
    if (!bytes) return undefined;
    const text = decoder.decode(bytes).replace(/^\uFEFF/, "");
    this.texts.set(name, text);
    return text;
  }

  /** Replace or add a part. A new part goes at the end of the zip. */
  setText(part: string, text: string): void {
    const name = this.nameOf(part) ?? part.replace(/^\//, "");
    this.removed.delete(name);
    if (this.text(name) === text) return;
    this.texts.set(name, text);
    this.changed.set(name, text);
  }

  /** Take a part out of the package (with its text edits elsewhere left to the caller). */
  remove(part: string): void {
    const name = this.nameOf(part);
    if (name === undefined) return;
    this.changed.delete(name);
    this.texts.delete(name);
    if (this.byName.has(name)) this.removed.add(name);
  }

  /** Remove one relationship (by id) from `source`'s rels part. */
  removeRelationship(source: string, id: string): void {
    const relsPart = relsPartOf(source);
    const xml = this.text(relsPart);
    if (!xml) return;
    const el = findElements(xml, "Relationship").find(({ tag }) => attribute(tag, "Id") === id);
    if (el) this.setText(relsPart, splice(xml, [[el.start, el.end, ""]]));
  }

  /** Remove the Override of `part` from [Content_Types].xml. */
  removeContentType(part: string): void {
    const name = "[Content_Types].xml";
    const xml = this.text(name) ?? "";
    const el = findElements(xml, "Override").find(
      ({ tag }) => (attribute(tag, "PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase()
    );
    if (el) this.setText(name, splice(xml, [[el.start, el.end, ""]]));
  }

  /** Names of the parts replaced or added so far. */
  changedParts(): string[] {
    return [...this.changed.keys()];
  }

  partNames(): string[] {
    const names = this.entries.map((e) => e.name).filter((n) => !this.removed.has(n));
    for (const name of this.changed.keys()) if (!this.byName.has(name)) names.push(name);
    return names;
  }

  private readonly relationshipsCache = new Map<string, { xml: string; rels: Relationship[] }>();

  /** The relationships of a part (from its .rels part), in document order. */
  relationships(source: string): readonly Relationship[] {
    const xml = this.text(relsPartOf(source));
    if (!xml) return [];
    const cached = this.relationshipsCache.get(source);
    if (cached?.xml === xml) return cached.rels;
    const rels = this.readRelationships(source, xml);
    this.relationshipsCache.set(source, { xml, rels });
    return rels;
  }

  private readRelationships(source: string, xml: string): Relationship[] {
    return findElements(xml, "Relationship").map(({ tag }) => {
      const target = attribute(tag, "Target") ?? "";
      const external = attribute(tag, "TargetMode") === "External";
      return {
        id: attribute(tag, "Id") ?? "",
        type: attribute(tag, "Type") ?? "",
        target,
        part: external ? target : resolveTarget(source, target),
        external,
      };
    });
  }

  /** Append a relationship to `source`'s rels part (created when absent); returns its id. */
  addRelationship(source: string, type: string, part: string): string {
    const relsPart = relsPartOf(source);
    const xml =
      this.text(relsPart) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}"></Relationships>`;
    const used = new Set(this.relationships(source).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = escapeXml(relativeTarget(source, part));
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
    this.setText(relsPart, insertBeforeClose(xml, "Relationships", rel));
    return id;
  }

  /** Make sure [Content_Types].xml covers `part` with `contentType` (an Override), appending only. */
  ensureContentType(part: string, contentType: string): void {
    const name = "[Content_Types].xml";
    const xml = this.text(name);
    if (xml === undefined) throw new Error("the package has no [Content_Types].xml");
    const partName = `/${part}`;
    for (const { tag } of findElements(xml, "Override")) {
      if ((attribute(tag, "PartName") ?? "").toLowerCase() === partName.toLowerCase()) return;
    }
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const { tag } of findElements(xml, "Default")) {
      if ((attribute(tag, "Extension") ?? "").toLowerCase() === ext) {
        if (attribute(tag, "ContentType") === contentType) return;
        break;
      }
    }
    const entry = `<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>`;
    this.setText(name, insertBeforeClose(xml, "Types", entry));
  }

  /** Make sure an extension has a Default content type (VML parts are typed by extension). */
  ensureDefaultContentType(ext: string, contentType: string): void {
    const name = "[Content_Types].xml";
    const xml = this.text(name) ?? "";
    for (const { tag } of findElements(xml, "Default")) {
      if ((attribute(tag, "Extension") ?? "").toLowerCase() === ext) return;
    }
    const entry = `<Default Extension="${ext}" ContentType="${contentType}"/>`;
    // Defaults come before Overrides in Excel's own files; the schema allows any order.
    const first = findElement(xml, "Override");
    this.setText(
      name,
      first
        ? splice(xml, [[first.start, first.start, entry]])
        : insertBeforeClose(xml, "Types", entry)
    );
  }

  /** A part name not yet used: xl/comments{n}.xml with the lowest free n. */
  freeName(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name)) return name;
    }
  }

  /** The package as bytes: unchanged parts copied verbatim, changed ones compressed anew. */
  toBytes(): Uint8Array {
    const out: ZipEntry[] = [];
    for (const e of this.entries) {
      if (this.removed.has(e.name)) continue;
      const changed = this.changed.get(e.name);
      out.push(changed !== undefined ? newEntry(e.name, encoder.encode(changed), this.codec) : e);
    }
    for (const [name, text] of this.changed) {
      if (!this.byName.has(name)) out.push(newEntry(name, encoder.encode(text), this.codec));
    }
    return writeZip(out);
  }
}

/** `xml` with `content` inserted just before the last closing tag of element `local`. */
export function insertBeforeClose(xml: string, local: string, content: string): string {
  let close: RegExpExecArray | null = null;
  const re = new RegExp(`</(?:[\\w.-]+:)?${local}\\s*>`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) close = m;
  if (close) return splice(xml, [[close.index, close.index, content]]);
  // An empty root written as <Root .../>: open it.
  const empty = new RegExp(`<((?:[\\w.-]+:)?${local})(\\s[^>]*)?/>`).exec(xml);
  if (!empty) throw new Error(`no <${local}> element`);
  const open = `<${empty[1]}${empty[2] ?? ""}>`;
  return splice(xml, [
    [empty.index, empty.index + empty[0].length, `${open}${content}</${empty[1]}>`],
  ]);
}
