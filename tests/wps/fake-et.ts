/**
 * An in-memory WPS 表格 (ET) object model, written from WPS's published JS API reference (which
 * mirrors Excel VBA), for the WPS host's tests. Where this product depends on it, it behaves as
 * documented:
 *
 * - Rows and columns are 1-based: `Cells.Item(row, col)`, `Range.Row`, `Range.Column`.
 * - `Value2` and `Formula` of a multi-cell range are 2-D arrays (rows of cells); of one cell, a
 *   scalar. An empty cell's Value2 is undefined; `Formula` gives "=…" or the constant as text.
 * - A property of a multi-cell range whose cells differ reads as null (`NumberFormat`,
 *   `MergeCells`, `Interior.Color`, `Interior.ColorIndex`).
 * - `Interior.Color` is BGR (red = 0x0000FF); no fill reads as ColorIndex xlNone (-4142) with Color
 *   white; setting ColorIndex = xlNone clears the fill.
 * - Strings written to `Value2`/`Formula` are parsed like typed input ("50%" → 0.5, "12" → 12,
 *   "=A1" → a formula, "TRUE" → true) unless they start with an apostrophe or the cell is Text (@).
 * - `MergeArea` of a cell is its merged area, or the cell itself.
 * - Notes are `Comment` objects: `AddComment(text)` fails on a cell that already has one,
 *   `ClearComments()` removes them, `Comment.Text()` reads, `Comment.Parent.Address()` locates.
 * - Every write to a sheet whose contents are protected throws, as ET refuses to change a locked
 *   cell; `Worksheets.Add` activates the new sheet.
 *
 * Formulas are not calculated: a formula keeps the cached value it was given.
 */
import type { CellValue, MergedArea } from "../../src/domain/grid";
import { fromA1, toA1 } from "../../src/domain/grid";
import { formatNumber } from "../../src/domain/format";
import type {
  EtApplication,
  EtComment,
  EtComments,
  EtInterior,
  EtRange,
  EtSheets,
  EtWorkbook,
  EtWorksheet,
} from "../../src/hosts/wps/et-types";
import type { SheetSpec } from "../fixtures/sheet-spec";
import { parseRange, specCell } from "../fixtures/sheet-spec";

export const XL_NONE = -4142;
const WHITE_BGR = 0xffffff;

export interface FakeEtCell {
  value: CellValue;
  /** Without the leading "=". */
  formula?: string;
  numberFormat: string;
  /** "#RRGGBB" or null. */
  fill: string | null;
  note: string | null;
}

const EMPTY: FakeEtCell = Object.freeze({
  value: null,
  numberFormat: "General",
  fill: null,
  note: null,
}) as FakeEtCell;

interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export class FakeEtProtectedError extends Error {
  constructor(sheet: string) {
    super(`您试图更改的单元格或图表受保护（${sheet}）`);
  }
}

function parseBox(address: string): Box {
  const r = parseRange(address.replace(/\$/g, ""));
  return {
    top: r.top + 1,
    left: r.left + 1,
    rows: r.bottom - r.top + 1,
    cols: r.right - r.left + 1,
  };
}

function bgr(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return ((n >> 16) & 0xff) | (n & 0xff00) | ((n & 0xff) << 16);
}

function hex(color: number): string {
  const r = color & 0xff;
  const g = (color >> 8) & 0xff;
  const b = (color >> 16) & 0xff;
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

function render(cell: FakeEtCell): string {
  if (cell.value === null) return "";
  if (typeof cell.value === "number") return formatNumber(cell.value, cell.numberFormat);
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return cell.value;
}

/** What ET makes of a value written into a cell. */
function parseInput(input: unknown, cell: FakeEtCell): Partial<FakeEtCell> & { value: CellValue } {
  if (input === undefined || input === null || input === "") return { value: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = String(input);
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
    return numberFormat
      ? { value: Number(pct[1]) / 100, numberFormat }
      : { value: Number(pct[1]) / 100 };
  }
  if (/^(true|false)$/i.test(text)) return { value: /^true$/i.test(text) };
  return { value: text };
}

export class FakeEtSheet implements EtWorksheet {
  Visible = -1;
  ProtectContents = false;
  readonly cells = new Map<string, FakeEtCell>();
  /** 0-based, bounds inclusive. */
  merges: MergedArea[] = [];
  /** A formula's cached value, kept when the formula is overwritten, so writing it back restores it. */
  readonly formulaCache = new Map<string, CellValue>();

  constructor(
    readonly app: FakeEt,
    public Name: string
  ) {}

  get(row: number, col: number): FakeEtCell {
    return this.cells.get(`${row},${col}`) ?? EMPTY;
  }

  set(row: number, col: number, cell: FakeEtCell): void {
    const empty =
      cell.value === null &&
      !cell.formula &&
      cell.numberFormat === "General" &&
      !cell.fill &&
      !cell.note;
    if (empty) this.cells.delete(`${row},${col}`);
    else this.cells.set(`${row},${col}`, { ...cell });
  }

  update(row: number, col: number, change: Partial<FakeEtCell>): void {
    if (this.ProtectContents) throw new FakeEtProtectedError(this.Name);
    this.app.writes++;
    const next: FakeEtCell = { ...this.get(row, col), ...change };
    if ("formula" in change && change.formula === undefined) delete next.formula;
    this.set(row, col, next);
  }

  get UsedRange(): EtRange {
    this.app.calls++;
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const grow = (r: number, c: number) => {
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    };
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(",").map(Number);
      grow(r, c);
    }
    for (const m of this.merges) {
      grow(m.top + 1, m.left + 1);
      grow(m.bottom + 1, m.right + 1);
    }
    if (bottom < 0) return new FakeEtRange(this, { top: 1, left: 1, rows: 1, cols: 1 });
    return new FakeEtRange(this, { top, left, rows: bottom - top + 1, cols: right - left + 1 });
  }

  get Cells() {
    return {
      Item: (row: number, col: number): EtRange => {
        this.app.calls++;
        if (row < 1 || col < 1) throw new Error(`Cells.Item is 1-based: (${row}, ${col})`);
        return new FakeEtRange(this, { top: row, left: col, rows: 1, cols: 1 });
      },
    };
  }

  get Comments(): EtComments {
    this.app.calls++;
    const noted = [...this.cells.entries()]
      .filter(([, cell]) => cell.note !== null)
      .map(([key]) => key.split(",").map(Number))
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return {
      Count: noted.length,
      Item: (index: number) => {
        const at = noted[index - 1];
        if (!at) throw new Error(`Comments.Item(${index}): no such comment`);
        return new FakeEtComment(
          new FakeEtRange(this, { top: at[0], left: at[1], rows: 1, cols: 1 })
        );
      },
    };
  }

  Range(address: string): EtRange {
    this.app.calls++;
    return new FakeEtRange(this, parseBox(address));
  }

  Activate(): void {
    this.app.activeSheet = this;
  }

  mergeAt(row: number, col: number): MergedArea | undefined {
    return this.merges.find(
      (m) => row - 1 >= m.top && row - 1 <= m.bottom && col - 1 >= m.left && col - 1 <= m.right
    );
  }
}

class FakeEtComment implements EtComment {
  constructor(readonly Parent: FakeEtRange) {}

  Text(text?: string): string {
    const { sheet, box } = this.Parent;
    if (text !== undefined) sheet.update(box.top, box.left, { note: text });
    return sheet.get(box.top, box.left).note ?? "";
  }

  Delete(): void {
    this.Parent.ClearComments();
  }
}

export class FakeEtRange implements EtRange {
  constructor(
    readonly sheet: FakeEtSheet,
    readonly box: Box
  ) {}

  get Row(): number {
    return this.box.top;
  }
  get Column(): number {
    return this.box.left;
  }
  get Rows() {
    return { Count: this.box.rows };
  }
  get Columns() {
    return { Count: this.box.cols };
  }

  private each<T>(f: (cell: FakeEtCell, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.box.rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.box.cols; c++) {
        const row = this.box.top + r;
        const col = this.box.left + c;
        line.push(f(this.sheet.get(row, col), row, col));
      }
      out.push(line);
    }
    return out;
  }

  private shape<T>(grid: T[][]): T | T[][] {
    return this.box.rows === 1 && this.box.cols === 1 ? grid[0][0] : grid;
  }

  /** One answer for the whole range, or null when its cells differ. */
  private uniform<T>(f: (cell: FakeEtCell, row: number, col: number) => T): T | null {
    const all = this.each(f).flat();
    return all.every((v) => v === all[0]) ? all[0] : null;
  }

  private assign(input: unknown): void {
    const grid = Array.isArray(input) ? (input as unknown[][]) : undefined;
    this.each((cell, row, col) => {
      const raw = grid ? grid[row - this.box.top]?.[col - this.box.left] : input;
      const parsed = parseInput(raw, cell);
      const key = `${row},${col}`;
      if (cell.formula !== undefined)
        this.sheet.formulaCache.set(`${key}=${cell.formula}`, cell.value);
      const change: Partial<FakeEtCell> = { ...parsed, formula: parsed.formula };
      if (parsed.formula !== undefined)
        change.value = this.sheet.formulaCache.get(`${key}=${parsed.formula}`) ?? null;
      this.sheet.update(row, col, change);
    });
  }

  get Value2(): unknown {
    this.sheet.app.calls++;
    return this.shape(this.each((cell) => (cell.value === null ? undefined : cell.value)));
  }
  set Value2(input: unknown) {
    this.sheet.app.calls++;
    this.assign(input);
  }

  get Formula(): unknown {
    this.sheet.app.calls++;
    return this.shape(
      this.each((cell) => (cell.formula !== undefined ? `=${cell.formula}` : render(cell)))
    );
  }
  set Formula(input: unknown) {
    this.sheet.app.calls++;
    this.assign(input);
  }

  get Text(): unknown {
    this.sheet.app.calls++;
    return this.uniform((cell) => render(cell));
  }

  get NumberFormat(): string | null {
    this.sheet.app.calls++;
    return this.uniform((cell) => cell.numberFormat);
  }
  set NumberFormat(format: string | null) {
    this.sheet.app.calls++;
    this.each((_cell, row, col) =>
      this.sheet.update(row, col, { numberFormat: format ?? "General" })
    );
  }

  get MergeCells(): boolean | null {
    this.sheet.app.calls++;
    return this.uniform((_cell, row, col) => this.sheet.mergeAt(row, col) !== undefined);
  }

  get MergeArea(): EtRange {
    this.sheet.app.calls++;
    const m = this.sheet.mergeAt(this.box.top, this.box.left);
    if (!m) return new FakeEtRange(this.sheet, { ...this.box, rows: 1, cols: 1 });
    return new FakeEtRange(this.sheet, {
      top: m.top + 1,
      left: m.left + 1,
      rows: m.bottom - m.top + 1,
      cols: m.right - m.left + 1,
    });
  }

  get Interior(): EtInterior {
    this.sheet.app.calls++;
    const range = this;
    return {
      get Color() {
        return range.uniform((cell) => (cell.fill ? bgr(cell.fill) : WHITE_BGR));
      },
      set Color(color: number | null) {
        if (color === null) return;
        range.each((_cell, row, col) => range.sheet.update(row, col, { fill: hex(color) }));
      },
      get ColorIndex() {
        // A filled cell reports some palette index; only "none" matters here.
        return range.uniform((cell) => (cell.fill ? 1 : XL_NONE));
      },
      set ColorIndex(index: number | null) {
        if (index !== XL_NONE) throw new Error("this fake only clears fills through ColorIndex");
        range.each((_cell, row, col) => range.sheet.update(row, col, { fill: null }));
      },
    };
  }

  get Comment(): EtComment | null {
    this.sheet.app.calls++;
    const note = this.sheet.get(this.box.top, this.box.left).note;
    return note === null
      ? null
      : new FakeEtComment(new FakeEtRange(this.sheet, { ...this.box, rows: 1, cols: 1 }));
  }

  AddComment(text?: string): EtComment {
    this.sheet.app.calls++;
    const cell = this.sheet.get(this.box.top, this.box.left);
    if (cell.note !== null) throw new Error("AddComment: the cell already has a comment");
    this.sheet.update(this.box.top, this.box.left, { note: text ?? "" });
    return new FakeEtComment(new FakeEtRange(this.sheet, { ...this.box, rows: 1, cols: 1 }));
  }

  ClearComments(): void {
    this.sheet.app.calls++;
    this.each((cell, row, col) => {
      if (cell.note !== null) this.sheet.update(row, col, { note: null });
    });
  }

  ClearContents(): void {
    this.sheet.app.calls++;
    this.each((_cell, row, col) =>
      this.sheet.update(row, col, { value: null, formula: undefined })
    );
  }

  Address(): string {
    const a = `$${toA1(this.box.top - 1, this.box.left - 1).replace(/(\d+)$/, "$$$1")}`;
    if (this.box.rows === 1 && this.box.cols === 1) return a;
    const b = toA1(this.box.top + this.box.rows - 2, this.box.left + this.box.cols - 2);
    return `${a}:$${b.replace(/(\d+)$/, "$$$1")}`;
  }

  Select(): void {
    this.sheet.app.activeSheet = this.sheet;
    this.sheet.app.selection = `${this.sheet.Name}!${this.Address()}`;
  }
}

class FakeEtSheets implements EtSheets {
  constructor(readonly app: FakeEt) {}

  get Count(): number {
    return this.app.sheets.length;
  }

  Item(index: number | string): EtWorksheet {
    const sheet =
      typeof index === "number"
        ? this.app.sheets[index - 1]
        : this.app.sheets.find((s) => s.Name === index);
    if (!sheet) throw new Error(`Worksheets.Item(${index}): 下标越界`);
    return sheet;
  }

  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet {
    if (this.app.structureProtected) throw new Error("工作簿结构受保护，不能添加工作表");
    const sheet = new FakeEtSheet(this.app, `Sheet${this.app.sheets.length + 1}`);
    const anchor = (after ?? before) as FakeEtSheet | undefined;
    const at = anchor ? this.app.sheets.indexOf(anchor) + (after ? 1 : 0) : 0;
    this.app.sheets.splice(at, 0, sheet);
    this.app.activeSheet = sheet;
    return sheet;
  }
}

export class FakeEt implements EtApplication {
  readonly sheets: FakeEtSheet[] = [];
  activeSheet: FakeEtSheet | null = null;
  selection = "";
  ScreenUpdating = true;
  structureProtected = false;
  /** Object-model calls and cell writes, to show what a recompute costs. */
  calls = 0;
  writes = 0;
  private readonly book: EtWorkbook = { Worksheets: new FakeEtSheets(this) };

  get ActiveWorkbook(): EtWorkbook | null {
    return this.sheets.length > 0 ? this.book : null;
  }

  get ActiveSheet(): EtWorksheet | null {
    return this.activeSheet;
  }

  /** A workbook holding one sheet described by a SheetSpec, active. */
  static fromSpec(spec: SheetSpec): FakeEt {
    const et = new FakeEt();
    et.addSpec(spec);
    return et;
  }

  addSpec(spec: SheetSpec): FakeEtSheet {
    const sheet = this.addSheet(spec.name);
    spec.rows.forEach((line, r) =>
      line.forEach((raw, c) => {
        if (raw === null || raw === undefined) return;
        const cell = specCell(raw);
        const stored: FakeEtCell = {
          // A cell cannot hold an empty string: typing "" leaves it empty.
          value: cell.value === "" ? null : cell.value,
          numberFormat: cell.numberFormat,
          fill: cell.fill ? cell.fill.toUpperCase() : null,
          note: cell.note ?? null,
        };
        if (cell.formula) stored.formula = cell.formula;
        sheet.set(r + 1, c + 1, stored);
      })
    );
    sheet.merges = (spec.merges ?? []).map(parseRange);
    sheet.ProtectContents = spec.protected ?? false;
    return sheet;
  }

  addSheet(name: string): FakeEtSheet {
    const sheet = new FakeEtSheet(this, name);
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  sheet(name: string): FakeEtSheet {
    const s = this.sheets.find((x) => x.Name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheet: string, address: string): FakeEtCell {
    const { row, col } = fromA1(address);
    return { ...this.sheet(sheet).get(row + 1, col + 1) };
  }

  /** A deep copy of every stored cell of a sheet, keyed by A1 address. */
  dump(sheet: string): Record<string, FakeEtCell> {
    const out: Record<string, FakeEtCell> = {};
    for (const [key, cell] of this.sheet(sheet).cells) {
      const [r, c] = key.split(",").map(Number);
      out[toA1(r - 1, c - 1)] = { ...cell };
    }
    return out;
  }
}
