/**
 * A worksheet part, indexed for reading and edited by splicing: each `<c>` element is found once
 * with its offsets; a write replaces, inserts or removes single `<c>` (and, when needed, `<row>`)
 * elements inside `sheetData`, adjusts `dimension`, and may add `legacyDrawing`. Every other byte of
 * the part stays as it was, and added elements go where the schema orders them.
 */
import { columnLetters, fromA1, toA1, type MergedArea } from "../../domain/grid";
import {
  attribute,
  findElement,
  findElements,
  prefixOf,
  splice,
  withAttribute,
  type ElementSpan,
} from "./xml";

export interface XmlCell {
  row: number;
  col: number;
  /** Offsets of the whole `<c>` element in the part. */
  start: number;
  end: number;
  /** The element's text. */
  xml: string;
}

interface XmlRow {
  row: number;
  start: number;
  /** Offset just past the start tag. */
  innerStart: number;
  /** Offset of `</row>` (equal to innerStart for `<row/>`). */
  innerEnd: number;
  end: number;
  tag: string;
  /** Cells of this row in document order. */
  cells: XmlCell[];
}

/** CT_Worksheet's children in schema order. */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

const ROW_RE = /<((?:[\w.-]+:)?row)(\s[^>]*?)?(\/>|>)/g;
const R_ATTR = /(?:^|\s)r\s*=\s*"\$?([A-Z]*)\$?(\d*)"/;

/** "AB" → 27; for a row attribute ("12", no letters) the caller reads the digits instead. */
function columnOf(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return col - 1;
}

function isNameEnd(ch: number): boolean {
  // whitespace, "/" or ">"
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62;
}

/**
 * The `<c>` elements of one row, found with indexOf rather than a regular expression: this loop
 * runs for every cell of every sheet read, and a cell's body never holds another element's end tag.
 */
function scanCells(xml: string, line: XmlRow): void {
  const stop = line.innerEnd;
  let at = line.innerStart;
  let lastCol = -1;
  for (let lt = xml.indexOf("<", at); lt >= 0 && lt < stop; lt = xml.indexOf("<", at)) {
    let nameEnd = lt + 1;
    while (nameEnd < stop && !isNameEnd(xml.charCodeAt(nameEnd))) nameEnd++;
    const tagEnd = xml.indexOf(">", nameEnd);
    if (tagEnd < 0 || tagEnd >= stop) throw new Error("unclosed tag in <row>");
    const name = xml.slice(lt + 1, nameEnd);
    if (name !== "c" && !name.endsWith(":c")) {
      at = tagEnd + 1;
      continue;
    }
    const selfClosing = xml.charCodeAt(tagEnd - 1) === 47;
    let end = tagEnd + 1;
    if (!selfClosing) {
      const close = xml.indexOf(`</${name}>`, end);
      if (close < 0 || close >= stop) throw new Error("unclosed <c>");
      end = close + name.length + 3;
    }
    const ref = R_ATTR.exec(xml.slice(nameEnd, selfClosing ? tagEnd - 1 : tagEnd));
    const col = ref && ref[1] ? columnOf(ref[1]) : lastCol + 1;
    lastCol = col;
    line.cells.push({ row: line.row, col, start: lt, end, xml: xml.slice(lt, end) });
    at = end;
  }
}

export class Worksheet {
  readonly prefix: string;
  private readonly sheetData: {
    start: number;
    innerStart: number;
    innerEnd: number;
    end: number;
    tag: string;
  };
  private rowsCache?: XmlRow[];
  private rowsByNumber?: Map<number, XmlRow>;

  constructor(readonly xml: string) {
    const root = findElement(xml, "worksheet");
    this.prefix = root ? prefixOf(root.tag) : "";
    const data = findElement(xml, "sheetData");
    if (!data) throw new Error("worksheet without sheetData");
    this.sheetData = data;
  }

  /** Rows and cells, indexed on first use. */
  private index(): { rows: XmlRow[] } {
    if (this.rowsCache) return { rows: this.rowsCache };
    const rows: XmlRow[] = [];
    const xml = this.xml;
    const { innerStart, innerEnd } = this.sheetData;
    ROW_RE.lastIndex = innerStart;
    let m: RegExpExecArray | null;
    let lastRow = -1;
    while ((m = ROW_RE.exec(xml)) && m.index < innerEnd) {
      const tag = m[0];
      const r = R_ATTR.exec(m[2] ?? "");
      const row = r && r[2] ? Number(r[2]) - 1 : lastRow + 1;
      lastRow = row;
      const rowInnerStart = m.index + tag.length;
      let rowInnerEnd = rowInnerStart;
      let end = rowInnerStart;
      if (m[3] === ">") {
        const close = `</${m[1]}>`;
        rowInnerEnd = xml.indexOf(close, rowInnerStart);
        if (rowInnerEnd < 0) throw new Error("unclosed <row>");
        end = rowInnerEnd + close.length;
      }
      const line: XmlRow = {
        row,
        start: m.index,
        innerStart: rowInnerStart,
        innerEnd: rowInnerEnd,
        end,
        tag,
        cells: [],
      };
      scanCells(xml, line);
      rows.push(line);
      ROW_RE.lastIndex = end;
    }
    this.rowsCache = rows;
    return { rows };
  }

  /** Rows by number, built only when a single cell is asked for (the write path). */
  private byRow(): Map<number, XmlRow> {
    if (!this.rowsByNumber) {
      this.rowsByNumber = new Map();
      for (const row of this.index().rows) this.rowsByNumber.set(row.row, row);
    }
    return this.rowsByNumber;
  }

  private allCellsCache?: XmlCell[];

  /** Every `<c>` element, in document order. */
  allCells(): readonly XmlCell[] {
    this.allCellsCache ??= this.index().rows.flatMap((r) => r.cells);
    return this.allCellsCache;
  }

  cell(address: string): XmlCell | undefined {
    const { row, col } = fromA1(address);
    const cells = this.byRow().get(row)?.cells;
    if (!cells) return undefined;
    // A row holds a few dozen cells at most; scanning them beats naming every cell of the sheet.
    // From the end: of two elements for one cell (a damaged file) the last counts, as in the grid.
    for (let i = cells.length - 1; i >= 0; i--) if (cells[i].col === col) return cells[i];
    return undefined;
  }

  private mergesCache?: MergedArea[];

  merges(): MergedArea[] {
    this.mergesCache ??= this.readMerges();
    return this.mergesCache;
  }

  private readMerges(): MergedArea[] {
    const block = this.rootChild("mergeCells");
    if (!block) return [];
    return findElements(this.xml, "mergeCell", block.innerStart, block.innerEnd).flatMap(
      ({ tag }) => {
        const ref = attribute(tag, "ref");
        if (!ref) return [];
        const [a, b] = ref.split(":");
        const from = fromA1(a);
        const to = fromA1(b ?? a);
        return [{ top: from.row, left: from.col, bottom: to.row, right: to.col }];
      }
    );
  }

  /** Whether the sheet is protected (sheetProtection with sheet="1"/"true"). */
  isProtected(): boolean {
    const p = this.rootChild("sheetProtection");
    if (!p) return false;
    const sheet = attribute(p.tag, "sheet");
    return sheet === "1" || sheet === "true";
  }

  /** The r:id of the sheet's legacyDrawing (its notes' VML), if any. */
  legacyDrawingId(): string | undefined {
    const el = this.rootChild("legacyDrawing");
    if (!el) return undefined;
    const attrs = el.tag.match(/\s([\w.-]+:)?id\s*=\s*"([^"]*)"/);
    return attrs?.[2];
  }

  /**
   * The part with `cells` (address → new `<c>` text, or null to remove the element) applied, the
   * dimension widened to cover new cells, and optionally a legacyDrawing element added.
   */
  edit(
    cells: Map<string, string | null>,
    legacyDrawing?: { rid: string; relPrefix: string }
  ): string {
    const { rows } = this.index();
    const edits: [number, number, string][] = [];
    const inserts = new Map<number, { col: number; xml: string }[]>();
    for (const [address, text] of cells) {
      const found = this.cell(address);
      if (found) {
        edits.push([found.start, found.end, text ?? ""]);
      } else if (text !== null) {
        const { row, col } = fromA1(address);
        const list = inserts.get(row) ?? [];
        list.push({ col, xml: text });
        inserts.set(row, list);
      }
    }
    const rowByNumber = this.byRow();
    const p = this.prefix;
    const newRows: { row: number; xml: string }[] = [];
    for (const [row, list] of inserts) {
      list.sort((a, b) => a.col - b.col);
      const line = rowByNumber.get(row);
      if (!line) {
        newRows.push({
          row,
          xml: `<${p}row r="${row + 1}">${list.map((x) => x.xml).join("")}</${p}row>`,
        });
        continue;
      }
      if (line.innerStart === line.end) {
        // <row …/>: open it up.
        const open = line.tag.replace(/\s*\/>$/, ">");
        edits.push([
          line.start,
          line.end,
          `${widenSpans(open, list)}${list.map((x) => x.xml).join("")}</${p}row>`,
        ]);
        continue;
      }
      for (const item of list) {
        const before = line.cells.find((c) => c.col > item.col);
        const at = before ? before.start : line.innerEnd;
        edits.push([at, at, item.xml]);
      }
      const spans = widenSpans(line.tag, list);
      if (spans !== line.tag) edits.push([line.start, line.innerStart, spans]);
    }
    if (newRows.length > 0) {
      newRows.sort((a, b) => a.row - b.row);
      const { start, innerEnd, end, tag } = this.sheetData;
      if (innerEnd === end) {
        const open = tag.replace(/\s*\/>$/, ">");
        edits.push([start, end, `${open}${newRows.map((r) => r.xml).join("")}</${p}sheetData>`]);
      } else {
        for (const item of newRows) {
          const before = rows.find((r) => r.row > item.row);
          const at = before ? before.start : innerEnd;
          edits.push([at, at, item.xml]);
        }
      }
    }
    const added = [...inserts.entries()].flatMap(([row, list]) =>
      list.map((x) => ({ row, col: x.col }))
    );
    const dimension = this.widenedDimension(added);
    if (dimension) edits.push(dimension);
    if (legacyDrawing)
      edits.push(this.legacyDrawingInsert(legacyDrawing.rid, legacyDrawing.relPrefix));
    return splice(this.xml, edits);
  }

  private widenedDimension(
    added: { row: number; col: number }[]
  ): [number, number, string] | undefined {
    if (added.length === 0) return undefined;
    const el = findElement(this.xml, "dimension", 0, this.sheetData.start);
    if (!el) return undefined;
    const ref = attribute(el.tag, "ref");
    if (!ref) return undefined;
    const [a, b] = ref.split(":");
    let from: { row: number; col: number };
    let to: { row: number; col: number };
    try {
      from = fromA1(a);
      to = fromA1(b ?? a);
    } catch {
      return undefined;
    }
    const top = Math.min(from.row, ...added.map((x) => x.row));
    const left = Math.min(from.col, ...added.map((x) => x.col));
    const bottom = Math.max(to.row, ...added.map((x) => x.row));
    const right = Math.max(to.col, ...added.map((x) => x.col));
    const next = `${toA1(top, left)}:${toA1(bottom, right)}`;
    if (next === ref || (b === undefined && top === bottom && left === right)) return undefined;
    return [el.start, el.end, withAttribute(el.tag, "ref", next)];
  }

  private legacyDrawingInsert(rid: string, relPrefix: string): [number, number, string] {
    const p = this.prefix;
    const ns = relPrefix
      ? ""
      : ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
    const prefix = relPrefix || "r:";
    const element = `<${p}legacyDrawing${ns} ${prefix}id="${rid}"/>`;
    // Before the first root-level element that the schema puts after legacyDrawing; Excel wraps
    // oleObjects and controls in mc:AlternateContent, which therefore counts as one of them.
    const after = new Set([
      ...WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf("legacyDrawing") + 1),
      "AlternateContent",
    ]);
    const next = this.rootChildren().find((child) => after.has(child.name));
    const at = next ? next.start : this.xml.lastIndexOf("</");
    return [at, at, element];
  }

  private rootChildrenCache?: { name: string; start: number }[];

  /**
   * The worksheet's own children after sheetData, by local name and offset. Depth-aware: the same
   * names occur nested (an extLst inside a data bar's cfRule), and those are not the root's.
   */
  private rootChildren(): { name: string; start: number }[] {
    if (this.rootChildrenCache) return this.rootChildrenCache;
    const out: { name: string; start: number }[] = [];
    const re = /<(\/?)(?:[\w.-]+:)?([\w.-]+)(?:\s[^>]*?)?(\/?)>/g;
    re.lastIndex = this.sheetData.end;
    let depth = 0;
    for (let m = re.exec(this.xml); m; m = re.exec(this.xml)) {
      if (m[1]) {
        if (--depth < 0) break;
      } else {
        if (depth === 0) out.push({ name: m[2], start: m.index });
        if (!m[3]) depth++;
      }
    }
    this.rootChildrenCache = out;
    return out;
  }

  /** A root-level child element after sheetData, by local name. */
  private rootChild(name: string): ElementSpan | undefined {
    const child = this.rootChildren().find((c) => c.name === name);
    return child ? findElement(this.xml, name, child.start) : undefined;
  }
}

/** A row's start tag with `spans` widened to cover new columns (spans is a hint, "1:10"). */
function widenSpans(tag: string, added: { col: number }[]): string {
  const spans = attribute(tag, "spans");
  if (!spans) return tag;
  const m = /^(\d+):(\d+)$/.exec(spans);
  if (!m) return tag;
  const lo = Math.min(Number(m[1]), ...added.map((x) => x.col + 1));
  const hi = Math.max(Number(m[2]), ...added.map((x) => x.col + 1));
  const next = `${lo}:${hi}`;
  return next === spans ? tag : withAttribute(tag, "spans", next);
}

export { columnLetters };
