/**
 * An in-memory Excel that behaves like Office.js where this product depends on it, for the adapter
 * tests and the benchmark:
 *
 * - Nothing happens until `context.sync()`: loads and writes are queued and run in order then.
 * - Reading a property that was not loaded (or not yet synced) throws PropertyNotLoaded.
 * - `values` (raw), `text` (rendered by number format), `numberFormat` and `formulas` differ.
 * - Strings written to `values`/`formulas` are parsed like typed input ("50%" becomes 0.5 under
 *   0%, "=A1" a formula, "12" a number) unless they start with an apostrophe or the cell is Text.
 * - `getMergedAreasOrNullObject()` only reports merges whose top-left cell lies in the range.
 * - `getCellProperties` reports fills ("#FFFFFF" + pattern "None" for no fill), notes live in
 *   `worksheet.notes` and are found by cell address or located with `getLocation()`.
 * - Writing to a protected sheet fails with AccessDenied at that operation (earlier operations of
 *   the batch stay applied, as in Excel); in cell edit mode the whole batch fails.
 * - `*OrNullObject` results are null objects; methods called on them give null objects too.
 * - Counts syncs and request/response bytes (JSON size of what was queued and what came back),
 *   enforces a payload limit (Excel on the web: 5 MB) and can add latency per sync.
 */
import type { CellValue, MergedArea } from "../../src/domain/grid";
import { columnLetters, fromA1, toA1 } from "../../src/domain/grid";
import { formatNumber } from "../../src/domain/format";
import type { SheetSpec } from "../fixtures/sheet-spec";
import { parseRange, specCell } from "../fixtures/sheet-spec";

export interface FakeCell {
  value: CellValue;
  /** Without the leading "=". */
  formula?: string;
  numberFormat: string;
  fill: string | null;
  note: string | null;
}

export interface FakeExcelOptions {
  /** Milliseconds each sync waits before answering. */
  latencyMs?: number;
  /** Highest ExcelApi version this "Excel" supports, e.g. "1.17" (notes need 1.18). Default "1.20". */
  apiVersion?: string;
  /** Request and response limit per sync in bytes; default 5 MB like Excel on the web. */
  payloadLimitBytes?: number;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  writes: number;
}

export class FakeOfficeError extends Error {
  override name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

const NOT_LOADED = (prop: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );

const EMPTY: FakeCell = Object.freeze({
  value: null,
  numberFormat: "General",
  fill: null,
  note: null,
});

export class FakeSheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  readonly cells = new Map<string, FakeCell>();
  merges: MergedArea[] = [];
  /** The cached result of a formula the add-in overwrote, so writing it back restores the value. */
  readonly formulaCache = new Map<string, CellValue>();
  constructor(public name: string) {}

  get(row: number, col: number): FakeCell {
    return this.cells.get(`${row},${col}`) ?? EMPTY;
  }

  set(row: number, col: number, cell: FakeCell): void {
    const empty =
      cell.value === null &&
      !cell.formula &&
      cell.numberFormat === "General" &&
      !cell.fill &&
      !cell.note;
    if (empty) this.cells.delete(`${row},${col}`);
    else this.cells.set(`${row},${col}`, { ...cell });
  }

  /** Bounds of cells holding a value (valuesOnly) or anything at all; null when empty. */
  usedBounds(valuesOnly: boolean): Box | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (valuesOnly && cell.value === null && !cell.formula) continue;
      const [r, c] = key.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return null;
    return { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface Target {
  sheet: FakeSheet;
  box: Box;
}

type Op = {
  requestBytes: number;
  isWrite: boolean;
  /** Runs against the model; returns response bytes. */
  run: () => number;
};

function size(x: unknown): number {
  return Buffer.byteLength(JSON.stringify(x) ?? "null", "utf8");
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function boxAddress(box: Box): string {
  const a = toA1(box.top, box.left);
  if (box.rows === 1 && box.cols === 1) return a;
  return `${a}:${toA1(box.top + box.rows - 1, box.left + box.cols - 1)}`;
}

function parseBox(address: string): Box {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const r = parseRange(bare.replace(/\$/g, ""));
  return { top: r.top, left: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

function renderText(cell: FakeCell): string {
  if (cell.value === null) return "";
  if (typeof cell.value === "number") return formatNumber(cell.value, cell.numberFormat);
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return cell.value;
}

function grid<T>(box: Box, f: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < box.rows; r++) {
    const line: T[] = [];
    for (let c = 0; c < box.cols; c++) line.push(f(box.top + r, box.left + c));
    out.push(line);
  }
  return out;
}

/** What Excel makes of a string typed or written into a cell. */
function parseInput(
  text: string,
  cell: FakeCell
): { value: CellValue; formula?: string; numberFormat?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (cell.numberFormat === "@") return { value: text };
  if (text.startsWith("=") && text.length > 1) return { value: null, formula: text.slice(1) };
  if (/^[+-]?\d+(\.\d+)?$/.test(text.trim())) return { value: Number(text) };
  const pct = /^([+-]?\d+(?:\.(\d+))?)%$/.exec(text.trim());
  if (pct) {
    const numberFormat =
      cell.numberFormat === "General"
        ? pct[2]
          ? `0.${"0".repeat(pct[2].length)}%`
          : "0%"
        : undefined;
    return { value: Number(pct[1]) / 100, numberFormat };
  }
  if (/^(true|false)$/i.test(text)) return { value: /^true$/i.test(text) };
  if (text === "") return { value: null };
  return { value: text };
}

function supports(version: string, wanted: string): boolean {
  const [a1, a2] = version.split(".").map(Number);
  const [b1, b2] = wanted.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && (a2 ?? 0) >= (b2 ?? 0));
}

export class FakeExcel {
  readonly sheets = new Map<string, FakeSheet>();
  activeSheet = "";
  /** Simulates the user typing in a cell: every batch fails. */
  editMode = false;
  syncCount = 0;
  requestBytes = 0;
  responseBytes = 0;
  readonly syncLog: SyncRecord[] = [];
  readonly runOptions: unknown[] = [];
  /** Operations queued but never synced when an Excel.run ended (always a bug in the caller). */
  lostOperations = 0;
  readonly options: Required<FakeExcelOptions>;

  constructor(options: FakeExcelOptions = {}) {
    this.options = {
      latencyMs: options.latencyMs ?? 0,
      apiVersion: options.apiVersion ?? "1.20",
      payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024,
    };
  }

  /** A workbook holding one sheet described by a SheetSpec, active. */
  static fromSpec(spec: SheetSpec, options?: FakeExcelOptions): FakeExcel {
    const excel = new FakeExcel(options);
    excel.addSpec(spec);
    excel.activeSheet = spec.name;
    return excel;
  }

  addSpec(spec: SheetSpec): FakeSheet {
    const sheet = this.addSheet(spec.name);
    spec.rows.forEach((line, r) =>
      line.forEach((raw, c) => {
        if (raw === null || raw === undefined) return;
        const cell = specCell(raw);
        sheet.set(r, c, {
          value: cell.value,
          formula: cell.formula,
          numberFormat: cell.numberFormat,
          fill: cell.fill ? cell.fill.toUpperCase() : null,
          note: cell.note ?? null,
        });
      })
    );
    sheet.merges = (spec.merges ?? []).map(parseRange);
    sheet.protected = spec.protected ?? false;
    return sheet;
  }

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.set(name, sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.get(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** A cell as stored (for assertions). */
  cell(sheet: string, address: string): FakeCell {
    const { row, col } = fromA1(address);
    return { ...this.sheet(sheet).get(row, col) };
  }

  /** A deep copy of every stored cell of a sheet, keyed by A1 address. */
  dump(sheet: string): Record<string, FakeCell> {
    const out: Record<string, FakeCell> = {};
    for (const [key, cell] of this.sheet(sheet).cells) {
      const [r, c] = key.split(",").map(Number);
      const copy: FakeCell = { ...cell };
      if (copy.formula === undefined) delete copy.formula;
      out[toA1(r, c)] = copy;
    }
    return out;
  }

  isSetSupported = (name: string, version?: string): boolean =>
    name === "ExcelApi" && supports(this.options.apiVersion, version ?? "1.1");

  resetCounters(): void {
    this.syncCount = 0;
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.syncLog.length = 0;
  }

  /** Excel.run(batch) and Excel.run(options, batch). */
  run = async <T>(a: unknown, b?: unknown): Promise<T> => {
    const batch = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<T>;
    if (typeof a !== "function") this.runOptions.push(a);
    const context = new FakeContext(this);
    try {
      return await batch(context);
    } finally {
      this.lostOperations += context.queue.length;
      context.queue.length = 0;
    }
  };

  /** The global `Excel` object the adapter sees. */
  get namespace(): { run: FakeExcel["run"] } {
    return { run: this.run };
  }

  async sync(context: FakeContext): Promise<void> {
    const ops = context.queue.splice(0);
    this.syncCount++;
    if (this.options.latencyMs > 0) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    const requestBytes = ops.reduce((n, op) => n + op.requestBytes, 0);
    const record: SyncRecord = {
      requestBytes,
      responseBytes: 0,
      operations: ops.length,
      writes: ops.filter((op) => op.isWrite).length,
    };
    this.syncLog.push(record);
    this.requestBytes += requestBytes;
    if (this.editMode) {
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "The operation is not allowed while a cell is being edited."
      );
    }
    if (requestBytes > this.options.payloadLimitBytes) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload is too large."
      );
    }
    let responseBytes = 0;
    for (const op of ops) responseBytes += op.run();
    record.responseBytes = responseBytes;
    this.responseBytes += responseBytes;
    if (responseBytes > this.options.payloadLimitBytes) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload is too large."
      );
    }
  }
}

export class FakeContext {
  readonly queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }
  sync(): Promise<void> {
    return this.excel.sync(this);
  }
  push(op: Op): void {
    this.queue.push(op);
  }
}

/** Load bookkeeping shared by every proxy object. */
abstract class FakeClientObject {
  protected readonly loaded = new Map<string, unknown>();
  private nullness: boolean | undefined;
  constructor(readonly context: FakeContext) {}

  get isNullObject(): boolean {
    if (this.nullness === undefined) throw NOT_LOADED("isNullObject");
    return this.nullness;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw NOT_LOADED(prop);
    return this.loaded.get(prop) as T;
  }

  /** Whether the object exists when the batch runs (false = null object). */
  protected abstract exists(): boolean;
  /** The current value of a loadable property (only called when the object exists). */
  protected abstract current(prop: string): unknown;
  protected abstract readonly loadable: readonly string[];

  load(props?: string | string[]): this {
    const list = (
      props === undefined ? [...this.loadable] : Array.isArray(props) ? props : props.split(",")
    )
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of list) {
      if (!this.loadable.includes(p) && !p.includes("/"))
        throw new Error(`fake Excel: cannot load '${p}' on ${this.constructor.name}`);
    }
    this.context.push({
      requestBytes: size({ load: list }),
      isWrite: false,
      run: () => {
        this.nullness = !this.exists();
        if (this.nullness) return size({ isNull: true });
        let bytes = 0;
        for (const p of list) {
          const v = this.current(p);
          this.loaded.set(p, v);
          bytes += size({ [p]: v });
        }
        return bytes;
      },
    });
    return this;
  }
}

export class FakeClientResult<T> {
  private done = false;
  private result: T | undefined;
  constructor(context: FakeContext, requestBytes: number, compute: () => T) {
    context.push({
      requestBytes,
      isWrite: false,
      run: () => {
        this.result = compute();
        this.done = true;
        return size(this.result);
      },
    });
  }
  get value(): T {
    if (!this.done) throw NOT_LOADED("value");
    return this.result as T;
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
  }
}

class FakeWorksheetCollection {
  constructor(readonly context: FakeContext) {}
  private get excel(): FakeExcel {
    return this.context.excel;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.excel.sheets.get(this.excel.activeSheet) ?? null,
      false
    );
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.excel.sheets.get(name) ?? null, false, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.excel.sheets.get(name) ?? null, true, name);
  }
  add(name: string): FakeWorksheet {
    this.context.push({
      requestBytes: size({ add: name }),
      isWrite: true,
      run: () => {
        if (this.excel.sheets.has(name))
          throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
        this.excel.addSheet(name);
        return 0;
      },
    });
    return this.getItem(name);
  }
}

type SheetResolver = () => FakeSheet | null;

function mustSheet(resolve: SheetResolver, label: string): FakeSheet {
  const s = resolve();
  if (!s)
    throw new FakeOfficeError("ItemNotFound", `The requested resource (${label}) doesn't exist.`);
  return s;
}

export class FakeWorksheet extends FakeClientObject {
  protected readonly loadable = ["name", "visibility", "position"] as const;
  readonly protection: FakeProtection;
  readonly notes: FakeNoteCollection;
  constructor(
    context: FakeContext,
    readonly resolveSheet: SheetResolver,
    readonly nullable: boolean,
    readonly label = "active sheet"
  ) {
    super(context);
    this.protection = new FakeProtection(context, this);
    this.notes = new FakeNoteCollection(context, this);
  }
  /** The sheet at batch time; null for a null object; throws ItemNotFound otherwise. */
  sheetOrNull(): FakeSheet | null {
    const s = this.resolveSheet();
    if (!s && !this.nullable) return mustSheet(this.resolveSheet, this.label);
    return s;
  }
  protected exists(): boolean {
    return this.sheetOrNull() !== null;
  }
  protected current(prop: string): unknown {
    const s = this.sheetOrNull() as FakeSheet;
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility;
    return [...this.context.excel.sheets.values()].indexOf(s);
  }
  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.context.push({
      requestBytes: size({ visibility: v }),
      isWrite: true,
      run: () => {
        const s = this.sheetOrNull();
        if (s) s.visibility = v as FakeSheet["visibility"];
        return 0;
      },
    });
  }
  private range(nullable: boolean, box: (s: FakeSheet) => Box | null): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = this.sheetOrNull();
        if (!s) return null;
        const b = box(s);
        return b ? { sheet: s, box: b } : null;
      },
      nullable || this.nullable
    );
  }
  getUsedRange(valuesOnly = false): FakeRange {
    return this.range(
      false,
      (s) => s.usedBounds(valuesOnly) ?? { top: 0, left: 0, rows: 1, cols: 1 }
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.range(true, (s) => s.usedBounds(valuesOnly));
  }
  getRange(address: string): FakeRange {
    const box = parseBox(address);
    return this.range(false, () => box);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return this.range(false, () => ({ top: row, left: col, rows, cols }));
  }
  delete(): void {
    this.context.push({
      requestBytes: size({ delete: this.label }),
      isWrite: true,
      run: () => {
        const s = this.sheetOrNull();
        if (s) this.context.excel.sheets.delete(s.name);
        return 0;
      },
    });
  }
}

class FakeProtection extends FakeClientObject {
  protected readonly loadable = ["protected"] as const;
  constructor(
    context: FakeContext,
    readonly sheet: FakeWorksheet
  ) {
    super(context);
  }
  protected exists(): boolean {
    return this.sheet.sheetOrNull() !== null;
  }
  protected current(): unknown {
    return (this.sheet.sheetOrNull() as FakeSheet).protected;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

type TargetResolver = () => Target | null;

function writable(target: Target | null, what: string): Target {
  if (!target)
    throw new FakeOfficeError("InvalidReference", `Cannot write ${what} to a null object.`);
  if (target.sheet.protected)
    throw new FakeOfficeError(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet.`
    );
  return target;
}

export class FakeRange extends FakeClientObject {
  protected readonly loadable = [
    "address",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "values",
    "text",
    "numberFormat",
    "formulas",
  ] as const;
  readonly format: FakeRangeFormat;
  constructor(
    context: FakeContext,
    readonly resolveTarget: TargetResolver,
    readonly nullable: boolean
  ) {
    super(context);
    this.format = new FakeRangeFormat(this);
  }
  target(): Target | null {
    const t = this.resolveTarget();
    if (!t && !this.nullable)
      throw new FakeOfficeError("ItemNotFound", "The range does not exist.");
    return t;
  }
  protected exists(): boolean {
    return this.target() !== null;
  }
  protected current(prop: string): unknown {
    const { sheet, box } = this.target() as Target;
    switch (prop) {
      case "address":
        return `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
      case "rowIndex":
        return box.top;
      case "columnIndex":
        return box.left;
      case "rowCount":
        return box.rows;
      case "columnCount":
        return box.cols;
      case "values":
        return grid(box, (r, c) => sheet.get(r, c).value ?? "");
      case "text":
        return grid(box, (r, c) => renderText(sheet.get(r, c)));
      case "numberFormat":
        return grid(box, (r, c) => sheet.get(r, c).numberFormat);
      default:
        return grid(box, (r, c) => {
          const cell = sheet.get(r, c);
          return cell.formula !== undefined ? `=${cell.formula}` : (cell.value ?? "");
        });
    }
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): CellValue[][] {
    return this.read("values");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }

  private write2d(
    prop: string,
    data: unknown[][],
    apply: (cell: FakeCell, v: unknown, sheet: FakeSheet, row: number, col: number) => FakeCell
  ) {
    this.context.push({
      requestBytes: size({ set: prop, data }),
      isWrite: true,
      run: () => {
        const { sheet, box } = writable(this.target(), prop);
        if (data.length !== box.rows || data.some((line) => line.length !== box.cols))
          throw new FakeOfficeError(
            "InvalidArgument",
            `The ${prop} array does not match the range size.`
          );
        data.forEach((line, r) =>
          line.forEach((v, c) => {
            const row = box.top + r;
            const col = box.left + c;
            sheet.set(row, col, apply(sheet.get(row, col), v, sheet, row, col));
          })
        );
        return 0;
      },
    });
  }

  private static input(
    sheet: FakeSheet,
    row: number,
    col: number,
    cell: FakeCell,
    v: unknown
  ): FakeCell {
    const next: FakeCell = { ...cell };
    delete next.formula;
    if (typeof v === "string") {
      const parsed = parseInput(v, cell);
      next.value = parsed.value;
      if (parsed.numberFormat) next.numberFormat = parsed.numberFormat;
      if (parsed.formula !== undefined) {
        next.formula = parsed.formula;
        // Excel recalculates; the fake cannot, so it keeps the result it last saw for this formula.
        next.value =
          parsed.formula === cell.formula
            ? cell.value
            : (sheet.formulaCache.get(`${row},${col}|${parsed.formula}`) ?? null);
      }
    } else {
      next.value = (v as CellValue) ?? null;
    }
    if (cell.formula !== undefined && next.formula !== cell.formula)
      sheet.formulaCache.set(`${row},${col}|${cell.formula}`, cell.value);
    return next;
  }

  set values(data: unknown[][]) {
    this.writeInput("values", data);
  }
  set formulas(data: unknown[][]) {
    this.writeInput("formulas", data);
  }
  private writeInput(prop: string, data: unknown[][]) {
    this.write2d(prop, data, (cell, v, sheet, row, col) =>
      FakeRange.input(sheet, row, col, cell, v)
    );
  }
  set numberFormat(data: string[][]) {
    this.write2d("numberFormat", data, (cell, v) => ({ ...cell, numberFormat: String(v) }));
  }

  /** Queues a change to every cell of the range. */
  mutate(what: string, requestBytes: number, f: (cell: FakeCell) => FakeCell): void {
    this.context.push({
      requestBytes,
      isWrite: true,
      run: () => {
        const { sheet, box } = writable(this.target(), what);
        for (let r = box.top; r < box.top + box.rows; r++)
          for (let c = box.left; c < box.left + box.cols; c++) sheet.set(r, c, f(sheet.get(r, c)));
        return 0;
      },
    });
  }

  clear(applyTo: string = "All"): void {
    this.mutate("clear", size({ clear: applyTo }), (cell) => {
      if (applyTo === "Contents") return { ...cell, value: null, formula: undefined };
      if (applyTo === "Formats") return { ...cell, numberFormat: "General", fill: null };
      return { value: null, numberFormat: "General", fill: null, note: cell.note };
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const t = this.target();
      if (!t) return null;
      const { sheet, box } = t;
      const inside = sheet.merges.filter(
        (m) =>
          m.top >= box.top &&
          m.top < box.top + box.rows &&
          m.left >= box.left &&
          m.left < box.left + box.cols
      );
      return inside.length ? { sheet, areas: inside } : null;
    });
  }

  getCellProperties(options: {
    format?: { fill?: { color?: boolean; pattern?: boolean } };
  }): FakeClientResult<{ format: { fill: { color?: string; pattern?: string } } }[][]> {
    const want = options.format?.fill ?? {};
    return new FakeClientResult(this.context, size({ getCellProperties: options }), () => {
      const { sheet, box } = this.target() as Target;
      return grid(box, (r, c) => {
        const fill = sheet.get(r, c).fill;
        const out: { color?: string; pattern?: string } = {};
        if (want.color) out.color = fill ?? "#FFFFFF";
        if (want.pattern) out.pattern = fill ? "Solid" : "None";
        return { format: { fill: out } };
      });
    });
  }
}

class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  constructor(range: FakeRange) {
    this.fill = new FakeRangeFill(range);
  }
}

class FakeRangeFill {
  constructor(private readonly range: FakeRange) {}
  set color(color: string) {
    const upper = color.toUpperCase();
    this.range.mutate("fill", size({ fill: color }), (cell) => ({ ...cell, fill: upper }));
  }
  get color(): string {
    throw NOT_LOADED("color");
  }
  clear(): void {
    this.range.mutate("fill", size({ fillClear: true }), (cell) => ({ ...cell, fill: null }));
  }
}

class FakeRangeAreas extends FakeClientObject {
  protected readonly loadable = ["address", "areaCount"] as const;
  constructor(
    context: FakeContext,
    private readonly resolve: () => { sheet: FakeSheet; areas: MergedArea[] } | null
  ) {
    super(context);
  }
  protected exists(): boolean {
    return this.resolve() !== null;
  }
  protected current(prop: string): unknown {
    const { sheet, areas } = this.resolve() as { sheet: FakeSheet; areas: MergedArea[] };
    if (prop === "areaCount") return areas.length;
    return areas
      .map(
        (m) =>
          `${quoteSheet(sheet.name)}!${boxAddress({
            top: m.top,
            left: m.left,
            rows: m.bottom - m.top + 1,
            cols: m.right - m.left + 1,
          })}`
      )
      .join(", ");
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}

function notedCells(sheet: FakeSheet): { row: number; col: number; note: string }[] {
  const out: { row: number; col: number; note: string }[] = [];
  for (const [key, cell] of sheet.cells) {
    if (cell.note === null) continue;
    const [row, col] = key.split(",").map(Number);
    out.push({ row, col, note: cell.note });
  }
  // Excel's order is its own; column-major here so nobody relies on row order.
  return out.sort((a, b) => a.col - b.col || a.row - b.row);
}

class FakeNoteCollection {
  private loadedItems: FakeNote[] | undefined;
  constructor(
    readonly context: FakeContext,
    readonly worksheet: FakeWorksheet
  ) {}
  private requireApi(): void {
    if (!this.context.excel.isSetSupported("ExcelApi", "1.18"))
      throw new FakeOfficeError("ApiNotFound", "worksheet.notes needs ExcelApi 1.18.");
  }
  get items(): FakeNote[] {
    if (!this.loadedItems) throw NOT_LOADED("items");
    return this.loadedItems;
  }
  load(props: string | string[]): this {
    this.requireApi();
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
    if (!list.every((p) => p === "items" || p.startsWith("items/")))
      throw new Error(`fake Excel: notes.load supports items/... only, got ${list.join(",")}`);
    this.context.push({
      requestBytes: size({ load: list }),
      isWrite: false,
      run: () => {
        const sheet = this.worksheet.sheetOrNull();
        const cells = sheet ? notedCells(sheet) : [];
        this.loadedItems = cells.map((n) => {
          const note = new FakeNote(this.context, this.worksheet, toA1(n.row, n.col), false);
          note.preload(n.note);
          return note;
        });
        return size(cells.map((n) => ({ content: n.note })));
      },
    });
    return this;
  }
  getCount(): FakeClientResult<number> {
    this.requireApi();
    return new FakeClientResult(this.context, size({ getCount: true }), () => {
      const sheet = this.worksheet.sheetOrNull();
      return sheet ? notedCells(sheet).length : 0;
    });
  }
  getItemAt(index: number): FakeNote {
    this.requireApi();
    return new FakeNote(
      this.context,
      this.worksheet,
      () => {
        const sheet = this.worksheet.sheetOrNull();
        const n = sheet ? notedCells(sheet)[index] : undefined;
        if (!n) throw new FakeOfficeError("ItemNotFound", `No note at index ${index}.`);
        return toA1(n.row, n.col);
      },
      false
    );
  }
  getItem(address: string): FakeNote {
    this.requireApi();
    return new FakeNote(this.context, this.worksheet, address, false);
  }
  getItemOrNullObject(address: string): FakeNote {
    this.requireApi();
    return new FakeNote(this.context, this.worksheet, address, true);
  }
  add(cell: FakeRange | string, content: string): FakeNote {
    this.requireApi();
    const address = typeof cell === "string" ? cell : undefined;
    this.context.push({
      requestBytes: size({ addNote: address ?? "range", content }),
      isWrite: true,
      run: () => {
        let target: Target;
        if (typeof cell === "string") {
          const sheet = mustSheet(() => this.worksheet.sheetOrNull(), "sheet");
          target = { sheet, box: parseBox(cell) };
        } else target = writable(cell.target(), "note");
        if (target.box.rows !== 1 || target.box.cols !== 1)
          throw new FakeOfficeError("InvalidArgument", "A note needs a single cell.");
        writable(target, "note");
        const current = target.sheet.get(target.box.top, target.box.left);
        if (current.note !== null)
          throw new FakeOfficeError("InvalidArgument", "The cell already has a note.");
        target.sheet.set(target.box.top, target.box.left, { ...current, note: content });
        return 0;
      },
    });
    return new FakeNote(this.context, this.worksheet, address ?? "A1", false);
  }
}

class FakeNote extends FakeClientObject {
  protected readonly loadable = ["content"] as const;
  private readonly resolveAddress: () => string;
  constructor(
    context: FakeContext,
    readonly worksheet: FakeWorksheet,
    address: string | (() => string),
    readonly nullable: boolean
  ) {
    super(context);
    this.resolveAddress = typeof address === "string" ? () => address : address;
  }
  get address(): string {
    return this.resolveAddress();
  }
  preload(content: string): void {
    this.loaded.set("content", content);
  }
  private locate(): { sheet: FakeSheet; row: number; col: number } | null {
    const sheet = this.worksheet.sheetOrNull();
    if (!sheet) return null;
    const { row, col } = fromA1(this.address);
    if (sheet.get(row, col).note === null) {
      if (this.nullable) return null;
      throw new FakeOfficeError("ItemNotFound", `No note at ${this.address}.`);
    }
    return { sheet, row, col };
  }
  protected exists(): boolean {
    return this.locate() !== null;
  }
  protected current(): unknown {
    const at = this.locate() as { sheet: FakeSheet; row: number; col: number };
    return at.sheet.get(at.row, at.col).note;
  }
  get content(): string {
    return this.read("content");
  }
  set content(text: string) {
    this.context.push({
      requestBytes: size({ note: this.address, text }),
      isWrite: true,
      run: () => {
        const at = this.locate();
        if (!at) return 0;
        writable({ sheet: at.sheet, box: { top: at.row, left: at.col, rows: 1, cols: 1 } }, "note");
        at.sheet.set(at.row, at.col, { ...at.sheet.get(at.row, at.col), note: text });
        return 0;
      },
    });
  }
  delete(): void {
    this.context.push({
      requestBytes: size({ deleteNote: this.address }),
      isWrite: true,
      run: () => {
        const at = this.locate();
        if (!at) return 0;
        writable({ sheet: at.sheet, box: { top: at.row, left: at.col, rows: 1, cols: 1 } }, "note");
        at.sheet.set(at.row, at.col, { ...at.sheet.get(at.row, at.col), note: null });
        return 0;
      },
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const at = this.locate();
        return at
          ? { sheet: at.sheet, box: { top: at.row, left: at.col, rows: 1, cols: 1 } }
          : null;
      },
      this.nullable
    );
  }
}

/** Column letters for tests that build addresses. */
export { columnLetters };
