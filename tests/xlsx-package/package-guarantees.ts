/**
 * Part-by-part checks of what scoring and revert may do to an .xlsx package. Each check returns a
 * list of violations (part name, what differs, a short excerpt) rather than throwing, so one failing
 * test names every broken guarantee at once. Nothing here knows how the host edits packages: parts
 * are compared as bytes or as the text of their elements.
 */
import { strFromU8, unzipSync } from "fflate";
import * as path from "path";
import { splitChildren } from "../fixtures/features/package-draft";

export type Parts = Map<string, Uint8Array>;

/** The package's parts by name; directory entries some zip writers add are not parts. */
export function unzipParts(bytes: Uint8Array): Parts {
  return new Map(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith("/")));
}

export function partText(parts: Parts, name: string): string {
  const bytes = parts.get(name);
  if (!bytes) throw new Error(`no part ${name}`);
  return strFromU8(bytes);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface PartsDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/** Which parts one package has that the other lacks, and which differ in bytes. */
export function diffParts(a: Parts, b: Parts): PartsDiff {
  const added = [...b.keys()].filter((n) => !a.has(n)).sort();
  const removed = [...a.keys()].filter((n) => !b.has(n)).sort();
  const changed = [...a.keys()].filter((n) => b.has(n) && !sameBytes(a.get(n)!, b.get(n)!)).sort();
  return { added, removed, changed };
}

/** Where two texts first differ, with some context on both sides (for violation messages). */
export function firstDifference(a: string, b: string, context = 60): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return "identical";
  const from = Math.max(0, i - context);
  return `at ${i}: …${a.slice(from, i + context)}… ≠ …${b.slice(from, i + context)}…`;
}

/** Every element with this local name (any prefix), as text; the element must not nest itself. */
export function elementsOf(xml: string, tag: string): string[] {
  const re = new RegExp(
    `<(?:\\w+:)?${tag}\\b(?:[^>]*?/>|[^>]*?>[\\s\\S]*?</(?:\\w+:)?${tag}>)`,
    "g"
  );
  return xml.match(re) ?? [];
}

export function attribute(element: string, name: string): string | undefined {
  const start = /^<[^>]*>/.exec(element)?.[0] ?? element;
  return new RegExp(`\\s${name}="([^"]*)"`).exec(start)?.[1];
}

/** The top-level children of an element's content, tracking depth (children may nest). */
export function childElements(elementXml: string): string[] {
  const openEnd = elementXml.indexOf(">");
  if (elementXml[openEnd - 1] === "/") return [];
  const inner = elementXml.slice(openEnd + 1, elementXml.lastIndexOf("</"));
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (const m of inner.matchAll(/<(\/?)[^>]*?(\/?)>/g)) {
    const closing = m[1] === "/";
    const selfClosing = m[2] === "/";
    if (depth === 0 && !closing) start = m.index!;
    if (closing) depth--;
    else if (!selfClosing) depth++;
    if (depth === 0) out.push(inner.slice(start, m.index! + m[0].length));
  }
  return out;
}

export function localName(element: string): string {
  return /^<(?:\w+:)?([\w]+)/.exec(element)![1];
}

// ---------------------------------------------------------------- package structure

/** A relationship target as a part name (relative and absolute targets both resolved). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return path.posix.normalize(target.slice(1));
  const dir = source === "" ? "" : path.posix.dirname(source);
  return path.posix.normalize(path.posix.join(dir, target));
}

export function relsPathOf(part: string): string {
  if (part === "") return "_rels/.rels";
  const dir = path.posix.dirname(part);
  return `${dir === "." ? "" : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name, or the target as written for external ones. */
  part: string;
  external: boolean;
  xml: string;
}

export function relationshipsOf(parts: Parts, source: string): Relationship[] {
  const rels = relsPathOf(source);
  if (!parts.has(rels)) return [];
  return elementsOf(partText(parts, rels), "Relationship").map((xml) => {
    const external = attribute(xml, "TargetMode") === "External";
    const target = attribute(xml, "Target")!;
    return {
      id: attribute(xml, "Id")!,
      type: attribute(xml, "Type")!,
      part: external ? target : resolveTarget(source, target),
      external,
      xml,
    };
  });
}

export function workbookPartOf(parts: Parts): string {
  return relationshipsOf(parts, "").find((r) => r.type.endsWith("/officeDocument"))!.part;
}

export interface SheetRef {
  name: string;
  state: string | undefined;
  part: string;
  xml: string;
}

export function sheetsOf(parts: Parts): SheetRef[] {
  const workbook = workbookPartOf(parts);
  const rels = relationshipsOf(parts, workbook);
  return elementsOf(partText(parts, workbook), "sheet").map((xml) => {
    const rid = /\s\w+:id="([^"]*)"/.exec(xml)![1];
    return {
      name: attribute(xml, "name")!,
      state: attribute(xml, "state"),
      part: rels.find((r) => r.id === rid)!.part,
      xml,
    };
  });
}

export function sheetPartByName(parts: Parts, name: string): string {
  const sheet = sheetsOf(parts).find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.part;
}

/** The parts a sheet relates to of a given relationship type (suffix of the type URI). */
export function relatedParts(parts: Parts, source: string, typeSuffix: string): string[] {
  return relationshipsOf(parts, source)
    .filter((r) => !r.external && r.type.endsWith(typeSuffix))
    .map((r) => r.part);
}

// ---------------------------------------------------------------- cells

/** Every `<c>` element of a worksheet by reference. */
export function cellsOf(sheetXml: string): Map<string, string> {
  const data = elementsOf(sheetXml, "sheetData")[0] ?? "";
  const cells = new Map<string, string>();
  for (const c of elementsOf(data, "c")) cells.set(attribute(c, "r")!, c);
  return cells;
}

/** Every `<row>` start tag by row number. */
export function rowTagsOf(sheetXml: string): Map<string, string> {
  const data = elementsOf(sheetXml, "sheetData")[0] ?? "";
  const rows = new Map<string, string>();
  for (const m of data.matchAll(/<(?:\w+:)?row\b[^>]*>/g)) rows.set(attribute(m[0], "r")!, m[0]);
  return rows;
}

/** A cell's cached value (`<v>` or inline string text), for reading results back. */
export function cellValue(cell: string | undefined): string | undefined {
  if (!cell) return undefined;
  const v = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(cell)?.[1];
  if (v !== undefined) return v;
  const inline = elementsOf(cell, "t").map((t) => t.replace(/<[^>]+>/g, ""));
  return inline.length ? inline.join("") : undefined;
}

function valueAndType(cell: string | undefined): string {
  if (!cell) return "";
  return `${attribute(cell, "t") ?? "n"}:${cellValue(cell) ?? ""}:${elementsOf(cell, "f")[0] ?? ""}`;
}

// ---------------------------------------------------------------- notes

export interface NoteText {
  ref: string;
  author: string;
  text: string;
}

/** The legacy notes of a comments part by cell, with author names instead of indices. */
export function notesOf(commentsXml: string | undefined): Map<string, NoteText[]> {
  const notes = new Map<string, NoteText[]>();
  if (!commentsXml) return notes;
  const authors = elementsOf(commentsXml, "author").map((a) => a.replace(/<[^>]+>/g, ""));
  for (const c of elementsOf(commentsXml, "comment")) {
    const ref = attribute(c, "ref")!;
    const note = {
      ref,
      author: authors[Number(attribute(c, "authorId"))] ?? "?",
      text: elementsOf(c, "text")[0] ?? "",
    };
    notes.set(ref, [...(notes.get(ref) ?? []), note]);
  }
  return notes;
}

/** A sheet's notes: every comments part it relates to, merged. */
export function sheetNotes(parts: Parts, sheetPart: string): Map<string, NoteText[]> {
  const merged = new Map<string, NoteText[]>();
  for (const comments of relatedParts(parts, sheetPart, "/comments")) {
    if (!parts.has(comments)) continue;
    for (const [ref, list] of notesOf(partText(parts, comments))) {
      merged.set(ref, [...(merged.get(ref) ?? []), ...list]);
    }
  }
  return merged;
}

function colRow(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { col, row: Number(m[2]) - 1 };
}

/** Notes without a VML shape at their cell are invisible in Excel. */
export function notesWithoutShape(parts: Parts, sheetPart: string): string[] {
  const vml = relatedParts(parts, sheetPart, "/vmlDrawing")
    .filter((p) => parts.has(p))
    .map((p) => partText(parts, p))
    .join("");
  const shapes = new Set(
    [...vml.matchAll(/<x:Row>(\d+)<\/x:Row>\s*<x:Column>(\d+)<\/x:Column>/g)].map(
      (m) => `${m[1]}:${m[2]}`
    )
  );
  return [...sheetNotes(parts, sheetPart).keys()].filter((ref) => {
    const { col, row } = colRow(ref);
    return !shapes.has(`${row}:${col}`);
  });
}

/** Cells that carry a threaded comment on a sheet. */
export function threadedCommentCells(parts: Parts, sheetPart: string): string[] {
  return relatedParts(parts, sheetPart, "/threadedComment")
    .filter((p) => parts.has(p))
    .flatMap((p) =>
      elementsOf(partText(parts, p), "threadedComment").map((t) => attribute(t, "ref")!)
    );
}

// ---------------------------------------------------------------- guarantees

export interface ScoredContext {
  input: Parts;
  output: Parts;
  formSheetName: string;
  /** Cells the product owns on the form (得分, 执行率, total, grade, cells of its findings). */
  owned: Set<string>;
}

/** The parts scoring may change: workbook-level parts and the form sheet with its notes. */
export function changeableParts(input: Parts, output: Parts, formPart: string): Set<string> {
  const workbook = workbookPartOf(input);
  const names = new Set([
    "[Content_Types].xml",
    workbook,
    relsPathOf(workbook),
    formPart,
    relsPathOf(formPart),
  ]);
  for (const parts of [input, output]) {
    for (const suffix of ["/styles", "/sharedStrings"]) {
      relatedParts(parts, workbook, suffix).forEach((p) => names.add(p));
    }
    for (const suffix of ["/comments", "/vmlDrawing"]) {
      relatedParts(parts, formPart, suffix).forEach((p) => names.add(p));
    }
  }
  return names;
}

/** Nothing removed; every part scoring has no business changing byte-identical; new parts limited. */
export function untouchedPartsViolations(ctx: ScoredContext): string[] {
  const { input, output } = ctx;
  const formPart = sheetPartByName(input, ctx.formSheetName);
  const changeable = changeableParts(input, output, formPart);
  const diff = diffParts(input, output);
  const out: string[] = [];
  for (const name of diff.removed) out.push(`removed: ${name}`);
  for (const name of diff.changed) {
    if (!changeable.has(name))
      out.push(`changed: ${name} (${describeChange(input, output, name)})`);
  }
  const inputSheets = new Set(sheetsOf(input).map((s) => s.part));
  const newSheets = sheetsOf(output).filter((s) => !inputSheets.has(s.part));
  for (const name of diff.added) {
    if (changeable.has(name)) continue;
    if (newSheets.length === 1 && newSheets[0].part === name) continue;
    out.push(`added: ${name}`);
  }
  if (newSheets.length > 1)
    out.push(`added ${newSheets.length} sheets: ${newSheets.map((s) => s.name)}`);
  return out;
}

function describeChange(a: Parts, b: Parts, name: string): string {
  if (/\.(xml|rels|vml)$/.test(name)) return firstDifference(partText(a, name), partText(b, name));
  return `${a.get(name)!.length} → ${b.get(name)!.length} bytes`;
}

const STYLE_COLLECTIONS = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
];

/** Styles are append-only: every indexed entry unchanged at its index, the rest of the part as it was. */
export function stylesViolations(input: Parts, output: Parts): string[] {
  const part = relatedParts(input, workbookPartOf(input), "/styles")[0];
  if (!part) return [];
  const before = splitChildren(partText(input, part));
  const after = splitChildren(partText(output, part));
  const out: string[] = [];
  for (const child of before.children) {
    const now = after.children.find((c) => c.name === child.name);
    if (!now) {
      out.push(`${part}: <${child.name}> removed`);
      continue;
    }
    if (!STYLE_COLLECTIONS.includes(child.name)) {
      if (now.xml !== child.xml)
        out.push(`${part}: <${child.name}> changed: ${firstDifference(child.xml, now.xml)}`);
      continue;
    }
    const old = childElements(child.xml);
    const neu = childElements(now.xml);
    old.forEach((entry, i) => {
      if (neu[i] !== entry) {
        out.push(`${part}: <${child.name}> entry ${i} changed: ${entry} → ${neu[i] ?? "(gone)"}`);
      }
    });
  }
  return out;
}

/** Shared strings are append-only: every `<si>` unchanged at its index. */
export function sharedStringsViolations(input: Parts, output: Parts): string[] {
  const part = relatedParts(input, workbookPartOf(input), "/sharedStrings")[0];
  if (!part) return [];
  const before = elementsOf(partText(input, part), "si");
  const after = output.has(part) ? elementsOf(partText(output, part), "si") : [];
  const out: string[] = [];
  before.forEach((si, i) => {
    if (after[i] !== si) out.push(`${part}: <si> ${i} changed: ${si} → ${after[i] ?? "(gone)"}`);
  });
  return out;
}

/** Existing content types and relationships kept as they were (text of each entry). */
export function entriesKeptViolations(input: Parts, output: Parts): string[] {
  const out: string[] = [];
  const check = (name: string, tags: string[]) => {
    if (!input.has(name)) return;
    if (!output.has(name)) {
      out.push(`${name}: removed`);
      return;
    }
    const now = partText(output, name);
    for (const tag of tags) {
      for (const entry of elementsOf(partText(input, name), tag)) {
        if (!now.includes(entry)) out.push(`${name}: entry lost or changed: ${entry}`);
      }
    }
  };
  check("[Content_Types].xml", ["Default", "Override"]);
  for (const name of input.keys()) if (name.endsWith(".rels")) check(name, ["Relationship"]);
  return out;
}

/**
 * The workbook part: every element but `<sheets>` and `<calcPr>` as it was (defined names, protection,
 * views, pivot caches, external references…), the existing `<sheet>` entries unchanged and first, at
 * most one new sheet and very hidden, children in schema order; recalculation requested on open when
 * a value changed.
 */
export function workbookViolations(
  input: Parts,
  output: Parts,
  order: readonly string[],
  valuesChanged: boolean
): string[] {
  const part = workbookPartOf(input);
  const before = splitChildren(partText(input, part));
  const after = splitChildren(partText(output, part));
  const out: string[] = [];
  for (const child of before.children) {
    if (child.name === "sheets" || child.name === "calcPr") continue;
    const now = after.children.find((c) => c.name === child.name);
    if (now?.xml !== child.xml) {
      out.push(`${part}: <${child.name}> changed: ${child.xml} → ${now?.xml ?? "(gone)"}`);
    }
  }
  for (const child of after.children) {
    if (!before.children.some((c) => c.name === child.name) && child.name !== "calcPr") {
      out.push(`${part}: <${child.name}> added: ${child.xml}`);
    }
  }
  out.push(
    ...orderViolations(
      part,
      after.children.map((c) => c.name),
      order
    )
  );
  const oldSheets = elementsOf(before.children.find((c) => c.name === "sheets")!.xml, "sheet");
  const newSheets = elementsOf(after.children.find((c) => c.name === "sheets")?.xml ?? "", "sheet");
  oldSheets.forEach((s, i) => {
    if (newSheets[i] !== s)
      out.push(`${part}: <sheet> ${i} changed or moved: ${s} → ${newSheets[i]}`);
  });
  for (const added of newSheets.slice(oldSheets.length)) {
    if (attribute(added, "state") !== "veryHidden")
      out.push(`${part}: new sheet not very hidden: ${added}`);
  }
  if (newSheets.length > oldSheets.length + 1) out.push(`${part}: more than one sheet added`);
  const calcBefore = before.children.find((c) => c.name === "calcPr")?.xml;
  const calcAfter = after.children.find((c) => c.name === "calcPr")?.xml;
  if (calcBefore) {
    for (const m of calcBefore.matchAll(/\s([\w:]+)="([^"]*)"/g)) {
      if (m[1] === "fullCalcOnLoad") continue;
      if (!calcAfter || attribute(calcAfter, m[1]) !== m[2]) {
        out.push(`${part}: <calcPr> lost ${m[1]}="${m[2]}": ${calcAfter ?? "(gone)"}`);
      }
    }
  }
  if (valuesChanged && (!calcAfter || !/\sfullCalcOnLoad="(1|true)"/.test(calcAfter))) {
    out.push(
      `${part}: values changed but no recalculation requested: ${calcAfter ?? "(no calcPr)"}`
    );
  }
  return out;
}

/**
 * Worksheet children that may repeat: conditionalFormatting, and mc:AlternateContent, which Excel
 * wraps around oleObjects and controls (it stands in their place in the order).
 */
const REPEATABLE = new Set(["conditionalFormatting", "AlternateContent"]);

export function orderViolations(part: string, names: string[], order: readonly string[]): string[] {
  const out: string[] = [];
  let last = -1;
  for (const name of names) {
    const i = order.indexOf(
      name === "AlternateContent" && order.includes("controls") ? "controls" : name
    );
    if (i < 0) out.push(`${part}: <${name}> is not in the schema`);
    else if (i < last) out.push(`${part}: <${name}> after <${order[last]}> (schema order)`);
    else if (i === last && !REPEATABLE.has(name)) out.push(`${part}: <${name}> twice`);
    last = Math.max(last, i);
  }
  return out;
}

/** A root's children grouped by name, each group the texts in document order. */
function childrenByName(children: Array<{ name: string; xml: string }>): Map<string, string> {
  const groups = new Map<string, string>();
  for (const c of children) groups.set(c.name, (groups.get(c.name) ?? "") + c.xml);
  return groups;
}

/** Owned cells whose value, type or formula changed (style-only changes do not count). */
export function valueChangedCells(ctx: ScoredContext): string[] {
  const formPart = sheetPartByName(ctx.input, ctx.formSheetName);
  const before = cellsOf(partText(ctx.input, formPart));
  const after = cellsOf(partText(ctx.output, formPart));
  return [...ctx.owned].filter(
    (ref) => valueAndType(before.get(ref)) !== valueAndType(after.get(ref))
  );
}

/**
 * The form sheet: elements other than sheetData, dimension and legacyDrawing unchanged, all in
 * schema order, root attributes kept; in sheetData only owned cells differ and row tags keep their
 * attributes (`spans`, a hint, may change).
 */
export function formSheetViolations(ctx: ScoredContext, order: readonly string[]): string[] {
  const part = sheetPartByName(ctx.input, ctx.formSheetName);
  const beforeXml = partText(ctx.input, part);
  const afterXml = partText(ctx.output, part);
  const before = splitChildren(beforeXml);
  const after = splitChildren(afterXml);
  const out: string[] = [];
  for (const m of before.rootOpen.matchAll(/\s([\w:]+)="([^"]*)"/g)) {
    if (!after.rootOpen.includes(m[0].trim())) out.push(`${part}: root lost ${m[0].trim()}`);
  }
  const free = new Set(["sheetData", "dimension", "legacyDrawing"]);
  const groupsBefore = childrenByName(before.children);
  const groupsAfter = childrenByName(after.children);
  for (const [name, xml] of groupsBefore) {
    if (free.has(name)) continue;
    const now = groupsAfter.get(name);
    if (now !== xml) out.push(`${part}: <${name}> changed: ${firstDifference(xml, now ?? "")}`);
  }
  for (const name of groupsAfter.keys()) {
    if (!free.has(name) && !groupsBefore.has(name)) out.push(`${part}: <${name}> added`);
  }
  out.push(
    ...orderViolations(
      part,
      after.children.map((c) => c.name),
      order
    )
  );
  const cellsBefore = cellsOf(beforeXml);
  const cellsAfter = cellsOf(afterXml);
  for (const [ref, cell] of cellsBefore) {
    if (ctx.owned.has(ref)) continue;
    if (cellsAfter.get(ref) !== cell)
      out.push(`${part}: cell ${ref} changed: ${cell} → ${cellsAfter.get(ref)}`);
  }
  for (const [ref, cell] of cellsAfter) {
    if (!cellsBefore.has(ref) && !ctx.owned.has(ref))
      out.push(`${part}: cell ${ref} added: ${cell}`);
  }
  out.push(...cellOrderViolations(part, afterXml));
  const rowsBefore = rowTagsOf(beforeXml);
  const rowsAfter = rowTagsOf(afterXml);
  const noSpans = (tag: string | undefined) => tag?.replace(/\sspans="[^"]*"/, "");
  for (const [r, tag] of rowsBefore) {
    if (noSpans(rowsAfter.get(r)) !== noSpans(tag))
      out.push(`${part}: row ${r} changed: ${tag} → ${rowsAfter.get(r)}`);
  }
  return out;
}

/** Rows in ascending order, cells in each row in ascending column order (Excel rejects others). */
export function cellOrderViolations(part: string, sheetXml: string): string[] {
  const data = elementsOf(sheetXml, "sheetData")[0] ?? "";
  const out: string[] = [];
  let lastRow = 0;
  for (const row of elementsOf(data, "row")) {
    const r = Number(attribute(row, "r"));
    if (r <= lastRow) out.push(`${part}: row ${r} after row ${lastRow}`);
    lastRow = r;
    let lastCol = -1;
    for (const c of elementsOf(row, "c")) {
      const ref = attribute(c, "r")!;
      const { col, row: cellRow } = colRow(ref);
      if (cellRow + 1 !== r) out.push(`${part}: cell ${ref} inside row ${r}`);
      if (col <= lastCol) out.push(`${part}: cell ${ref} out of column order in row ${r}`);
      lastCol = col;
    }
  }
  return out;
}

/** The VML shapes of a sheet's legacy drawing(s), as text. */
export function vmlShapes(parts: Parts, sheetPart: string): string[] {
  return relatedParts(parts, sheetPart, "/vmlDrawing")
    .filter((p) => parts.has(p))
    .flatMap((p) => partText(parts, p).match(/<v:shape\b[\s\S]*?<\/v:shape>/g) ?? []);
}

/** The cell a note shape sits on, or undefined for other shapes (form controls…). */
function noteShapeCell(shape: string): string | undefined {
  if (!/ObjectType="Note"/.test(shape)) return undefined;
  const row = Number(/<x:Row>(\d+)<\/x:Row>/.exec(shape)?.[1]);
  const col = Number(/<x:Column>(\d+)<\/x:Column>/.exec(shape)?.[1]);
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `${letters}${row + 1}`;
}

/**
 * Existing VML shapes kept byte for byte: every form control, and every note shape except those on
 * cells in `mayChange` (owned cells whose note scoring replaces).
 */
export function vmlShapesKeptViolations(
  input: Parts,
  output: Parts,
  sheetPart: string,
  mayChange: Set<string>
): string[] {
  const now = new Set(vmlShapes(output, sheetPart));
  return vmlShapes(input, sheetPart)
    .filter((shape) => !mayChange.has(noteShapeCell(shape) ?? ""))
    .filter((shape) => !now.has(shape))
    .map((shape) => `${sheetPart}: VML shape lost or changed: ${shape.slice(0, 160)}…`);
}

/** Notes show only through the VML the sheet's root-level `<legacyDrawing r:id>` points at. */
export function notesShownViolations(parts: Parts, sheetPart: string): string[] {
  if (sheetNotes(parts, sheetPart).size === 0) return [];
  const root = splitChildren(partText(parts, sheetPart)).children;
  const legacy = root.find((c) => c.name === "legacyDrawing");
  const vmlIds = relationshipsOf(parts, sheetPart)
    .filter((r) => r.type.endsWith("/vmlDrawing"))
    .map((r) => r.id);
  const rid = legacy && /\s\w+:id="([^"]*)"/.exec(legacy.xml)?.[1];
  const out: string[] = [];
  const vml = relatedParts(parts, sheetPart, "/vmlDrawing")
    .filter((p) => parts.has(p))
    .map((p) => partText(parts, p))
    .join("");
  const shapeIds = [...vml.matchAll(/<v:shape\s[^>]*?\bid="([^"]+)"/g)].map((m) => m[1]);
  const duplicates = shapeIds.filter((id, i) => shapeIds.indexOf(id) !== i);
  if (duplicates.length)
    out.push(`${sheetPart}: VML shape ids used twice: ${[...new Set(duplicates)]}`);
  if (!rid || !vmlIds.includes(rid)) {
    out.push(
      `${sheetPart}: notes but no root-level <legacyDrawing> for the VML (${legacy?.xml ?? "none"})`
    );
  }
  return out;
}

/** A cell with a threaded comment gets no legacy note from us: its placeholder stays the only one. */
export function threadedCommentViolations(ctx: ScoredContext): string[] {
  const part = sheetPartByName(ctx.input, ctx.formSheetName);
  const before = sheetNotes(ctx.input, part);
  const after = sheetNotes(ctx.output, part);
  const out: string[] = [];
  for (const ref of threadedCommentCells(ctx.input, part)) {
    const was = JSON.stringify(before.get(ref));
    const now = JSON.stringify(after.get(ref));
    if (was !== now)
      out.push(`${part}: threaded-comment cell ${ref}: legacy notes ${was} → ${now}`);
  }
  return out;
}

/** The user's notes not on owned cells are kept as they were. */
export function userNotesViolations(ctx: ScoredContext): string[] {
  const part = sheetPartByName(ctx.input, ctx.formSheetName);
  const before = sheetNotes(ctx.input, part);
  const after = sheetNotes(ctx.output, part);
  const out: string[] = [];
  for (const [ref, notes] of before) {
    if (ctx.owned.has(ref)) continue;
    if (JSON.stringify(after.get(ref)) !== JSON.stringify(notes)) {
      out.push(
        `${part}: note on ${ref} changed: ${JSON.stringify(notes)} → ${JSON.stringify(after.get(ref))}`
      );
    }
  }
  for (const ref of notesWithoutShape(ctx.output, part))
    out.push(`${part}: note on ${ref} has no VML shape`);
  out.push(...notesShownViolations(ctx.output, part));
  out.push(...vmlShapesKeptViolations(ctx.input, ctx.output, part, ctx.owned));
  return out;
}

/**
 * Revert: every cell of the form exactly as in the input (value, type, formula, style), the notes as
 * the input had them, every part scoring may not change as the scored file had it.
 */
export function revertViolations(
  input: Parts,
  scored: Parts,
  reverted: Parts,
  formSheetName: string,
  order: readonly string[]
): string[] {
  const part = sheetPartByName(input, formSheetName);
  const out: string[] = [];
  const cellsBefore = cellsOf(partText(input, part));
  const cellsAfter = cellsOf(partText(reverted, part));
  for (const [ref, cell] of cellsBefore) {
    if (cellsAfter.get(ref) !== cell)
      out.push(`${part}: cell ${ref} not restored: ${cell} → ${cellsAfter.get(ref)}`);
  }
  for (const [ref, cell] of cellsAfter) {
    if (!cellsBefore.has(ref)) out.push(`${part}: cell ${ref} left behind: ${cell}`);
  }
  const notesBefore = JSON.stringify([...sheetNotes(input, part)].sort());
  const notesAfter = JSON.stringify([...sheetNotes(reverted, part)].sort());
  if (notesBefore !== notesAfter)
    out.push(`${part}: notes not restored: ${notesBefore} → ${notesAfter}`);
  for (const ref of notesWithoutShape(reverted, part))
    out.push(`${part}: note on ${ref} has no VML shape`);
  out.push(...notesShownViolations(reverted, part));
  out.push(...vmlShapesKeptViolations(input, reverted, part, new Set()));
  out.push(...cellOrderViolations(part, partText(reverted, part)));
  const changeable = changeableParts(scored, reverted, part);
  const diff = diffParts(scored, reverted);
  for (const name of diff.removed) {
    if (!changeable.has(name) && input.has(name)) out.push(`revert removed: ${name}`);
  }
  for (const name of diff.changed) {
    if (!changeable.has(name))
      out.push(`revert changed: ${name} (${describeChange(scored, reverted, name)})`);
  }
  for (const name of diff.added) if (!changeable.has(name)) out.push(`revert added: ${name}`);
  out.push(
    ...formSheetViolations(
      { input, output: reverted, formSheetName, owned: new Set() },
      order
    ).filter((v) => !v.includes(": cell "))
  );
  return out;
}
