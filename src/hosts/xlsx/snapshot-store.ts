/* global structuredClone */
/**
 * The snapshot of what we overwrote lives in the workbook itself, in the veryHidden `_selfeval`
 * sheet, in the table format of src/hosts/snapshot-codec.ts that the Excel host shares, so re-running
 * and revert work on the scored file alone, whichever host wrote it.
 *
 * Besides the engine's SheetSnapshot, this host keeps each touched cell's raw ExcelJS value, style
 * and note, so a restore is exact (theme colours, pattern fills, rich notes, shared formulas) and not
 * just "#RRGGBB"-exact. Those records sit in extra rows of the same table under the key
 * `xlsx-raw:<sheet>`; the shared codec does not recognise them as snapshots and skips them, and a
 * host that rewrites the table without them simply leaves this host to restore from the snapshot.
 *
 * Cells of one form share a handful of styles, so each distinct style is stored once and the records
 * point at it by index (`{"styles":[…],"xlsxRawStyled":{…}}`): a third of the size and of the time
 * to save. Records in the earlier inline form (`{"xlsxRaw":{…}}`) are still read.
 */
import type ExcelJS from "exceljs";
import type { CellState, SheetSnapshot } from "../../domain/grid";
import {
  SNAPSHOT_PART_CHARS,
  SNAPSHOT_SHEET_NAME,
  decodeSnapshotTable,
  encodeSnapshotTable,
  type SnapshotTable,
  type StoredSnapshot,
} from "../snapshot-codec";

export const STORE_SHEET = SNAPSHOT_SHEET_NAME;
const RAW_KEY_PREFIX = "xlsx-raw:";
const PART_PREFIX = "~";

export interface RawCell {
  /** The ExcelJS value before our first write (null for a merged area's non-top-left cell). */
  value: unknown;
  /** The ExcelJS style object before our first write. */
  style: Record<string, unknown>;
  /** The ExcelJS note before our first write, or null. */
  note: unknown;
  /**
   * What the cell showed right after our last write. An aspect that differs from it now was edited
   * by someone else since, and that edit becomes the new original for that aspect.
   */
  written: CellState;
}

export interface StoredSheet {
  snapshot: SheetSnapshot;
  /** Raw records by address; empty when another host wrote the snapshot. */
  raw: Record<string, RawCell>;
  /**
   * False when a host that cannot read notes wrote the snapshot: the recorded notes of cells without
   * a raw record are unknown, so restoring leaves their notes alone.
   */
  notesTracked: boolean;
}

export interface StoreModel {
  sheets: Record<string, StoredSheet>;
}

// JSON with dates kept as dates (an ExcelJS date cell's value is a Date).
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (original instanceof Date) return { $date: original.toISOString() };
  return value;
}

function hasDate(v: unknown): boolean {
  if (v instanceof Date) return true;
  if (v === null || typeof v !== "object") return false;
  for (const item of Array.isArray(v) ? v : Object.values(v)) if (hasDate(item)) return true;
  return false;
}

/** JSON.stringify with `replacer`, which is slow (a call per key): only used when a date is there. */
function toJson(v: unknown): string {
  return hasDate(v) ? JSON.stringify(v, replacer) : JSON.stringify(v);
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const date = (value as { $date?: unknown }).$date;
    if (keys.length === 1 && typeof date === "string") return new Date(date);
  }
  return value;
}

function cellScalar(v: unknown): string | number | undefined {
  if (typeof v === "string" || typeof v === "number") return v;
  if (v && typeof v === "object" && Array.isArray((v as { richText?: unknown }).richText)) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  }
  return undefined;
}

function readTable(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    rows[n - 1] = [1, 2, 3].map((c) => cellScalar(row.findCell(c)?.value));
  });
  return Array.from(rows, (r) => r ?? []);
}

function decodeRaw(table: unknown[][]): Map<string, Record<string, RawCell>> {
  const parts = new Map<string, string[]>();
  for (const [key, index, text] of table.slice(1)) {
    if (typeof key !== "string" || !key.startsWith(RAW_KEY_PREFIX)) continue;
    if (typeof index !== "number" || typeof text !== "string" || !text.startsWith(PART_PREFIX))
      continue;
    const list = parts.get(key.slice(RAW_KEY_PREFIX.length)) ?? [];
    list[index] = text.slice(PART_PREFIX.length);
    parts.set(key.slice(RAW_KEY_PREFIX.length), list);
  }
  const out = new Map<string, Record<string, RawCell>>();
  for (const [sheet, list] of parts) {
    if (list.length === 0 || list.some((p) => p === undefined)) continue;
    try {
      const records = rawRecordsOf(JSON.parse(list.join(""), reviver));
      if (records) out.set(sheet, records);
    } catch {
      // Damaged raw records only cost exactness: the snapshot itself still restores.
    }
  }
  return out;
}

type StyledRecord = Omit<RawCell, "style"> & { style: number };

interface RawEnvelope {
  /** The earlier form: every record carries its own style. */
  xlsxRaw?: Record<string, RawCell>;
  /** Each distinct style once; `xlsxRawStyled` records hold an index into it. */
  styles?: unknown;
  xlsxRawStyled?: Record<string, StyledRecord>;
}

/** The records of a parsed envelope, or null when it holds none (or a style index is bad). */
function rawRecordsOf(parsed: RawEnvelope | null): Record<string, RawCell> | null {
  if (!parsed || typeof parsed !== "object") return null;
  if (typeof parsed.xlsxRaw === "object" && parsed.xlsxRaw) return parsed.xlsxRaw;
  const { styles, xlsxRawStyled } = parsed;
  if (!Array.isArray(styles) || typeof xlsxRawStyled !== "object" || !xlsxRawStyled) return null;
  const out: Record<string, RawCell> = {};
  for (const [address, record] of Object.entries(xlsxRawStyled)) {
    const style: unknown = styles[record?.style];
    if (!Number.isInteger(record?.style) || typeof style !== "object" || style === null)
      return null;
    // Each record gets its own style object, as when every record carried one.
    out[address] = { ...record, style: structuredClone(style) as Record<string, unknown> };
  }
  return out;
}

function encodeRaw(raw: Record<string, RawCell>): string {
  const styles: string[] = [];
  const indexOf = new Map<string, number>();
  const records: Record<string, StyledRecord> = {};
  for (const [address, record] of Object.entries(raw)) {
    const style = toJson(record.style ?? {});
    let index = indexOf.get(style);
    if (index === undefined) {
      index = styles.length;
      styles.push(style);
      indexOf.set(style, index);
    }
    records[address] = { ...record, style: index };
  }
  return `{"styles":[${styles.join(",")}],"xlsxRawStyled":${toJson(records)}}`;
}

/** The store kept in the workbook, or an empty one. */
export function readStore(workbook: ExcelJS.Workbook): StoreModel {
  const sheet = workbook.getWorksheet(STORE_SHEET);
  if (!sheet) return { sheets: {} };
  const table = readTable(sheet);
  const snapshots = decodeSnapshotTable(table);
  const raws = decodeRaw(table);
  const sheets: Record<string, StoredSheet> = {};
  for (const [name, stored] of snapshots) {
    const raw = raws.get(name) ?? {};
    // Raw records are only trusted for cells the snapshot still lists.
    for (const address of Object.keys(raw))
      if (!stored.snapshot.cells[address]) delete raw[address];
    sheets[name] = { snapshot: stored.snapshot, raw, notesTracked: stored.notesTracked };
  }
  return { sheets };
}

export function encodeStore(model: StoreModel): SnapshotTable {
  const snapshots = new Map<string, StoredSnapshot>();
  for (const [name, entry] of Object.entries(model.sheets)) {
    snapshots.set(name, { snapshot: entry.snapshot, notesTracked: entry.notesTracked });
  }
  const table = encodeSnapshotTable(snapshots);
  for (const name of Object.keys(model.sheets).sort()) {
    const raw = model.sheets[name].raw;
    if (Object.keys(raw).length === 0) continue;
    const json = encodeRaw(raw);
    for (let i = 0, part = 0; i < json.length; i += SNAPSHOT_PART_CHARS, part++) {
      table.push([
        RAW_KEY_PREFIX + name,
        part,
        PART_PREFIX + json.slice(i, i + SNAPSHOT_PART_CHARS),
      ]);
    }
  }
  return table;
}

/** Replace the store sheet with `model`; drop the sheet when no snapshot is left. */
export function writeStore(workbook: ExcelJS.Workbook, model: StoreModel): void {
  const existing = workbook.getWorksheet(STORE_SHEET);
  if (existing) workbook.removeWorksheet(existing.id);
  if (Object.keys(model.sheets).length === 0) return;
  const sheet = workbook.addWorksheet(STORE_SHEET, { state: "veryHidden" });
  encodeStore(model).forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== "") sheet.getCell(r + 1, c + 1).value = value;
    });
  });
}
