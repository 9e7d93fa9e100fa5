/**
 * The WorkbookPort over an .xlsx/.xlsm package edited in place (the CLI's and the browser page's
 * host). Scoring reads only what it needs — workbook, relationships, shared strings, styles, the
 * sheets' cells, notes and the snapshot sheet — and a write changes only those parts: in the form
 * sheet the owned `<c>` elements, the dimension and, for a first note, a legacyDrawing; styles and
 * notes grow at their ends; the snapshot goes into a very hidden sheet of its own. Every other part
 * leaves the package as it came in, byte for byte.
 *
 * Each touched cell's original `<c>` element and `<comment>` element are kept with the snapshot, so
 * revert restores value, type, formula and style index exactly. What the user changed after our
 * write is theirs: the engine's currentOriginal decides, as for every host.
 */
import type { Cell, CellGrid, CellState, SheetSnapshot } from "../../domain/grid";
import { mayNameIndicators } from "../../domain/detect";
import { fromA1, toA1 } from "../../domain/grid";
import type { ResolvedWrite } from "../../domain/plan-types";
import { currentOriginal, valuePartChanged } from "../../domain/resolve";
import { SNAPSHOT_SHEET_NAME } from "../snapshot-codec";
import { HostError, type SheetRef, type WorkbookPort } from "../workbook-port";
import {
  buildCell,
  parseCell,
  readValue,
  restyleCell,
  shiftFormula,
  type ParsedCell,
  type ReadContext,
} from "./cell-xml";
import { themePalette } from "./colors";
import { SheetNotes } from "./notes";
import { XlsxPackage, insertBeforeClose, resolveTarget } from "./package";
import { decodeStore, encodeStore, type StoreModel, type XmlRecord } from "./package-store";
import { sniffFile } from "./sniff";
import { Styles } from "./styles";
import { Worksheet } from "./worksheet";
import {
  attribute,
  escapeXml,
  findElement,
  findElements,
  runText,
  splice,
  withAttribute,
} from "./xml";
import { ZipError } from "./zip";

/** Reading more cells than this is refused rather than exhausting memory. */
export const MAX_GRID_CELLS = 4_000_000;
export const STORE_SHEET = SNAPSHOT_SHEET_NAME;

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const OFFICE_DOCUMENT = `${REL}/officeDocument`;
const WORKSHEET_TYPE = `${REL}/worksheet`;
const STYLES_TYPE = `${REL}/styles`;
const SHARED_STRINGS_TYPE = `${REL}/sharedStrings`;
const THEME_TYPE = `${REL}/theme`;
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

interface SheetEntry {
  name: string;
  part: string | undefined;
  state: string;
  worksheet: boolean;
}

function sameValue(a: CellState, b: CellState): boolean {
  return a.value === b.value && (a.formula ?? null) === (b.formula ?? null);
}

function corrupt(detail: string, cause?: unknown): HostError {
  return new HostError("CORRUPT", `the workbook is damaged (${detail})`, cause);
}

export class PackageWorkbook implements WorkbookPort {
  private readonly pkg: XlsxPackage;
  private readonly workbookPart: string;
  private readonly sheets: SheetEntry[];
  private readonly date1904: boolean;
  private readonly palette: string[];
  private stylesModel?: Styles;
  private stylesPart?: string;
  private sharedStringsCache?: string[];
  private readonly worksheets = new Map<string, Worksheet>();
  private readonly notesBySheet = new Map<string, SheetNotes>();
  private storeModel?: StoreModel;
  private readonly reconciled = new Set<string>();

  private constructor(pkg: XlsxPackage) {
    this.pkg = pkg;
    const root = pkg.relationships("").find((r) => r.type === OFFICE_DOCUMENT && !r.external);
    const workbookPart = root?.part ?? "xl/workbook.xml";
    const xml = pkg.text(workbookPart);
    if (xml === undefined) throw corrupt("no workbook part");
    this.workbookPart = workbookPart;
    const rels = new Map(pkg.relationships(workbookPart).map((r) => [r.id, r]));
    this.sheets = findElements(xml, "sheet").map(({ tag }) => {
      const rid = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? "";
      const rel = rels.get(rid);
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
    const theme = pkg.relationships(workbookPart).find((r) => r.type === THEME_TYPE);
    this.palette = themePalette(theme ? pkg.text(theme.part) : undefined);
  }

  /** Open .xlsx/.xlsm bytes, or throw a HostError whose code says why they are not a usable workbook. */
  static fromBytes(bytes: Uint8Array): PackageWorkbook {
    switch (sniffFile(bytes)) {
      case "encrypted":
        throw new HostError("ENCRYPTED", "the workbook is password-protected");
      case "xls":
        throw new HostError("NOT_XLSX", "an old binary .xls workbook, not .xlsx");
      case "zip-not-xlsx":
        throw new HostError("NOT_XLSX", "a zip file that holds no Excel workbook");
      case "not-xlsx":
        throw new HostError("NOT_XLSX", "not an .xlsx file");
      case "xlsx":
        break;
    }
    try {
      return new PackageWorkbook(new XlsxPackage(bytes));
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw corrupt((e as Error).message, e);
    }
  }

  /** Visible worksheets only: the store sheet, chart sheets and sheets the author hid are not scored. */
  async listSheets(): Promise<SheetRef[]> {
    return this.sheets
      .filter((s) => s.worksheet && s.part && s.name !== STORE_SHEET && s.state === "visible")
      .map((s) => ({ name: s.name }));
  }

  /** True when no visible sheet holds a single value. */
  async isEmpty(): Promise<boolean> {
    for (const ref of await this.listSheets()) {
      const ws = this.worksheet(ref.name);
      if (ws.allCells().some((c) => /<(?:[\w.-]+:)?(?:v|is|f)[\s>/]/.test(c.xml))) return false;
    }
    return true;
  }

  /**
   * False when the sheet cannot hold a 自评表: none of its texts names 指标 (see the engine's
   * mayNameIndicators). Decided on the sheet's XML and the shared strings, without reading its
   * cells into a grid: a 60,000-row ledger beside the form costs a scan, not a read.
   */
  async mayHoldForm(sheet: SheetRef): Promise<boolean> {
    const xml = this.worksheet(sheet.name).xml;
    // Inline and formula strings sit in the sheet itself.
    if (xml.includes("指") && mayNameIndicators(xml.replace(/<[^>]*>/g, ""))) return true;
    const naming = this.namingStrings();
    if (naming.size === 0) return false;
    const re = /<(?:[\w.-]+:)?c\s[^>]*?\bt="s"[^>]*>\s*<(?:[\w.-]+:)?v>(\d+)</g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) if (naming.has(Number(m[1]))) return true;
    return false;
  }

  private namingCache?: Set<number>;

  /** Indexes of the shared strings that may name 指标. */
  private namingStrings(): Set<number> {
    if (!this.namingCache) {
      this.namingCache = new Set();
      this.sharedStrings().forEach((text, i) => {
        if (mayNameIndicators(text)) this.namingCache!.add(i);
      });
    }
    return this.namingCache;
  }

  async isProtected(sheet: SheetRef): Promise<boolean> {
    return this.worksheet(sheet.name).isProtected();
  }

  async readGrid(ref: SheetRef): Promise<CellGrid> {
    return this.guard(() => {
      const ws = this.worksheet(ref.name);
      this.reconcile(ref.name);
      const notes = this.notes(ref.name);
      const noted = notes.all();
      const merges = ws.merges();
      const xmlCells = ws.allCells();
      const masters = this.sharedMasters(xmlCells);
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      const extend = (r: number, c: number) => {
        if (r < top) top = r;
        if (c < left) left = c;
        if (r > bottom) bottom = r;
        if (c > right) right = c;
      };
      const read: { row: number; col: number; cell: Cell }[] = [];
      for (const x of xmlCells) {
        const cell = this.cellOf(parseCell(x.xml), x.row, x.col, masters);
        read.push({ row: x.row, col: x.col, cell });
        if (cell.value !== null) extend(x.row, x.col);
      }
      const notedAt = [...noted].map(([address, note]) => ({
        ...fromA1(address),
        text: note.text,
      }));
      for (const n of notedAt) extend(n.row, n.col);
      for (const m of merges) {
        extend(m.top, m.left);
        extend(m.bottom, m.right);
      }
      const cells: Cell[][] = [];
      if (bottom >= 0) {
        if ((bottom - top + 1) * (right - left + 1) > MAX_GRID_CELLS) {
          throw new HostError(
            "TOO_LARGE",
            `sheet ${ref.name}: the used range ${bottom - top + 1} × ${right - left + 1} is too large`
          );
        }
        for (let r = top; r <= bottom; r++) {
          const line: Cell[] = new Array<Cell>(right - left + 1);
          for (let c = 0; c < line.length; c++)
            line[c] = { value: null, text: "", numberFormat: "General", fill: null, note: null };
          cells.push(line);
        }
        for (const { row, col, cell } of read) {
          if (row < top || row > bottom || col < left || col > right) continue;
          cells[row - top][col - left] = cell;
        }
        // A merged area's value lives in its top-left cell only, as in Excel.
        for (const m of merges)
          for (let r = m.top; r <= m.bottom; r++)
            for (let c = m.left; c <= m.right; c++) {
              if (r === m.top && c === m.left) continue;
              const cell = cells[r - top][c - left];
              cell.value = null;
              cell.text = "";
              delete cell.formula;
            }
        for (const n of notedAt) cells[n.row - top][n.col - left].note = n.text;
      }
      const grid: CellGrid = {
        sheetName: ref.name,
        originRow: bottom >= 0 ? top : 0,
        originCol: bottom >= 0 ? left : 0,
        cells,
        merges,
        protected: ws.isProtected(),
      };
      const snapshot = this.store()[ref.name]?.snapshot;
      if (snapshot) grid.snapshot = structuredCloneSnapshot(snapshot);
      return grid;
    });
  }

  async readSnapshot(ref: SheetRef): Promise<SheetSnapshot | undefined> {
    this.worksheet(ref.name);
    this.reconcile(ref.name);
    const snapshot = this.store()[ref.name]?.snapshot;
    return snapshot ? structuredCloneSnapshot(snapshot) : undefined;
  }

  async write(resolved: ResolvedWrite): Promise<void> {
    const name = resolved.sheetName;
    const ws = this.worksheet(name);
    if (ws.isProtected()) {
      throw new HostError("PROTECTED", `sheet ${name} is protected: nothing was written`);
    }
    this.reconcile(name);
    const store = this.store();
    const previous = store[name];
    const raw: Record<string, XmlRecord> = { ...(previous?.raw ?? {}) };
    const snapshot: SheetSnapshot = { sheetName: name, cells: { ...resolved.snapshot.cells } };
    if (resolved.snapshot.written) snapshot.written = { ...resolved.snapshot.written };
    // A cell an earlier snapshot already lists shows that run's writes, not its original: only a
    // cell touched for the first time gets a record. Record them all before the first change.
    const firstTouch = (address: string) => !raw[address] && !previous?.snapshot.cells[address];
    for (const { address } of resolved.cells) {
      if (firstTouch(address)) raw[address] = this.capture(name, address);
      if (!snapshot.cells[address]) snapshot.cells[address] = this.readState(name, address);
    }
    for (const address of Object.keys(snapshot.cells))
      if (firstTouch(address)) raw[address] = this.capture(name, address);
    const notesTracked = previous?.notesTracked ?? true;
    const edits = new Map<string, string | null>();
    let valueChanged = false;
    for (const { address, state } of resolved.cells) {
      const change = this.plan(
        name,
        address,
        state,
        snapshot.cells[address],
        raw[address],
        notesTracked
      );
      if (change.cell !== undefined) edits.set(address, change.cell);
      valueChanged ||= change.valueChanged;
    }
    this.commitSheet(name, edits);
    for (const { address } of resolved.cells) {
      // What the cell shows now, as this host reads it: the next read compares with exactly that.
      const shown = this.readState(name, address);
      if (raw[address]) raw[address] = { ...raw[address], written: shown };
      if (snapshot.written) snapshot.written[address] = shown;
    }
    const kept: Record<string, XmlRecord> = {};
    for (const address of Object.keys(snapshot.cells))
      if (raw[address]) kept[address] = raw[address];
    if (Object.keys(snapshot.cells).length > 0) store[name] = { snapshot, raw: kept, notesTracked };
    else delete store[name];
    this.commitWorkbook(valueChanged);
  }

  async revert(ref: SheetRef): Promise<number> {
    const name = ref.name;
    const ws = this.worksheet(name);
    this.reconcile(name);
    const store = this.store();
    const entry = store[name];
    if (!entry) throw new HostError("NOTHING_TO_REVERT", `sheet ${name} has nothing to revert`);
    if (ws.isProtected()) {
      throw new HostError("PROTECTED", `sheet ${name} is protected: nothing was restored`);
    }
    const edits = new Map<string, string | null>();
    let valueChanged = false;
    const addresses = Object.keys(entry.snapshot.cells);
    for (const address of addresses) {
      const original = entry.snapshot.cells[address];
      const change = this.plan(
        name,
        address,
        original,
        original,
        entry.raw[address],
        entry.notesTracked
      );
      if (change.cell !== undefined) edits.set(address, change.cell);
      valueChanged ||= change.valueChanged;
    }
    this.commitSheet(name, edits);
    delete store[name];
    this.commitWorkbook(valueChanged);
    return addresses.length;
  }

  /** The package as bytes: every part we did not change exactly as it came in. */
  toBytes(): Uint8Array {
    return this.pkg.toBytes();
  }

  /** The names of the parts this workbook changed or added so far. */
  changedParts(): string[] {
    return this.pkg.changedParts();
  }

  // ---- reading ------------------------------------------------------------------------------

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof HostError) throw e;
      if (e instanceof ZipError || e instanceof Error) throw corrupt(e.message, e);
      throw e;
    }
  }

  private entry(name: string): SheetEntry {
    const entry = this.sheets.find((s) => s.name === name);
    if (!entry || !entry.part || !entry.worksheet || name === STORE_SHEET)
      throw new HostError("UNKNOWN", `no sheet named ${name}`);
    return entry;
  }

  private worksheet(name: string): Worksheet {
    const part = this.entry(name).part!;
    let ws = this.worksheets.get(part);
    if (!ws) {
      const xml = this.pkg.text(part);
      if (xml === undefined) throw corrupt(`sheet ${name} has no part ${part}`);
      ws = this.guard(() => new Worksheet(xml));
      this.worksheets.set(part, ws);
    }
    return ws;
  }

  private notes(name: string): SheetNotes {
    const part = this.entry(name).part!;
    let notes = this.notesBySheet.get(part);
    if (!notes) {
      notes = new SheetNotes(this.pkg, part, this.worksheet(name).legacyDrawingId());
      this.notesBySheet.set(part, notes);
    }
    return notes;
  }

  private styles(): Styles {
    if (!this.stylesModel) {
      const rel = this.pkg.relationships(this.workbookPart).find((r) => r.type === STYLES_TYPE);
      this.stylesPart = rel?.part;
      this.stylesModel = new Styles(rel ? this.pkg.text(rel.part) : undefined, this.palette);
    }
    return this.stylesModel;
  }

  private sharedStrings(): string[] {
    if (!this.sharedStringsCache) {
      const rel = this.pkg
        .relationships(this.workbookPart)
        .find((r) => r.type === SHARED_STRINGS_TYPE);
      const xml = rel ? this.pkg.text(rel.part) : undefined;
      this.sharedStringsCache = xml
        ? findElements(xml, "si").map((si) => runText(xml.slice(si.innerStart, si.innerEnd)))
        : [];
    }
    return this.sharedStringsCache;
  }

  /** Shared formulas' master cells, by their `si`. */
  private sharedMasters(
    cells: { xml: string; row: number; col: number }[]
  ): Map<string, { row: number; col: number; text: string }> {
    const out = new Map<string, { row: number; col: number; text: string }>();
    for (const c of cells) {
      if (!c.xml.includes('t="shared"')) continue;
      const f = parseCell(c.xml).f;
      const si = f ? attribute(f.tag, "si") : undefined;
      if (f && si !== undefined && f.text && attribute(f.tag, "ref") !== undefined)
        out.set(si, { row: c.row, col: c.col, text: f.text });
    }
    return out;
  }

  private cellOf(
    parsed: ParsedCell,
    row: number,
    col: number,
    masters: Map<string, { row: number; col: number; text: string }>
  ): Cell {
    const info = this.styles().info(parsed.s);
    const { value, text } = readValue(parsed, this.readContext());
    const cell: Cell = {
      value,
      text,
      numberFormat: info.numberFormat,
      fill: info.fill,
      note: null,
    };
    if (parsed.f) {
      let formula = parsed.f.text;
      if (!formula && attribute(parsed.f.tag, "t") === "shared") {
        const master = masters.get(attribute(parsed.f.tag, "si") ?? "");
        if (master) formula = shiftFormula(master.text, row - master.row, col - master.col);
      }
      if (formula) cell.formula = formula.replace(/^=/, "");
    }
    return cell;
  }

  private contextCache?: ReadContext;

  /** How cell values are read in this workbook: one object, made once (the hot loop reuses it). */
  private readContext(): ReadContext {
    if (!this.contextCache) {
      const strings = this.sharedStrings();
      const styles = this.styles();
      this.contextCache = {
        sharedString: (i) => strings[i] ?? "",
        numberFormat: (s) => {
          const x = styles.info(s);
          return { code: x.numberFormat, id: x.numFmtId };
        },
        date1904: this.date1904,
      };
    }
    return this.contextCache;
  }

  private readState(name: string, address: string): CellState {
    const ws = this.worksheet(name);
    const found = ws.cell(address);
    const note = this.notes(name).get(address)?.text ?? null;
    if (!found) return { value: null, numberFormat: "General", fill: null, note };
    const { row, col } = fromA1(address);
    const masters = found.xml.includes('t="shared"')
      ? this.sharedMasters(ws.allCells())
      : new Map();
    const cell = this.cellOf(parseCell(found.xml), row, col, masters);
    const isSlave = ws
      .merges()
      .some(
        (m) =>
          row >= m.top &&
          row <= m.bottom &&
          col >= m.left &&
          col <= m.right &&
          (row !== m.top || col !== m.left)
      );
    const state: CellState = {
      value: isSlave ? null : cell.value,
      numberFormat: cell.numberFormat,
      fill: cell.fill ?? null,
      note,
    };
    if (cell.formula !== undefined && !isSlave) state.formula = cell.formula;
    return state;
  }

  private capture(name: string, address: string): XmlRecord {
    return {
      cell: this.worksheet(name).cell(address)?.xml ?? null,
      note: this.notes(name).get(address)?.xml ?? null,
      written: this.readState(name, address),
    };
  }

  // ---- the snapshot store ---------------------------------------------------------------------

  private storeEntry(): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === STORE_SHEET && s.part);
  }

  private store(): StoreModel {
    if (this.storeModel) return this.storeModel;
    const entry = this.storeEntry();
    const xml = entry?.part ? this.pkg.text(entry.part) : undefined;
    if (!xml) {
      this.storeModel = {};
      return this.storeModel;
    }
    const rows: unknown[][] = [];
    const ws = new Worksheet(xml);
    for (const c of ws.allCells()) {
      if (c.col > 2) continue;
      const { value } = readValue(parseCell(c.xml), {
        sharedString: (i) => this.sharedStrings()[i] ?? "",
        numberFormat: () => ({ code: "General", id: 0 }),
        date1904: false,
      });
      (rows[c.row] ??= [])[c.col] = value ?? undefined;
    }
    this.storeModel = decodeStore(Array.from(rows, (r) => r ?? []));
    return this.storeModel;
  }

  private writeStore(): void {
    if (Object.keys(this.store()).length === 0 && this.removeStoreSheet()) return;
    const table = encodeStore(this.store());
    const rows = table
      .map((row, r) => {
        const cells = row
          .map((value, c) => (value === "" ? "" : buildCell(toA1(r, c), value, undefined, 0, "")))
          .join("");
        return `<row r="${r + 1}">${cells}</row>`;
      })
      .join("");
    const xml =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<sheetData>${rows}</sheetData></worksheet>`;
    let entry = this.storeEntry();
    if (!entry) {
      const part = this.pkg.freeName("xl/worksheets/sheet", ".xml");
      const rid = this.pkg.addRelationship(this.workbookPart, WORKSHEET_TYPE, part);
      this.pkg.ensureContentType(part, WORKSHEET_CT);
      this.addSheetEntry(rid);
      entry = { name: STORE_SHEET, part, state: "veryHidden", worksheet: true };
      this.sheets.push(entry);
    }
    this.pkg.setText(entry.part!, xml);
  }

  /**
   * With no snapshot left, the store sheet goes, as it came: its entry, relationship, content type
   * and part. Only when it is the last sheet — removing one before others would shift the sheet
   * indexes that defined names refer to; then it stays, holding an empty table.
   */
  private removeStoreSheet(): boolean {
    const entry = this.storeEntry();
    if (!entry) return true;
    const xml = this.pkg.text(this.workbookPart)!;
    const sheets = findElement(xml, "sheets");
    const list = sheets ? findElements(xml, "sheet", sheets.innerStart, sheets.innerEnd) : [];
    const last = list[list.length - 1];
    if (!last || attribute(last.tag, "name") !== STORE_SHEET) return false;
    const rid = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(last.tag)?.[1];
    this.pkg.setText(this.workbookPart, splice(xml, [[last.start, last.end, ""]]));
    if (rid) this.pkg.removeRelationship(this.workbookPart, rid);
    this.pkg.removeContentType(entry.part!);
    this.pkg.remove(entry.part!);
    this.sheets.splice(this.sheets.indexOf(entry), 1);
    return true;
  }

  private addSheetEntry(rid: string): void {
    const xml = this.pkg.text(this.workbookPart)!;
    const sheets = findElement(xml, "sheets");
    if (!sheets) throw corrupt("workbook without <sheets>");
    const ids = findElements(xml, "sheet", sheets.innerStart, sheets.innerEnd).map(({ tag }) =>
      Number(attribute(tag, "sheetId") ?? 0)
    );
    const relPrefix =
      /xmlns:([\w.-]+)\s*=\s*"http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
        xml
      )?.[1];
    const p = /^<([\w.-]+:)?/.exec(sheets.tag)?.[1] ?? "";
    const ridAttr = relPrefix ? `${relPrefix}:id="${rid}"` : `xmlns:r="${REL}" r:id="${rid}"`;
    const entry = `<${p}sheet name="${escapeXml(STORE_SHEET)}" sheetId="${Math.max(0, ...ids) + 1}" state="veryHidden" ${ridAttr}/>`;
    this.pkg.setText(
      this.workbookPart,
      insertBeforeClose(xml.slice(0, sheets.end), "sheets", entry) + xml.slice(sheets.end)
    );
  }

  // ---- writing --------------------------------------------------------------------------------

  /**
   * What one cell becomes so that it shows `state`: its new `<c>` element (undefined: unchanged;
   * null: no element), with the note change queued. Aspects equal to the original come back from
   * the record exactly; the others are written anew.
   */
  private plan(
    name: string,
    address: string,
    state: CellState,
    original: CellState | undefined,
    raw: XmlRecord | undefined,
    notesTracked: boolean
  ): { cell: string | null | undefined; valueChanged: boolean } {
    const ws = this.worksheet(name);
    const styles = this.styles();
    const current = this.readState(name, address);
    const currentXml = ws.cell(address)?.xml ?? null;
    const currentS = currentXml ? parseCell(currentXml).s : 0;
    const rawS = raw?.cell ? parseCell(raw.cell).s : 0;

    const restoringValue =
      raw !== undefined && original !== undefined && sameValue(state, original);
    const restoringFill = raw !== undefined && state.fill === original?.fill;
    const restoringFormat = raw !== undefined && state.numberFormat === original?.numberFormat;

    this.planNote(name, address, state, original, raw, notesTracked, current);

    if (
      restoringValue &&
      restoringFill &&
      restoringFormat &&
      raw.fillId === undefined &&
      raw.numFmtId === undefined
    ) {
      const changed = raw.cell !== currentXml;
      return {
        cell: changed ? raw.cell : undefined,
        valueChanged: changed && !sameValue(current, state),
      };
    }

    const change: { fillId?: number; numFmtId?: number } = {};
    if (restoringFill) change.fillId = raw.fillId ?? styles.fillIdOf(rawS);
    else if (state.fill !== current.fill)
      change.fillId = state.fill ? styles.solidFillId(state.fill) : 0;
    if (restoringFormat) change.numFmtId = raw.numFmtId ?? styles.numFmtIdOf(rawS);
    else if (state.numberFormat !== current.numberFormat)
      change.numFmtId = styles.numFmtId(state.numberFormat);
    if (change.fillId === styles.fillIdOf(currentS)) delete change.fillId;
    if (change.numFmtId === styles.numFmtIdOf(currentS)) delete change.numFmtId;
    const s = Object.keys(change).length > 0 ? styles.derive(currentS, change) : currentS;

    let cell: string | null;
    let valueChanged = false;
    if (restoringValue) {
      cell = raw.cell
        ? restyleCell(raw.cell, s)
        : s
          ? `<${ws.prefix}c r="${address}" s="${s}"/>`
          : null;
      valueChanged = !sameValue(current, state);
    } else if (!sameValue(state, current)) {
      this.detachSharedCopies(name, address);
      cell = buildCell(address, state.value, state.formula, s, ws.prefix);
      valueChanged = true;
    } else {
      cell = currentXml
        ? restyleCell(currentXml, s)
        : s
          ? `<${ws.prefix}c r="${address}" s="${s}"/>`
          : null;
    }
    return { cell: cell === currentXml ? undefined : cell, valueChanged };
  }

  private planNote(
    name: string,
    address: string,
    state: CellState,
    original: CellState | undefined,
    raw: XmlRecord | undefined,
    notesTracked: boolean,
    current: CellState
  ): void {
    const notes = this.notes(name);
    const noteIsOriginal = state.note === original?.note;
    if (raw !== undefined && noteIsOriginal) {
      const now = notes.get(address)?.xml ?? null;
      if (now !== raw.note) notes.set(address, state.note, raw.note);
    } else if (noteIsOriginal && !notesTracked) {
      // The original note was never read: leave whatever note the cell has.
    } else if (state.note !== current.note) {
      notes.set(address, state.note);
    }
  }

  /**
   * Before a shared formula's master cell is overwritten, its copies get their own formula: a copy
   * whose master is gone is an error in Excel. Same formulas, only spelled out per cell.
   */
  private pendingDetach = new Map<string, string>();

  private detachSharedCopies(name: string, address: string): void {
    const ws = this.worksheet(name);
    const found = ws.cell(address);
    if (!found || !found.xml.includes('t="shared"')) return;
    const f = parseCell(found.xml).f;
    const si = f ? attribute(f.tag, "si") : undefined;
    if (!f || si === undefined || attribute(f.tag, "ref") === undefined) return;
    for (const c of ws.allCells()) {
      if (c === found || !c.xml.includes('t="shared"')) continue;
      const cf = parseCell(c.xml).f;
      if (!cf || attribute(cf.tag, "si") !== si || cf.text) continue;
      const text = shiftFormula(f.text, c.row - found.row, c.col - found.col);
      const fEl = /<((?:[\w.-]+:)?f)(?=[\s/>])[^>]*?(\/>|>[\s\S]*?<\/\1>)/.exec(c.xml);
      if (!fEl) continue;
      const replaced = `${c.xml.slice(0, fEl.index)}<${fEl[1]}>${escapeXml(text)}</${fEl[1]}>${c.xml.slice(fEl.index + fEl[0].length)}`;
      this.pendingDetach.set(toA1(c.row, c.col), replaced);
    }
  }

  /** Apply one sheet's cell edits and note changes to the package. */
  private commitSheet(name: string, edits: Map<string, string | null>): void {
    for (const [address, xml] of this.pendingDetach)
      if (!edits.has(address)) edits.set(address, xml);
    this.pendingDetach.clear();
    const part = this.entry(name).part!;
    const ws = this.worksheet(name);
    const notes = this.notes(name);
    const vmlRel = notes.changed ? notes.commit() : undefined;
    if (edits.size === 0 && !vmlRel) return;
    const relPrefix =
      /xmlns:([\w.-]+)\s*=\s*"http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
        ws.xml.slice(0, ws.xml.indexOf(">", ws.xml.search(/<(?:[\w.-]+:)?worksheet[\s>]/)) + 1)
      )?.[1];
    const xml = ws.edit(
      edits,
      vmlRel ? { rid: vmlRel, relPrefix: relPrefix ? `${relPrefix}:` : "" } : undefined
    );
    this.pkg.setText(part, xml);
    this.worksheets.set(part, new Worksheet(xml));
  }

  /** Styles, the snapshot sheet and the recalculation flag, after a write or revert. */
  private commitWorkbook(valueChanged: boolean): void {
    const styles = this.styles();
    if (styles.changed) {
      if (!this.stylesPart) {
        this.stylesPart = "xl/styles.xml";
        this.pkg.addRelationship(this.workbookPart, STYLES_TYPE, this.stylesPart);
        this.pkg.ensureContentType(this.stylesPart, STYLES_CT);
      }
      this.pkg.setText(this.stylesPart, styles.toXml());
    }
    this.writeStore();
    if (valueChanged) this.requestRecalculation();
  }

  /** calcPr fullCalcOnLoad="1": Excel, WPS and LibreOffice recompute dependents on open. */
  private requestRecalculation(): void {
    const xml = this.pkg.text(this.workbookPart)!;
    const calcPr = findElement(xml, "calcPr");
    if (calcPr) {
      if (attribute(calcPr.tag, "fullCalcOnLoad") === "1") return;
      this.pkg.setText(
        this.workbookPart,
        splice(xml, [
          [
            calcPr.start,
            calcPr.start + calcPr.tag.length,
            withAttribute(calcPr.tag, "fullCalcOnLoad", "1"),
          ],
        ])
      );
      return;
    }
    const p = /^<([\w.-]+:)?/.exec(findElement(xml, "workbook")?.tag ?? "<")?.[1] ?? "";
    const element = `<${p}calcPr fullCalcOnLoad="1"/>`;
    // calcPr comes after definedNames and before these, in CT_Workbook's order.
    const later = [
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
    let at = xml.lastIndexOf("</");
    for (const name of later) {
      const el = findElement(xml, name);
      if (el && el.start < at) at = el.start;
    }
    this.pkg.setText(this.workbookPart, splice(xml, [[at, at, element]]));
  }

  // ---- edits made after our write ---------------------------------------------------------------

  /**
   * Someone may have edited a touched cell since our last write (typed the missing 偏差原因 into a
   * highlighted cell, say). Each part that no longer shows what we wrote takes the edit as its new
   * original — decided by the engine's currentOriginal, as for every host — and the record follows.
   */
  private reconcile(name: string): void {
    if (this.reconciled.has(name)) return;
    this.reconciled.add(name);
    const entry = this.store()[name];
    if (!entry) return;
    const { snapshot } = entry;
    const ws = this.worksheet(name);
    const styles = this.styles();
    for (const [address, original] of Object.entries(snapshot.cells)) {
      const raw = entry.raw[address];
      const written = raw?.written ?? snapshot.written?.[address];
      if (!written) continue;
      const now = this.readState(name, address);
      const next = currentOriginal(original, written, now);
      snapshot.cells[address] = next;
      if (snapshot.written) snapshot.written[address] = now;
      if (!raw) continue;
      const currentXml = ws.cell(address)?.xml ?? null;
      const currentS = currentXml ? parseCell(currentXml).s : 0;
      const rawS = raw.cell ? parseCell(raw.cell).s : 0;
      if (valuePartChanged(now, written)) {
        raw.cell = currentXml
          ? restyleCell(currentXml, rawS)
          : rawS
            ? `<${ws.prefix}c r="${address}" s="${rawS}"/>`
            : null;
      }
      if (now.numberFormat !== written.numberFormat) raw.numFmtId = styles.numFmtIdOf(currentS);
      if (now.fill !== written.fill) raw.fillId = styles.fillIdOf(currentS);
      if (now.note !== written.note)
        raw.note = next.note === now.note ? (this.notes(name).get(address)?.xml ?? null) : raw.note;
      raw.written = now;
    }
  }
}

function structuredCloneSnapshot(snapshot: SheetSnapshot): SheetSnapshot {
  return JSON.parse(JSON.stringify(snapshot)) as SheetSnapshot;
}

export { resolveTarget };
