/**
 * A worksheet part read as the engine sees it: the dense grid of the used range (values, displayed
 * text, number formats, fills, notes, formulas — shared ones spelled out per cell — and merges),
 * and the state of single cells for the snapshot. One pass over the sheet's `<c>` elements; the
 * hot loop allocates one object per cell and nothing per attribute.
 */
import type { Cell, CellState, MergedArea } from "../../domain/grid";
import { fromA1 } from "../../domain/grid";
import { HostError } from "../workbook-port";
import { parseCell, readValue, shiftFormula, type ParsedCell, type ReadContext } from "./cell-xml";
import type { SheetNotes } from "./notes";
import type { Styles } from "./styles";
import type { Worksheet } from "./worksheet";
import { attribute } from "./xml";

/** Reading more cells than this is refused rather than exhausting memory. */
export const MAX_GRID_CELLS = 4_000_000;

type Masters = Map<string, { row: number; col: number; text: string }>;

export interface GridCells {
  originRow: number;
  originCol: number;
  cells: Cell[][];
  merges: MergedArea[];
}

function emptyCell(): Cell {
  return { value: null, text: "", numberFormat: "General", fill: null, note: null };
}

function isMergeSlave(merges: MergedArea[], row: number, col: number): boolean {
  return merges.some(
    (m) =>
      row >= m.top &&
      row <= m.bottom &&
      col >= m.left &&
      col <= m.right &&
      (row !== m.top || col !== m.left)
  );
}

export class SheetReader {
  /** How cell values are read in this workbook: one object, made once, reused by the hot loop. */
  readonly context: ReadContext;

  constructor(
    private readonly styles: Styles,
    sharedStrings: string[],
    date1904: boolean
  ) {
    this.context = {
      sharedString: (i) => sharedStrings[i] ?? "",
      numberFormat: (s) => {
        const x = styles.info(s);
        return { code: x.numberFormat, id: x.numFmtId };
      },
      date1904,
    };
  }

  /** Shared formulas' master cells, by their `si`. */
  private masters(cells: readonly { xml: string; row: number; col: number }[]): Masters {
    const out: Masters = new Map();
    for (const c of cells) {
      if (!c.xml.includes('t="shared"')) continue;
      const f = parseCell(c.xml).f;
      const si = f ? attribute(f.tag, "si") : undefined;
      if (f && si !== undefined && f.text && attribute(f.tag, "ref") !== undefined)
        out.set(si, { row: c.row, col: c.col, text: f.text });
    }
    return out;
  }

  private cellOf(parsed: ParsedCell, row: number, col: number, masters: Masters): Cell {
    const info = this.styles.info(parsed.s);
    const { value, text } = readValue(parsed, this.context);
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

  /** The used range (cells with a value or a note, and merged areas) as a dense grid. */
  grid(sheetName: string, ws: Worksheet, notes: SheetNotes): GridCells {
    const merges = ws.merges();
    const xmlCells = ws.allCells();
    const masters = this.masters(xmlCells);
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
    const noted = [...notes.all()].map(([address, note]) => ({
      ...fromA1(address),
      text: note.text,
    }));
    for (const n of noted) extend(n.row, n.col);
    for (const m of merges) {
      extend(m.top, m.left);
      extend(m.bottom, m.right);
    }
    if (bottom < 0) return { originRow: 0, originCol: 0, cells: [], merges };
    if ((bottom - top + 1) * (right - left + 1) > MAX_GRID_CELLS) {
      throw new HostError(
        "TOO_LARGE",
        `sheet ${sheetName}: the used range ${bottom - top + 1} × ${right - left + 1} is too large`
      );
    }
    const cells: Cell[][] = [];
    for (let r = top; r <= bottom; r++) {
      const line = new Array<Cell>(right - left + 1);
      for (let c = 0; c < line.length; c++) line[c] = emptyCell();
      cells.push(line);
    }
    for (const { row, col, cell } of read) {
      if (row >= top && row <= bottom && col >= left && col <= right)
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
    for (const n of noted) cells[n.row - top][n.col - left].note = n.text;
    return { originRow: top, originCol: left, cells, merges };
  }

  /** One cell in the snapshot's terms. */
  state(ws: Worksheet, notes: SheetNotes, address: string): CellState {
    return this.stateOf(ws, ws.cell(address)?.xml, address, notes.get(address)?.text ?? null);
  }

  /**
   * A cell in the snapshot's terms from its `<c>` element (undefined or null: none) and note text.
   * `ws` supplies merges and, for a shared formula, its master.
   */
  stateOf(
    ws: Worksheet,
    xml: string | null | undefined,
    address: string,
    note: string | null
  ): CellState {
    if (!xml) return { value: null, numberFormat: "General", fill: null, note };
    const { row, col } = fromA1(address);
    const masters = xml.includes('t="shared"') ? this.masters(ws.allCells()) : new Map();
    const cell = this.cellOf(parseCell(xml), row, col, masters);
    const slave = isMergeSlave(ws.merges(), row, col);
    const state: CellState = {
      value: slave ? null : cell.value,
      numberFormat: cell.numberFormat,
      fill: cell.fill ?? null,
      note,
    };
    if (cell.formula !== undefined && !slave) state.formula = cell.formula;
    return state;
  }
}
