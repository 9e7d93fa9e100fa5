/**
 * A sheet's legacy notes: the comments part (the text) and the VML drawing (the yellow box Excel
 * draws for each note). Reading gives each noted cell's text; writing changes the text of an
 * existing note in place, appends a comment and a hidden shape for a new one, or takes ours away —
 * always extending the sheet's own parts, creating them only when the sheet has none.
 *
 * Cells with a threaded comment (Excel 365's conversations) are reported so that no note of ours is
 * ever attached to them: Excel keeps a placeholder legacy note in sync with the thread.
 */
import type { XlsxPackage } from "./package";
import { insertBeforeClose } from "./package";
import {
  attribute,
  decodeXml,
  escapeText,
  findElement,
  findElements,
  prefixOf,
  runText,
  splice,
} from "./xml";

const COMMENTS_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const THREADED_TYPE = "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment";
const COMMENTS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const VML_CT = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NOTE_AUTHOR = "SelfEval";

export interface Note {
  text: string;
  /** The `<comment>` element as it stands in the part. */
  xml: string;
}

function cellOf(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) throw new Error(`bad note address ${address}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function shapeXml(id: number, address: string): string {
  const { row, col } = cellOf(address);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;` +
    `margin-top:2pt;width:240pt;height:96pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" ` +
    `o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>` +
    `<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div>` +
    `</v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>` +
    `<x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 5}, 15, ${row + 6}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPETYPE =
  `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
  `<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`;

function newVml(idmap: number): string {
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ` +
    `xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit">` +
    `<o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>${SHAPETYPE}</xml>`
  );
}

/** The Row/Column a VML note shape is anchored to. */
function shapeCell(shape: string): { row: number; col: number } | undefined {
  if (!/ObjectType\s*=\s*"Note"/.test(shape)) return undefined;
  const row = /<(?:\w+:)?Row>\s*(\d+)\s*</.exec(shape);
  const col = /<(?:\w+:)?Column>\s*(\d+)\s*</.exec(shape);
  return row && col ? { row: Number(row[1]), col: Number(col[1]) } : undefined;
}

export class SheetNotes {
  private commentsPart?: string;
  private vmlPart?: string;
  private readonly threadedCells = new Set<string>();
  private notesCache?: Map<string, Note>;
  /** address → new comment element text, or null to remove. */
  private readonly pending = new Map<string, string | null>();

  constructor(
    private readonly pkg: XlsxPackage,
    private readonly sheetPart: string,
    legacyDrawingId: string | undefined
  ) {
    for (const rel of pkg.relationships(sheetPart)) {
      if (rel.external) continue;
      if (rel.type === COMMENTS_TYPE) this.commentsPart = rel.part;
      else if (rel.type === VML_TYPE && (!legacyDrawingId || rel.id === legacyDrawingId))
        this.vmlPart = rel.part;
      else if (rel.type === THREADED_TYPE) {
        const xml = pkg.text(rel.part) ?? "";
        for (const { tag } of findElements(xml, "threadedComment")) {
          const ref = attribute(tag, "ref");
          if (ref) this.threadedCells.add(ref);
        }
      }
    }
  }

  /** Cells that carry a threaded comment: never given a note of ours. */
  hasThread(address: string): boolean {
    return this.threadedCells.has(address);
  }

  /** Every noted cell with its text. */
  all(): Map<string, Note> {
    if (this.notesCache) return this.notesCache;
    const out = new Map<string, Note>();
    const xml = this.commentsPart ? this.pkg.text(this.commentsPart) : undefined;
    if (xml) {
      for (const el of findElements(xml, "comment")) {
        const ref = attribute(el.tag, "ref");
        if (!ref) continue;
        const text = findElement(xml, "text", el.innerStart, el.innerEnd);
        out.set(ref, {
          text: text ? runText(xml.slice(text.innerStart, text.innerEnd)) : "",
          xml: xml.slice(el.start, el.end),
        });
      }
    }
    this.notesCache = out;
    return out;
  }

  get(address: string): Note | undefined {
    return this.all().get(address);
  }

  /**
   * The note of `address` becomes `text` (null: no note). `restore`, when given, is the exact
   * `<comment>` element to put back (a user's own note), or null for "none".
   */
  set(address: string, text: string | null, restore?: string | null): void {
    if (this.hasThread(address)) return;
    if (restore !== undefined) {
      this.pending.set(address, restore);
      return;
    }
    if (text === null) {
      this.pending.set(address, null);
      return;
    }
    const existing = this.get(address);
    const p = this.prefix();
    // One run with the font Excel gives notes: readers that only look at runs see the text too.
    const body =
      `<${p}text><${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr>` +
      `<${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r></${p}text>`;
    if (existing) {
      // Keep the user's element (author, extensions), only its text changes.
      const t = findElement(existing.xml, "text");
      const updated = t
        ? existing.xml.slice(0, t.start) + body + existing.xml.slice(t.end)
        : existing.xml.replace(/(\/>|<\/(?:\w+:)?comment>)$/, (end) =>
            end === "/>" ? `>${body}</${p}comment>` : `${body}${end}`
          );
      this.pending.set(address, updated);
    } else {
      this.pending.set(
        address,
        `<${p}comment ref="${address}" authorId="{author}">${body}</${p}comment>`
      );
    }
  }

  /** The namespace prefix the comments part uses for its elements ("" for the default namespace). */
  private prefix(): string {
    const xml = this.commentsPart ? this.pkg.text(this.commentsPart) : undefined;
    const root = xml ? findElement(xml, "comments") : undefined;
    return root ? prefixOf(root.tag) : "";
  }

  get changed(): boolean {
    return this.pending.size > 0;
  }

  /**
   * Write the pending changes into the package. Returns the relationship id of a VML part the sheet
   * must now point at with a new legacyDrawing element, when it had none.
   */
  commit(): string | undefined {
    if (this.pending.size === 0) return undefined;
    const adds: string[] = [];
    const edits: [number, number, string][] = [];
    let comments = this.commentsPart ? (this.pkg.text(this.commentsPart) ?? "") : "";
    if (!comments) {
      comments =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN_NS}">` +
        `<authors></authors><commentList></commentList></comments>`;
    }
    const authorId = this.authorIndex(comments);
    if (authorId.added) comments = authorId.xml;
    const located = new Map<string, { start: number; end: number }>();
    for (const el of findElements(comments, "comment")) {
      const ref = attribute(el.tag, "ref");
      if (ref) located.set(ref, el);
    }
    const vmlAdds: string[] = [];
    const vmlRemovals = new Set<string>();
    for (const [address, element] of this.pending) {
      const at = located.get(address);
      const next = element?.replace("{author}", String(authorId.index)) ?? null;
      if (at) {
        edits.push([at.start, at.end, next ?? ""]);
        if (next === null) vmlRemovals.add(address);
      } else if (next !== null) {
        adds.push(next);
        vmlAdds.push(address);
      }
    }
    comments = splice(comments, edits);
    if (adds.length > 0)
      comments = insertBeforeClose(ensureCommentList(comments), "commentList", adds.join(""));
    const commentsPart = this.commentsPart ?? this.pkg.freeName("xl/comments", ".xml");
    this.pkg.setText(commentsPart, comments);
    if (!this.commentsPart) {
      this.pkg.addRelationship(this.sheetPart, COMMENTS_TYPE, commentsPart);
      this.pkg.ensureContentType(commentsPart, COMMENTS_CT);
      this.commentsPart = commentsPart;
    }
    this.notesCache = undefined;
    return this.commitVml(vmlAdds, vmlRemovals);
  }

  private authorIndex(xml: string): { index: number; added: boolean; xml: string } {
    const authors = findElement(xml, "authors");
    if (!authors) throw new Error("comments part without <authors>");
    const list = findElements(xml, "author", authors.innerStart, authors.innerEnd);
    const found = list.findIndex(
      (a) => decodeXml(xml.slice(a.innerStart, a.innerEnd)) === NOTE_AUTHOR
    );
    if (found >= 0) return { index: found, added: false, xml };
    const p = prefixOf(authors.tag);
    const author = `<${p}author>${NOTE_AUTHOR}</${p}author>`;
    const updated = authors.tag.endsWith("/>")
      ? splice(xml, [[authors.start, authors.end, `<${p}authors>${author}</${p}authors>`]])
      : splice(xml, [[authors.innerEnd, authors.innerEnd, author]]);
    return { index: list.length, added: true, xml: updated };
  }

  private commitVml(adds: string[], removals: Set<string>): string | undefined {
    let vml = this.vmlPart ? this.pkg.text(this.vmlPart) : undefined;
    let newRelId: string | undefined;
    if (vml === undefined) {
      if (adds.length === 0) return undefined;
      vml = newVml(this.freeIdmap());
    }
    const edits: [number, number, string][] = [];
    const wanted = new Set([...removals].map((a) => JSON.stringify(cellOf(a))));
    if (wanted.size > 0) {
      for (const el of findElements(vml, "shape")) {
        const at = shapeCell(vml.slice(el.start, el.end));
        if (at && wanted.has(JSON.stringify(at))) edits.push([el.start, el.end, ""]);
      }
    }
    vml = splice(vml, edits);
    if (adds.length > 0) {
      if (!/id\s*=\s*"_x0000_t202"/.test(vml)) {
        const layout = findElement(vml, "shapelayout");
        vml = layout
          ? splice(vml, [[layout.end, layout.end, SHAPETYPE]])
          : insertBeforeClose(vml, "xml", SHAPETYPE);
      }
      let next = this.nextShapeId(vml);
      vml = insertBeforeClose(vml, "xml", adds.map((a) => shapeXml(next++, a)).join(""));
    }
    const vmlPart = this.vmlPart ?? this.pkg.freeName("xl/drawings/vmlDrawing", ".vml");
    this.pkg.setText(vmlPart, vml);
    if (!this.vmlPart) {
      newRelId = this.pkg.addRelationship(this.sheetPart, VML_TYPE, vmlPart);
      this.pkg.ensureDefaultContentType("vml", VML_CT);
      this.vmlPart = vmlPart;
    }
    return newRelId;
  }

  private nextShapeId(vml: string): number {
    let max = 0;
    for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
    if (max > 0) return max + 1;
    const idmap = /<(?:\w+:)?idmap[^>]*data\s*=\s*"(\d+)/.exec(vml);
    return (idmap ? Number(idmap[1]) : 1) * 1024 + 1;
  }

  /** An idmap block no VML part of the package uses yet. */
  private freeIdmap(): number {
    let max = 0;
    for (const name of this.pkg.partNames()) {
      if (!name.toLowerCase().endsWith(".vml")) continue;
      const text = this.pkg.text(name) ?? "";
      for (const m of text.matchAll(/data\s*=\s*"([\d,\s]+)"/g))
        for (const n of m[1].split(",")) max = Math.max(max, Number(n) || 0);
    }
    return max + 1;
  }
}

function ensureCommentList(xml: string): string {
  if (findElement(xml, "commentList")) return xml;
  return insertBeforeClose(xml, "comments", "<commentList></commentList>");
}
