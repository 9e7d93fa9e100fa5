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
import { mayNameIndicators } from "../../domain/detect";
import type { CellGrid, CellState, SheetSnapshot } from "../../domain/grid";
import type { ResolvedWrite } from "../../domain/plan-types";
import { currentOriginal, valuePartChanged } from "../../domain/resolve";
import { SNAPSHOT_SHEET_NAME } from "../snapshot-codec";
import { HostError, type SheetRef, type WorkbookPort } from "../workbook-port";
import { CellWriter, type CellTarget } from "./cell-writer";
import { parseCell, restyleCell } from "./cell-xml";
import { SheetNotes } from "./notes";
import { XlsxPackage } from "./package";
import {
  decodeStore,
  encodeStore,
  readStoreTable,
  storeSheetXml,
  type StoreModel,
  type XmlRecord,
} from "./package-store";
import { SheetReader } from "./sheet-reader";
import { sniffFile } from "./sniff";
import { Styles } from "./styles";
import { corrupt, relationshipPrefix, WorkbookPart, type SheetEntry } from "./workbook-part";
import { Worksheet } from "./worksheet";
import { runText } from "./xml";
import type { ZipCodec } from "./zip";

export { MAX_GRID_CELLS } from "./sheet-reader";
export const STORE_SHEET = SNAPSHOT_SHEET_NAME;

const SHARED_STRING_CELL = /<(?:[\w.-]+:)?c\s[^>]*?\bt="s"[^>]*>\s*<(?:[\w.-]+:)?v>(\d+)</g;

function copySnapshot(snapshot: SheetSnapshot): SheetSnapshot {
  return JSON.parse(JSON.stringify(snapshot)) as SheetSnapshot;
}

export class PackageWorkbook implements WorkbookPort {
  private readonly book: WorkbookPart;
  private stylesModel?: Styles;
  private stylesPart?: string;
  private sharedStringsCache?: string[];
  private readerCache?: SheetReader;
  private namingCache?: Set<number>;
  private readonly worksheets = new Map<string, Worksheet>();
  private readonly notesBySheet = new Map<string, SheetNotes>();
  private storeModel?: StoreModel;
  private readonly reconciled = new Set<string>();

  private constructor(private readonly pkg: XlsxPackage) {
    this.book = new WorkbookPart(pkg);
  }

  /**
   * Open .xlsx/.xlsm bytes, or throw a HostError whose code says why they are not a usable workbook.
   * `codec` (de)compresses parts and checks CRCs: fflate by default, the CLI passes Node's zlib.
   */
  static fromBytes(bytes: Uint8Array, options: { codec?: ZipCodec } = {}): PackageWorkbook {
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
      return new PackageWorkbook(new XlsxPackage(bytes, options.codec));
    } catch (e) {
      if (e instanceof HostError) throw e;
      throw corrupt((e as Error).message, e);
    }
  }

  /** Visible worksheets only: the store sheet, chart sheets and sheets the author hid are not scored. */
  async listSheets(): Promise<SheetRef[]> {
    return this.book.sheets
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
    const re = new RegExp(SHARED_STRING_CELL);
    for (let m = re.exec(xml); m; m = re.exec(xml)) if (naming.has(Number(m[1]))) return true;
    return false;
  }

  async isProtected(sheet: SheetRef): Promise<boolean> {
    return this.worksheet(sheet.name).isProtected();
  }

  async readGrid(ref: SheetRef): Promise<CellGrid> {
    return this.guard(() => {
      const ws = this.worksheet(ref.name);
      this.reconcile(ref.name);
      const read = this.reader().grid(ref.name, ws, this.notes(ref.name));
      const grid: CellGrid = { sheetName: ref.name, ...read, protected: ws.isProtected() };
      const snapshot = this.store()[ref.name]?.snapshot;
      if (snapshot) grid.snapshot = copySnapshot(snapshot);
      return grid;
    });
  }

  async readSnapshot(ref: SheetRef): Promise<SheetSnapshot | undefined> {
    this.worksheet(ref.name);
    this.reconcile(ref.name);
    const snapshot = this.store()[ref.name]?.snapshot;
    return snapshot ? copySnapshot(snapshot) : undefined;
  }

  async write(resolved: ResolvedWrite): Promise<void> {
    const name = resolved.sheetName;
    if (this.worksheet(name).isProtected()) {
      throw new HostError("PROTECTED", `sheet ${name} is protected: nothing was written`);
    }
    this.reconcile(name);
    const store = this.store();
    const previous = store[name];
    const records: Record<string, XmlRecord> = { ...(previous?.raw ?? {}) };
    const snapshot: SheetSnapshot = { sheetName: name, cells: { ...resolved.snapshot.cells } };
    // A cell an earlier snapshot already lists shows that run's writes, not its original: only a
    // cell touched for the first time gets a record. Record them all before the first change.
    const firstTouch = (address: string) => !records[address] && !previous?.snapshot.cells[address];
    // Each touched cell is read once, before any change.
    const shown = new Map<string, CellState>();
    const before = (address: string): CellState => {
      let state = shown.get(address);
      if (!state) shown.set(address, (state = this.state(name, address)));
      return state;
    };
    for (const { address } of resolved.cells) {
      if (firstTouch(address)) records[address] = this.capture(name, address);
      snapshot.cells[address] ??= before(address);
    }
    for (const address of Object.keys(snapshot.cells))
      if (firstTouch(address)) records[address] = this.capture(name, address);
    const notesTracked = previous?.notesTracked ?? true;
    const sheetBefore = this.worksheet(name);
    const { valueChanged, elements } = this.apply(
      name,
      resolved.cells.map(({ address, state }) => ({
        address,
        state,
        original: snapshot.cells[address],
        record: records[address],
        notesTracked,
        current: before(address),
      }))
    );
    // What every touched cell shows now, as this host reads it: the next read compares with that.
    const after = (address: string): CellState => {
      const note = this.notes(name).get(address)?.text ?? null;
      const unchanged = !elements.has(address);
      // An element left as it was shows what it showed, but for the note perhaps.
      const was = unchanged ? shown.get(address) : undefined;
      if (was) return { ...was, note };
      const xml = unchanged ? sheetBefore.cell(address)?.xml : elements.get(address);
      // A shared formula is read against the sheet as it is now: its master may have changed.
      if (xml?.includes('t="shared"')) return this.state(name, address);
      return this.reader().stateOf(sheetBefore, xml, address, note);
    };
    const written: Record<string, CellState> = { ...(resolved.snapshot.written ?? {}) };
    for (const { address } of resolved.cells) written[address] = after(address);
    for (const address of Object.keys(snapshot.cells)) written[address] ??= after(address);
    snapshot.written = written;
    const kept: Record<string, XmlRecord> = {};
    for (const address of Object.keys(snapshot.cells))
      if (records[address]) kept[address] = records[address];
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
    const addresses = Object.keys(entry.snapshot.cells);
    const { valueChanged } = this.apply(
      name,
      addresses.map((address) => ({
        address,
        state: entry.snapshot.cells[address],
        original: entry.snapshot.cells[address],
        record: entry.raw[address],
        notesTracked: entry.notesTracked,
      }))
    );
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

  // ---- parts, read once ---------------------------------------------------------------------

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof HostError || !(e instanceof Error)) throw e;
      throw corrupt(e.message, e);
    }
  }

  private entry(name: string): SheetEntry & { part: string } {
    const entry = this.book.sheets.find((s) => s.name === name);
    if (!entry || !entry.part || !entry.worksheet || name === STORE_SHEET)
      throw new HostError("UNKNOWN", `no sheet named ${name}`);
    return entry as SheetEntry & { part: string };
  }

  private worksheet(name: string): Worksheet {
    const { part } = this.entry(name);
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
    const { part } = this.entry(name);
    let notes = this.notesBySheet.get(part);
    if (!notes) {
      notes = new SheetNotes(this.pkg, part, this.worksheet(name).legacyDrawingId());
      this.notesBySheet.set(part, notes);
    }
    return notes;
  }

  private styles(): Styles {
    if (!this.stylesModel) {
      this.stylesPart = this.book.stylesPart();
      const xml = this.stylesPart ? this.pkg.text(this.stylesPart) : undefined;
      this.stylesModel = new Styles(xml, () => this.book.palette);
    }
    return this.stylesModel;
  }

  private sharedStrings(): string[] {
    this.sharedStringsCache ??= this.book.sharedStrings(runText);
    return this.sharedStringsCache;
  }

  private reader(): SheetReader {
    this.readerCache ??= new SheetReader(this.styles(), this.sharedStrings(), this.book.date1904);
    return this.readerCache;
  }

  /** Indexes of the shared strings that may name 指标. */
  private namingStrings(): Set<number> {
    if (!this.namingCache) {
      const naming = new Set<number>();
      this.sharedStrings().forEach((text, i) => {
        if (mayNameIndicators(text)) naming.add(i);
      });
      this.namingCache = naming;
    }
    return this.namingCache;
  }

  private state(name: string, address: string): CellState {
    return this.reader().state(this.worksheet(name), this.notes(name), address);
  }

  private capture(name: string, address: string): XmlRecord {
    return {
      cell: this.worksheet(name).cell(address)?.xml ?? null,
      note: this.notes(name).get(address)?.xml ?? null,
    };
  }

  // ---- the snapshot store ---------------------------------------------------------------------

  private storeEntry(): SheetEntry | undefined {
    return this.book.sheets.find((s) => s.name === STORE_SHEET && s.part);
  }

  private store(): StoreModel {
    if (!this.storeModel) {
      const part = this.storeEntry()?.part;
      const xml = part ? this.pkg.text(part) : undefined;
      this.storeModel = xml ? decodeStore(readStoreTable(xml, this.reader().context)) : {};
    }
    return this.storeModel;
  }

  /** The store sheet holds the table again; with no snapshot left it goes, when it can. */
  private writeStore(): void {
    const store = this.store();
    if (Object.keys(store).length === 0) {
      if (!this.storeEntry() || this.book.removeLastSheet(STORE_SHEET)) return;
    }
    const entry = this.storeEntry() ?? this.book.addSheet(STORE_SHEET, "veryHidden");
    this.pkg.setText(entry.part!, storeSheetXml(encodeStore(store)));
  }

  // ---- writing --------------------------------------------------------------------------------

  /**
   * Bring cells of one sheet to their targets, in one edit of its part. Says whether a value
   * changed, and which `<c>` elements were replaced (null: removed), detached formula copies included.
   */
  private apply(
    name: string,
    targets: CellTarget[]
  ): { valueChanged: boolean; elements: ReadonlyMap<string, string | null> } {
    const { part } = this.entry(name);
    const ws = this.worksheet(name);
    const notes = this.notes(name);
    const writer = new CellWriter(ws, notes, this.styles(), this.reader());
    const edits = new Map<string, string | null>();
    let valueChanged = false;
    for (const target of targets) {
      const change = writer.change(target);
      if (change.cell !== undefined) edits.set(target.address, change.cell);
      valueChanged ||= change.valueChanged;
    }
    for (const [address, xml] of writer.detached) if (!edits.has(address)) edits.set(address, xml);
    const vmlRel = notes.changed ? notes.commit() : undefined;
    if (edits.size === 0 && !vmlRel) return { valueChanged, elements: edits };
    const rootTag = ws.xml.slice(
      0,
      ws.xml.indexOf(">", ws.xml.search(/<(?:[\w.-]+:)?worksheet[\s>]/)) + 1
    );
    const xml = ws.edit(
      edits,
      vmlRel ? { rid: vmlRel, relPrefix: relationshipPrefix(rootTag) ?? "" } : undefined
    );
    this.pkg.setText(part, xml);
    this.worksheets.set(part, new Worksheet(xml));
    return { valueChanged, elements: edits };
  }

  /** Styles, the snapshot sheet and the recalculation flag, after a write or revert. */
  private commitWorkbook(valueChanged: boolean): void {
    const styles = this.styles();
    if (styles.changed) {
      this.stylesPart ??= this.book.addStylesPart();
      this.pkg.setText(this.stylesPart, styles.toXml());
    }
    this.writeStore();
    if (valueChanged) this.book.requestRecalculation();
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
      const record = entry.raw[address];
      const written = snapshot.written?.[address];
      if (!written) continue;
      const now = this.state(name, address);
      const next = currentOriginal(original, written, now);
      snapshot.cells[address] = next;
      snapshot.written![address] = now;
      if (!record) continue;
      const currentXml = ws.cell(address)?.xml ?? null;
      const currentS = currentXml ? parseCell(currentXml).s : 0;
      const recordS = record.cell ? parseCell(record.cell).s : 0;
      if (valuePartChanged(now, written)) {
        record.cell = currentXml
          ? restyleCell(currentXml, recordS)
          : recordS
            ? `<${ws.prefix}c r="${address}" s="${recordS}"/>`
            : null;
      }
      if (now.numberFormat !== written.numberFormat) record.numFmtId = styles.numFmtIdOf(currentS);
      if (now.fill !== written.fill) record.fillId = styles.fillIdOf(currentS);
      if (now.note !== written.note && next.note === now.note)
        record.note = this.notes(name).get(address)?.xml ?? null;
    }
  }
}
