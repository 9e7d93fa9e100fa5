/**
 * What one owned cell's `<c>` element (and note) becomes so that it shows a target state. Aspects
 * the target shares with the recorded original come back from the record exactly — the original
 * element, its style index, the user's own note element; the others are written anew: a value
 * keeps number vs text, a fill or number format becomes a style derived from the cell's own.
 */
import type { CellState } from "../../domain/grid";
import { toA1 } from "../../domain/grid";
import { buildCell, parseCell, restyleCell, shiftFormula } from "./cell-xml";
import type { SheetNotes } from "./notes";
import type { XmlRecord } from "./package-store";
import type { SheetReader } from "./sheet-reader";
import type { Styles } from "./styles";
import type { Worksheet } from "./worksheet";
import { attribute, escapeText } from "./xml";

export function sameValue(a: CellState, b: CellState): boolean {
  return a.value === b.value && (a.formula ?? null) === (b.formula ?? null);
}

export interface CellTarget {
  address: string;
  state: CellState;
  original: CellState | undefined;
  record: XmlRecord | undefined;
  /** False when the original note was never read (another host wrote the snapshot). */
  notesTracked: boolean;
  /** What the cell shows now, when the caller has read it already. */
  current?: CellState;
}

export interface CellChange {
  /** The new element; undefined when unchanged, null for no element at all. */
  cell: string | null | undefined;
  valueChanged: boolean;
}

export class CellWriter {
  /** Copies of shared formulas whose master we overwrote: address → the copy with its own formula. */
  readonly detached = new Map<string, string>();

  constructor(
    private readonly ws: Worksheet,
    private readonly notes: SheetNotes,
    private readonly styles: Styles,
    private readonly reader: SheetReader
  ) {}

  private styleOnly(address: string, s: number, xml: string | null): string | null {
    if (xml) return restyleCell(xml, s);
    return s ? `<${this.ws.prefix}c r="${address}" s="${s}"/>` : null;
  }

  /** The change for one cell; its note change is queued on the sheet's notes. */
  change(target: CellTarget): CellChange {
    const { address, state, original, record, notesTracked } = target;
    const styles = this.styles;
    const current = target.current ?? this.reader.state(this.ws, this.notes, address);
    const currentXml = this.ws.cell(address)?.xml ?? null;
    const currentS = currentXml ? parseCell(currentXml).s : 0;
    const recordS = record?.cell ? parseCell(record.cell).s : 0;

    const restoringValue =
      record !== undefined && original !== undefined && sameValue(state, original);
    const restoringFill = record !== undefined && state.fill === original?.fill;
    const restoringFormat = record !== undefined && state.numberFormat === original?.numberFormat;

    this.changeNote(address, state, original, record, notesTracked, current);

    if (
      restoringValue &&
      restoringFill &&
      restoringFormat &&
      record.fillId === undefined &&
      record.numFmtId === undefined
    ) {
      const changed = record.cell !== currentXml;
      return {
        cell: changed ? record.cell : undefined,
        valueChanged: changed && !sameValue(current, state),
      };
    }

    const ids: { fillId?: number; numFmtId?: number } = {};
    if (restoringFill) ids.fillId = record.fillId ?? styles.fillIdOf(recordS);
    else if (state.fill !== current.fill)
      ids.fillId = state.fill ? styles.solidFillId(state.fill) : 0;
    if (restoringFormat) ids.numFmtId = record.numFmtId ?? styles.numFmtIdOf(recordS);
    else if (state.numberFormat !== current.numberFormat)
      ids.numFmtId = styles.numFmtId(state.numberFormat);
    if (ids.fillId === styles.fillIdOf(currentS)) delete ids.fillId;
    if (ids.numFmtId === styles.numFmtIdOf(currentS)) delete ids.numFmtId;
    const s = Object.keys(ids).length > 0 ? styles.derive(currentS, ids) : currentS;

    let cell: string | null;
    let valueChanged = false;
    if (restoringValue) {
      cell = this.styleOnly(address, s, record.cell);
      valueChanged = !sameValue(current, state);
    } else if (!sameValue(state, current)) {
      this.detachSharedCopies(address);
      cell = buildCell(address, state.value, state.formula, s, this.ws.prefix);
      valueChanged = true;
    } else {
      cell = this.styleOnly(address, s, currentXml);
    }
    return { cell: cell === currentXml ? undefined : cell, valueChanged };
  }

  private changeNote(
    address: string,
    state: CellState,
    original: CellState | undefined,
    record: XmlRecord | undefined,
    notesTracked: boolean,
    current: CellState
  ): void {
    const noteIsOriginal = state.note === original?.note;
    if (record !== undefined && noteIsOriginal) {
      const now = this.notes.get(address)?.xml ?? null;
      if (now !== record.note) this.notes.set(address, state.note, record.note);
    } else if (noteIsOriginal && !notesTracked) {
      // The original note was never read: leave whatever note the cell has.
    } else if (state.note !== current.note) {
      this.notes.set(address, state.note);
    }
  }

  /**
   * Before a shared formula's master cell is overwritten, its copies get their own formula: a copy
   * whose master is gone is an error in Excel. Same formulas, only spelled out per cell.
   */
  private detachSharedCopies(address: string): void {
    const found = this.ws.cell(address);
    if (!found || !found.xml.includes('t="shared"')) return;
    const f = parseCell(found.xml).f;
    const si = f ? attribute(f.tag, "si") : undefined;
    if (!f || si === undefined || attribute(f.tag, "ref") === undefined) return;
    for (const c of this.ws.allCells()) {
      if (c === found || !c.xml.includes('t="shared"')) continue;
      const cf = parseCell(c.xml).f;
      if (!cf || attribute(cf.tag, "si") !== si || cf.text) continue;
      const text = shiftFormula(f.text, c.row - found.row, c.col - found.col);
      const el = /<((?:[\w.-]+:)?f)(?=[\s/>])[^>]*?(\/>|>[\s\S]*?<\/\1>)/.exec(c.xml);
      if (!el) continue;
      const own = `<${el[1]}>${escapeText(text)}</${el[1]}>`;
      const copy = c.xml.slice(0, el.index) + own + c.xml.slice(el.index + el[0].length);
      this.detached.set(toA1(c.row, c.col), copy);
    }
  }
}
