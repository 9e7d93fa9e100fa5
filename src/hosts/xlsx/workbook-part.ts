/**
 * The workbook part and what hangs off it: the sheet list (name, part, visibility), the 1904 date
 * system, the theme palette, the styles and shared-strings parts. The few edits the product makes
 * here are appends and one attribute: a very hidden sheet for the snapshot (and its removal when
 * revert leaves nothing to keep), and `fullCalcOnLoad` so that other formulas pick up new scores.
 */
import { HostError } from "../workbook-port";
import { themePalette } from "./colors";
import { insertBeforeClose, REL_NS, type XlsxPackage } from "./package";
import { attribute, escapeXml, findElement, findElements, splice, withAttribute } from "./xml";

const OFFICE_DOCUMENT = `${REL_NS}/officeDocument`;
export const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
export const STYLES_TYPE = `${REL_NS}/styles`;
const SHARED_STRINGS_TYPE = `${REL_NS}/sharedStrings`;
const THEME_TYPE = `${REL_NS}/theme`;
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const REL_PREFIX =
  /xmlns:([\w.-]+)\s*=\s*"http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/;
const RID = /\s[\w.-]+:id\s*=\s*"([^"]*)"/;

/** CT_Workbook's children that come after calcPr. */
const AFTER_CALC_PR = [
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

export interface SheetEntry {
  name: string;
  part: string | undefined;
  state: string;
  /** A worksheet (not a chart sheet, dialog sheet or macro sheet). */
  worksheet: boolean;
}

export function corrupt(detail: string, cause?: unknown): HostError {
  return new HostError("CORRUPT", `the workbook is damaged (${detail})`, cause);
}

/** The prefix bound to the relationships namespace in `xml` (with colon), or undefined. */
export function relationshipPrefix(xml: string): string | undefined {
  const m = REL_PREFIX.exec(xml);
  return m ? `${m[1]}:` : undefined;
}

export class WorkbookPart {
  readonly part: string;
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
  private paletteCache?: string[];

  constructor(private readonly pkg: XlsxPackage) {
    const root = pkg.relationships("").find((r) => r.type === OFFICE_DOCUMENT && !r.external);
    this.part = root?.part ?? "xl/workbook.xml";
    const xml = pkg.text(this.part);
    if (xml === undefined) throw corrupt("no workbook part");
    const rels = new Map(pkg.relationships(this.part).map((r) => [r.id, r]));
    this.sheets = findElements(xml, "sheet").map(({ tag }) => {
      const rel = rels.get(RID.exec(tag)?.[1] ?? "");
      return {
        name: attribute(tag, "name") ?? "",
        part: rel && !rel.external ? rel.part : undefined,
        state: attribute(tag, "state") ?? "visible",
        worksheet: rel?.type === WORKSHEET_TYPE,
      };
    });
    const pr = findElement(xml, "workbookPr");
    const d1904 = pr ? attribute(pr.tag, "date1904") : undefined;
    this.date1904 = d1904 === "1" || d1904 === "true";
  }

  /** The theme's colours, read on first use. */
  get palette(): string[] {
    if (!this.paletteCache) {
      const theme = this.relatedPart(THEME_TYPE);
      this.paletteCache = themePalette(theme ? this.pkg.text(theme) : undefined);
    }
    return this.paletteCache;
  }

  /** The part a relationship of this type points at, if any. */
  relatedPart(type: string): string | undefined {
    return this.pkg.relationships(this.part).find((r) => r.type === type && !r.external)?.part;
  }

  stylesPart(): string | undefined {
    return this.relatedPart(STYLES_TYPE);
  }

  /** Every shared string's plain text, rich runs joined, phonetic runs left out. */
  sharedStrings(runText: (xml: string) => string): string[] {
    const part = this.relatedPart(SHARED_STRINGS_TYPE);
    const xml = part ? this.pkg.text(part) : undefined;
    if (!xml) return [];
    return findElements(xml, "si").map((si) => runText(xml.slice(si.innerStart, si.innerEnd)));
  }

  /** Add a styles part to a package written without one. */
  addStylesPart(): string {
    const part = "xl/styles.xml";
    this.pkg.addRelationship(this.part, STYLES_TYPE, part);
    this.pkg.ensureContentType(part, STYLES_CT);
    return part;
  }

  /** Append a new worksheet part as a sheet named `name` with visibility `state`. */
  addSheet(name: string, state: string): SheetEntry {
    const part = this.pkg.freeName("xl/worksheets/sheet", ".xml");
    const rid = this.pkg.addRelationship(this.part, WORKSHEET_TYPE, part);
    this.pkg.ensureContentType(part, WORKSHEET_CT);
    const xml = this.pkg.text(this.part)!;
    const sheets = findElement(xml, "sheets");
    if (!sheets) throw corrupt("workbook without <sheets>");
    const ids = findElements(xml, "sheet", sheets.innerStart, sheets.innerEnd).map(({ tag }) =>
      Number(attribute(tag, "sheetId") ?? 0)
    );
    const prefix = relationshipPrefix(xml);
    const ridAttr = prefix ? `${prefix}id="${rid}"` : `xmlns:r="${REL_NS}" r:id="${rid}"`;
    const p = /^<([\w.-]+:)?/.exec(sheets.tag)?.[1] ?? "";
    const sheetId = Math.max(0, ...ids) + 1;
    const entry = `<${p}sheet name="${escapeXml(name)}" sheetId="${sheetId}" state="${state}" ${ridAttr}/>`;
    this.pkg.setText(
      this.part,
      insertBeforeClose(xml.slice(0, sheets.end), "sheets", entry) + xml.slice(sheets.end)
    );
    const added = { name, part, state, worksheet: true };
    this.sheets.push(added);
    return added;
  }

  /**
   * Remove the sheet `name` — its entry, relationship, content type and part — when it is the last
   * sheet. Removing one before others would shift the sheet indexes that defined names refer to, so
   * then it stays and this returns false.
   */
  removeLastSheet(name: string): boolean {
    const entry = this.sheets.find((s) => s.name === name);
    if (!entry?.part) return false;
    const xml = this.pkg.text(this.part)!;
    const sheets = findElement(xml, "sheets");
    const list = sheets ? findElements(xml, "sheet", sheets.innerStart, sheets.innerEnd) : [];
    const last = list[list.length - 1];
    if (!last || attribute(last.tag, "name") !== name) return false;
    const rid = RID.exec(last.tag)?.[1];
    this.pkg.setText(this.part, splice(xml, [[last.start, last.end, ""]]));
    if (rid) this.pkg.removeRelationship(this.part, rid);
    this.pkg.removeContentType(entry.part);
    this.pkg.remove(entry.part);
    this.sheets.splice(this.sheets.indexOf(entry), 1);
    return true;
  }

  /** calcPr fullCalcOnLoad="1": Excel, WPS and LibreOffice recompute dependents on open. */
  requestRecalculation(): void {
    const xml = this.pkg.text(this.part)!;
    const calcPr = findElement(xml, "calcPr");
    if (calcPr) {
      if (attribute(calcPr.tag, "fullCalcOnLoad") === "1") return;
      const tag = withAttribute(calcPr.tag, "fullCalcOnLoad", "1");
      this.pkg.setText(
        this.part,
        splice(xml, [[calcPr.start, calcPr.start + calcPr.tag.length, tag]])
      );
      return;
    }
    const p = /^<([\w.-]+:)?/.exec(findElement(xml, "workbook")?.tag ?? "<")?.[1] ?? "";
    let at = xml.lastIndexOf("</");
    for (const name of AFTER_CALC_PR) {
      const el = findElement(xml, name);
      if (el && el.start < at) at = el.start;
    }
    this.pkg.setText(this.part, splice(xml, [[at, at, `<${p}calcPr fullCalcOnLoad="1"/>`]]));
  }
}
