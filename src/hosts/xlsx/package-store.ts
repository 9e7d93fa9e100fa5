/**
 * Where this host keeps what it overwrote: the very hidden `_selfeval` sheet, in the table format of
 * src/hosts/snapshot-codec.ts that the Excel host shares, so either host can revert what the other
 * wrote. Besides the engine's snapshot, this host keeps each touched cell's original XML — the `<c>`
 * element and the note's `<comment>` element — so a revert puts back value, type, formula and style
 * index exactly. Those records sit in extra rows keyed `xlsx-xml:<sheet>`; the codec skips them, and
 * a host that rewrites the table without them leaves this host to restore from the snapshot alone.
 * What our last write left in each cell is the snapshot's own `written` record, kept once.
 */
import type { SheetSnapshot } from "../../domain/grid";
import { toA1 } from "../../domain/grid";
import {
  SNAPSHOT_PART_CHARS,
  decodeSnapshotTable,
  encodeSnapshotTable,
  type SnapshotTable,
  type StoredSnapshot,
} from "../snapshot-codec";
import { buildCell, parseCell, readValue, type ReadContext } from "./cell-xml";
import { Worksheet } from "./worksheet";

const RAW_KEY_PREFIX = "xlsx-xml:";
const PART_PREFIX = "~";

/** One touched cell as it was before our first write, in the package's own terms. */
export interface XmlRecord {
  /** The original `<c>` element, or null when the cell had none. */
  cell: string | null;
  /** The original `<comment>` element, or null when the cell had no note. */
  note: string | null;
  /** Set when the user changed the cell's fill or number format after our write: theirs to keep. */
  fillId?: number;
  numFmtId?: number;
}

export interface StoredSheet {
  snapshot: SheetSnapshot;
  /** Records by address; empty when another host wrote the snapshot. */
  raw: Record<string, XmlRecord>;
  notesTracked: boolean;
}

export type StoreModel = Record<string, StoredSheet>;

function isRecord(x: unknown): x is XmlRecord {
  if (typeof x !== "object" || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    (r.cell === null || typeof r.cell === "string") &&
    (r.note === null || typeof r.note === "string")
  );
}

function decodeRaw(rows: readonly (readonly unknown[])[]): Map<string, Record<string, XmlRecord>> {
  const parts = new Map<string, string[]>();
  for (const [key, index, text] of rows.slice(1)) {
    if (typeof key !== "string" || !key.startsWith(RAW_KEY_PREFIX)) continue;
    const i = typeof index === "number" ? index : Number(index);
    if (!Number.isInteger(i) || typeof text !== "string" || !text.startsWith(PART_PREFIX)) continue;
    const sheet = key.slice(RAW_KEY_PREFIX.length);
    const list = parts.get(sheet) ?? [];
    list[i] = text.slice(PART_PREFIX.length);
    parts.set(sheet, list);
  }
  const out = new Map<string, Record<string, XmlRecord>>();
  for (const [sheet, list] of parts) {
    if (list.length === 0 || Array.from(list).some((p) => p === undefined)) continue;
    try {
      const parsed: unknown = JSON.parse(list.join(""));
      if (typeof parsed !== "object" || parsed === null) continue;
      const records: Record<string, XmlRecord> = {};
      let ok = true;
      for (const [address, record] of Object.entries(parsed)) {
        if (isRecord(record)) records[address] = record;
        else ok = false;
      }
      // Damaged records only cost exactness: the snapshot itself still restores.
      if (ok) out.set(sheet, records);
    } catch {
      // Same: fall back to the snapshot.
    }
  }
  return out;
}

/** The store held in a table read from the `_selfeval` sheet. */
export function decodeStore(rows: readonly (readonly unknown[])[]): StoreModel {
  const snapshots = decodeSnapshotTable(rows);
  const raws = decodeRaw(rows);
  const out: StoreModel = {};
  for (const [name, stored] of snapshots) {
    const raw = raws.get(name) ?? {};
    // Records are only trusted for cells the snapshot still lists.
    for (const address of Object.keys(raw))
      if (!stored.snapshot.cells[address]) delete raw[address];
    out[name] = { snapshot: stored.snapshot, raw, notesTracked: stored.notesTracked };
  }
  return out;
}

export function encodeStore(model: StoreModel): SnapshotTable {
  const snapshots = new Map<string, StoredSnapshot>();
  for (const [name, entry] of Object.entries(model))
    snapshots.set(name, { snapshot: entry.snapshot, notesTracked: entry.notesTracked });
  const table = encodeSnapshotTable(snapshots);
  for (const name of Object.keys(model).sort()) {
    const raw = model[name].raw;
    if (Object.keys(raw).length === 0) continue;
    const json = JSON.stringify(raw);
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

/** The table (first three columns) held in a store sheet's XML, as any host wrote it. */
export function readStoreTable(xml: string, context: ReadContext): unknown[][] {
  const rows: unknown[][] = [];
  const plain: ReadContext = { ...context, numberFormat: () => ({ code: "General", id: 0 }) };
  for (const c of new Worksheet(xml).allCells()) {
    if (c.col > 2) continue;
    const { value } = readValue(parseCell(c.xml), plain);
    (rows[c.row] ??= [])[c.col] = value ?? undefined;
  }
  return Array.from(rows, (r) => r ?? []);
}

/** A worksheet part holding the table, texts as inline strings (no shared strings touched). */
export function storeSheetXml(table: SnapshotTable): string {
  const rows = table
    .map((row, r) => {
      const cells = row
        .map((value, c) => (value === "" ? "" : buildCell(toA1(r, c), value, undefined, 0, "")))
        .join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<sheetData>${rows}</sheetData></worksheet>`
  );
}
