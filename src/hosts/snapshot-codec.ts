/**
 * How snapshots live inside a workbook, shared by the Excel and the .xlsx host so either can revert
 * what the other wrote. They sit on a very hidden sheet named `_selfeval` as a plain table:
 *
 *   row 1:  selfeval-snapshot | 1 | (format version)
 *   then:   sheet name        | part index (0-based) | "~" + a slice of the JSON envelope
 *
 * A cell holds at most 32,767 characters, so the JSON is sliced into parts. Each part starts with
 * "~" so that no host ever reads a slice as a number, date, boolean or formula (a slice may begin
 * with "=", "-" or a digit). Pure: no host, no I/O.
 */
import type { CellState, SheetSnapshot } from "../domain/grid";

export const SNAPSHOT_SHEET_NAME = "_selfeval";
export const SNAPSHOT_MARKER = "selfeval-snapshot";
export const SNAPSHOT_FORMAT_VERSION = 1;
/** Characters of JSON per cell: below Excel's 32,767 limit with room for the prefix. */
export const SNAPSHOT_PART_CHARS = 30000;
const PART_PREFIX = "~";
const ADDRESS = /^[A-Z]{1,3}[1-9]\d*$/;

export type SnapshotTableCell = string | number;
export type SnapshotTable = SnapshotTableCell[][];

/** A snapshot as stored, with what the host that wrote it could vouch for. */
export interface StoredSnapshot {
  snapshot: SheetSnapshot;
  /**
   * False when a host that cannot read notes wrote it: the recorded notes are then unknown, and
   * revert must leave notes alone rather than "restore" a note that was never read.
   */
  notesTracked: boolean;
}

interface Envelope {
  v: number;
  sheetName: string;
  notesTracked: boolean;
  cells: Record<string, CellState>;
  /**
   * What our last write left per cell, as the parts that differ from the cell's original (formula
   * null: none), so the table grows by little more than the changes. Added within format 1: older
   * readers ignore it.
   */
  written?: Record<string, WrittenDiff | CellState>;
}

type WrittenDiff = Partial<Omit<CellState, "formula">> & { formula?: string | null };
const STATE_KEYS = new Set(["value", "numberFormat", "formula", "fill", "note"]);

function writtenDiff(original: CellState | undefined, written: CellState): WrittenDiff | CellState {
  if (!original) return written;
  const diff: WrittenDiff = {};
  if (written.value !== original.value) diff.value = written.value;
  if (written.numberFormat !== original.numberFormat) diff.numberFormat = written.numberFormat;
  if ((written.formula ?? null) !== (original.formula ?? null))
    diff.formula = written.formula ?? null;
  if (written.fill !== original.fill) diff.fill = written.fill;
  if (written.note !== original.note) diff.note = written.note;
  return diff;
}

function encodeWritten(snapshot: SheetSnapshot): Record<string, WrittenDiff | CellState> {
  const out: Record<string, WrittenDiff | CellState> = {};
  for (const [address, state] of Object.entries(snapshot.written ?? {}))
    out[address] = writtenDiff(snapshot.cells[address], state);
  return out;
}

function encodeEnvelope(stored: StoredSnapshot): string {
  const envelope: Envelope = {
    v: SNAPSHOT_FORMAT_VERSION,
    sheetName: stored.snapshot.sheetName,
    notesTracked: stored.notesTracked,
    cells: stored.snapshot.cells,
  };
  if (stored.snapshot.written) envelope.written = encodeWritten(stored.snapshot);
  return JSON.stringify(envelope);
}

function isCellState(x: unknown): x is CellState {
  if (typeof x !== "object" || x === null) return false;
  const s = x as Record<string, unknown>;
  const v = s.value;
  const valueOk = v === null || ["string", "number", "boolean"].includes(typeof v);
  return (
    valueOk &&
    typeof s.numberFormat === "string" &&
    (s.formula === undefined || typeof s.formula === "string") &&
    (s.fill === null || typeof s.fill === "string") &&
    (s.note === null || typeof s.note === "string")
  );
}

function decodeEnvelope(json: string): StoredSnapshot | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const e = parsed as Partial<Envelope>;
  if (e.v !== SNAPSHOT_FORMAT_VERSION || typeof e.sheetName !== "string") return undefined;
  const cells = decodeStates(e.cells);
  if (!cells) return undefined;
  const snapshot: SheetSnapshot = { sheetName: e.sheetName, cells };
  // A damaged record of our writes costs only the user's later edits, not the snapshot: without it
  // the recorded originals stand, as for a snapshot stored before the field existed.
  const written = decodeWritten(cells, e.written);
  if (written) snapshot.written = written;
  return { snapshot, notesTracked: e.notesTracked !== false };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function decodeWritten(
  cells: Record<string, CellState>,
  x: unknown
): Record<string, CellState> | undefined {
  if (!isRecord(x)) return undefined;
  const states: Record<string, CellState> = {};
  for (const [address, diff] of Object.entries(x)) {
    if (!ADDRESS.test(address) || !isRecord(diff)) return undefined;
    const state: Record<string, unknown> = { ...cells[address] };
    for (const [key, part] of Object.entries(diff)) {
      if (!STATE_KEYS.has(key)) return undefined;
      state[key] = part;
    }
    if (state.formula === null) delete state.formula;
    if (!isCellState(state)) return undefined;
    states[address] = state;
  }
  return states;
}

function decodeStates(x: unknown): Record<string, CellState> | undefined {
  if (!isRecord(x)) return undefined;
  const states: Record<string, CellState> = {};
  for (const [address, state] of Object.entries(x)) {
    if (!ADDRESS.test(address) || !isCellState(state)) return undefined;
    states[address] = state;
  }
  return states;
}

/** Every stored snapshot in a table read from the `_selfeval` sheet, keyed by sheet name. */
export function decodeSnapshotTable(
  rows: readonly (readonly unknown[])[]
): Map<string, StoredSnapshot> {
  const out = new Map<string, StoredSnapshot>();
  if (rows.length === 0 || rows[0][0] !== SNAPSHOT_MARKER) return out;
  const parts = new Map<string, string[]>();
  for (const row of rows.slice(1)) {
    const [sheet, index, text] = row;
    if (typeof sheet !== "string" || sheet === "" || typeof text !== "string") continue;
    const i = typeof index === "number" ? index : Number(index);
    if (!Number.isInteger(i) || i < 0 || !text.startsWith(PART_PREFIX)) continue;
    const list = parts.get(sheet) ?? [];
    list[i] = text.slice(PART_PREFIX.length);
    parts.set(sheet, list);
  }
  for (const [sheet, list] of parts) {
    // A missing part means the table was damaged: better no snapshot than a wrong revert.
    // (Array.prototype.some skips holes, so look at every index.)
    if (list.length === 0 || Array.from(list).some((p) => p === undefined)) continue;
    const stored = decodeEnvelope(list.join(""));
    if (stored) out.set(sheet, stored);
  }
  return out;
}

/** The whole table for a set of snapshots: marker row first, sheets in name order. */
export function encodeSnapshotTable(snapshots: ReadonlyMap<string, StoredSnapshot>): SnapshotTable {
  const rows: SnapshotTable = [[SNAPSHOT_MARKER, SNAPSHOT_FORMAT_VERSION, ""]];
  const names = [...snapshots.keys()].sort();
  for (const sheet of names) {
    const stored = snapshots.get(sheet);
    if (!stored || Object.keys(stored.snapshot.cells).length === 0) continue;
    const json = encodeEnvelope(stored);
    for (let i = 0, part = 0; i < json.length; i += SNAPSHOT_PART_CHARS, part++) {
      rows.push([sheet, part, PART_PREFIX + json.slice(i, i + SNAPSHOT_PART_CHARS)]);
    }
  }
  return rows;
}

/** The table after replacing (or, with undefined, dropping) one sheet's snapshot. */
export function withSnapshot(
  snapshots: ReadonlyMap<string, StoredSnapshot>,
  sheetName: string,
  stored: StoredSnapshot | undefined
): Map<string, StoredSnapshot> {
  const next = new Map(snapshots);
  if (stored && Object.keys(stored.snapshot.cells).length > 0) next.set(sheetName, stored);
  else next.delete(sheetName);
  return next;
}
