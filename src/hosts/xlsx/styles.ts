/**
 * The styles part, read for what scoring shows (number format, fill colour of each cell style) and
 * extended append-only: a style we need is a copy of the cell's own `xf` with another fill or number
 * format, added at the end of `cellXfs`. Existing fills, formats and styles never move, so every
 * style index in every sheet keeps its meaning.
 */
import { colorToHex, type ExcelColor } from "./colors";
import { BUILTIN_FORMATS, builtinId } from "./number-formats";
import {
  attribute,
  escapeXml,
  findElement,
  findElements,
  prefixOf,
  splice,
  withAttribute,
  type ElementSpan,
} from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A stylesheet with the minimum Excel needs, for packages written without one. */
export const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;

function colorOf(tag: string | undefined): ExcelColor | undefined {
  if (!tag) return undefined;
  const color: ExcelColor = {};
  const rgb = attribute(tag, "rgb");
  const theme = attribute(tag, "theme");
  const tint = attribute(tag, "tint");
  const indexed = attribute(tag, "indexed");
  if (rgb) color.argb = rgb;
  if (theme !== undefined) color.theme = Number(theme);
  if (tint !== undefined) color.tint = Number(tint);
  if (indexed !== undefined) color.indexed = Number(indexed);
  return color;
}

/** The solid colour a fill element shows, or null (no pattern, gradient, automatic colour). */
function fillColor(fillXml: string, palette: () => string[]): string | null {
  const pattern = findElement(fillXml, "patternFill");
  if (!pattern) return null;
  const type = attribute(pattern.tag, "patternType");
  if (!type || type === "none") return null;
  const fg = findElement(fillXml, "fgColor", pattern.innerStart, pattern.innerEnd);
  const color = colorOf(fg?.tag);
  return colorToHex(color, color?.theme !== undefined ? palette() : undefined);
}

export interface CellStyleInfo {
  numberFormat: string;
  numFmtId: number;
  fill: string | null;
}

export class Styles {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly numFmtCodes = new Map<number, string>();
  private readonly fills: string[];
  /** Each cellXfs `xf` element's full text, by style index. */
  private readonly xfs: string[];
  private readonly spans: { numFmts?: ElementSpan; fills?: ElementSpan; cellXfs?: ElementSpan };
  private readonly added = { numFmts: [] as string[], fills: [] as string[], xfs: [] as string[] };
  private readonly infoCache = new Map<number, CellStyleInfo>();
  private readonly xfIndexByText = new Map<string, number>();
  private readonly fillIndexByHex = new Map<string, number>();

  constructor(
    xml: string | undefined,
    /** The theme's colours, asked for only when a fill names one (reading the theme costs). */
    private readonly palette: () => string[]
  ) {
    this.xml = xml ?? MINIMAL_STYLES;
    const root = findElement(this.xml, "styleSheet");
    this.prefix = root ? prefixOf(root.tag) : "";
    const numFmts = findElement(this.xml, "numFmts");
    const fills = findElement(this.xml, "fills");
    const cellXfs = findElement(this.xml, "cellXfs");
    this.spans = { numFmts, fills, cellXfs };
    if (numFmts) {
      for (const { tag } of findElements(
        this.xml,
        "numFmt",
        numFmts.innerStart,
        numFmts.innerEnd
      )) {
        const id = Number(attribute(tag, "numFmtId"));
        const code = attribute(tag, "formatCode");
        if (Number.isInteger(id) && code !== undefined) this.numFmtCodes.set(id, code);
      }
    }
    this.fills = fills
      ? findElements(this.xml, "fill", fills.innerStart, fills.innerEnd).map((e) =>
          this.xml.slice(e.start, e.end)
        )
      : [];
    this.xfs = cellXfs
      ? findElements(this.xml, "xf", cellXfs.innerStart, cellXfs.innerEnd).map((e) =>
          this.xml.slice(e.start, e.end)
        )
      : [];
    this.xfs.forEach((text, i) => {
      if (!this.xfIndexByText.has(text)) this.xfIndexByText.set(text, i);
    });
  }

  get changed(): boolean {
    return this.added.xfs.length + this.added.fills.length + this.added.numFmts.length > 0;
  }

  /** What a style index shows; an index out of range reads as the default style, as in Excel. */
  info(s: number): CellStyleInfo {
    const cached = this.infoCache.get(s);
    if (cached) return cached;
    const xf = this.xfs[s] ?? this.xfs[0] ?? "<xf/>";
    const numFmtId = Number(attribute(xf, "numFmtId") ?? 0);
    const fillId = Number(attribute(xf, "fillId") ?? 0);
    const info: CellStyleInfo = {
      numFmtId,
      numberFormat: this.formatCode(numFmtId),
      fill: this.fills[fillId] ? fillColor(this.fills[fillId], this.palette) : null,
    };
    this.infoCache.set(s, info);
    return info;
  }

  fillIdOf(s: number): number {
    return Number(attribute(this.xfs[s] ?? this.xfs[0] ?? "<xf/>", "fillId") ?? 0);
  }

  numFmtIdOf(s: number): number {
    return Number(attribute(this.xfs[s] ?? this.xfs[0] ?? "<xf/>", "numFmtId") ?? 0);
  }

  formatCode(numFmtId: number): string {
    return this.numFmtCodes.get(numFmtId) ?? BUILTIN_FORMATS[numFmtId] ?? "General";
  }

  /** The id for a format code: a built-in, an existing custom one, or a new one appended. */
  numFmtId(code: string): number {
    if (code === "General") return 0;
    for (const [id, existing] of this.numFmtCodes) if (existing === code) return id;
    const builtin = builtinId(code);
    if (builtin !== undefined) return builtin;
    const id = Math.max(163, ...this.numFmtCodes.keys()) + 1;
    this.numFmtCodes.set(id, code);
    this.added.numFmts.push(
      `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`
    );
    return id;
  }

  /** The id of a solid fill of this colour ("#RRGGBB"), appended when none of ours has it yet. */
  solidFillId(hex: string): number {
    const key = hex.toUpperCase();
    const known = this.fillIndexByHex.get(key);
    if (known !== undefined) return known;
    const p = this.prefix;
    const argb = `FF${key.replace(/^#/, "")}`;
    const fill =
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/>` +
      `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    let id = this.fills.indexOf(fill);
    if (id < 0) {
      id = this.fills.length;
      this.fills.push(fill);
      this.added.fills.push(fill);
    }
    this.fillIndexByHex.set(key, id);
    return id;
  }

  /**
   * The index of a style that is `base` with another fill and/or number format: an existing identical
   * `xf` when there is one, otherwise a copy appended to cellXfs.
   */
  derive(base: number, change: { fillId?: number; numFmtId?: number }): number {
    let xf =
      this.xfs[base] ??
      this.xfs[0] ??
      `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const startEnd = xf.indexOf(">") + 1;
    let tag = xf.slice(0, startEnd);
    if (change.fillId !== undefined) {
      tag = withAttribute(tag, "fillId", String(change.fillId));
      tag = withAttribute(tag, "applyFill", "1");
    }
    if (change.numFmtId !== undefined) {
      tag = withAttribute(tag, "numFmtId", String(change.numFmtId));
      tag = withAttribute(tag, "applyNumberFormat", "1");
    }
    xf = tag + xf.slice(startEnd);
    const known = this.xfIndexByText.get(xf);
    if (known !== undefined) return known;
    const index = this.xfs.length;
    this.xfs.push(xf);
    this.added.xfs.push(xf);
    this.xfIndexByText.set(xf, index);
    return index;
  }

  /** The styles part with every appended piece, counts updated; the original text when none. */
  toXml(): string {
    if (!this.changed) return this.xml;
    const edits: [number, number, string][] = [];
    const p = this.prefix;
    const extend = (
      span: ElementSpan | undefined,
      items: string[],
      total: number,
      name: string
    ) => {
      if (items.length === 0) return;
      if (!span) throw new Error(`styles part without <${name}>`);
      const tag = withAttribute(span.tag, "count", String(total));
      if (span.tag.endsWith("/>")) {
        edits.push([
          span.start,
          span.end,
          `${tag.replace(/\/>$/, ">")}${items.join("")}</${p}${name}>`,
        ]);
      } else {
        edits.push([span.start, span.innerStart, tag]);
        edits.push([span.innerEnd, span.innerEnd, items.join("")]);
      }
    };
    if (this.added.numFmts.length > 0) {
      if (this.spans.numFmts) {
        extend(this.spans.numFmts, this.added.numFmts, this.numFmtCodes.size, "numFmts");
      } else {
        // numFmts is the stylesheet's first child.
        const root = findElement(this.xml, "styleSheet");
        if (!root) throw new Error("styles part without <styleSheet>");
        edits.push([
          root.innerStart,
          root.innerStart,
          `<${p}numFmts count="${this.added.numFmts.length}">${this.added.numFmts.join("")}</${p}numFmts>`,
        ]);
      }
    }
    extend(this.spans.fills, this.added.fills, this.fills.length, "fills");
    extend(this.spans.cellXfs, this.added.xfs, this.xfs.length, "cellXfs");
    return splice(this.xml, edits);
  }
}
