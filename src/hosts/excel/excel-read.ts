/**
 * The read of a sheet in as few round trips as the payload limit allows: cells, merges, fills,
 * protection, notes and the `_selfeval` snapshot table.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read --
   The queue*() helpers load and return a finisher that callers run only after context.sync(); these
   rules cannot follow a closure (and ClientResult.value needs no load). The fake Excel in
   tests/excel enforces load-before-read for real: it throws PropertyNotLoaded. */
import type { Cell, CellGrid } from "../../domain/grid";
import { toA1 } from "../../domain/grid";
import {
  decodeSnapshotTable,
  SNAPSHOT_PART_CHARS,
  SNAPSHOT_SHEET_NAME,
  type StoredSnapshot,
} from "../snapshot-codec";
import { cellFromExcel, fillFromProperties, parseAreaAddresses } from "./excel-cells";

/** Bytes a cell costs in a read response: values, text, format, formula and fill properties. */
const READ_BYTES_PER_CELL = 160;
/** Most bytes one `_selfeval` row can take in a response: a full part of CJK text (3 bytes each). */
const TABLE_ROW_MAX_BYTES = SNAPSHOT_PART_CHARS * 3 + 200;

/** What the last read learned about a sheet and the workbook, needed to write it. */
export interface SheetState {
  sheetName: string;
  protected: boolean;
  /** Notes by A1 address; undefined where this Excel cannot read notes (before ExcelApi 1.18). */
  notes: Map<string, string> | undefined;
  snapshots: Map<string, StoredSnapshot>;
  snapshotSheet: { exists: boolean; rows: number; cols: number };
}

export interface SheetRead {
  grid: CellGrid;
  state: SheetState;
}

/**
 * What a read takes from the adapter. The functions are asked as the read goes, as the adapter's
 * own fields were: another read may have moved them on meanwhile.
 */
export interface ReadNeeds {
  /** Estimated request/response bytes per sync. */
  budget: number;
  /** @apiSetGuard ExcelApi 1.18 — true only where notes can be read (npm run check:apisets). */
  notesSupported: () => boolean;
  /** Addresses that held a note at our last look, per sheet: lets the next read skip a sync. */
  knownNotes: Map<string, string[]>;
  /** The sheet read last: the active sheet is probably still that one (probes are only a hint). */
  lastSheetName: () => string;
  /** Throws when the used range is too large to score. */
  checkSize: (sheetName: string, cells: number) => void;
}

type Ctx = Excel.RequestContext;
type Sheet = Excel.Worksheet;

/** Notes located per round trip, assuming at most 2 KB per note. */
function notesPerSync(budget: number): number {
  return Math.max(1, Math.floor(budget / 2000));
}

export function worksheet(context: Ctx, name: string | undefined): Sheet {
  const sheets = context.workbook.worksheets;
  return name === undefined ? sheets.getActiveWorksheet() : sheets.getItem(name);
}

/** Queues the read of the `_selfeval` table; the sheet may not exist (a null object then). */
function queueSnapshotRead(context: Ctx) {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SNAPSHOT_SHEET_NAME);
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,rowCount,columnCount");
  return () => {
    if (sheet.isNullObject) {
      return {
        snapshots: new Map<string, StoredSnapshot>(),
        sheet: { exists: false, rows: 0, cols: 0 },
      };
    }
    if (used.isNullObject) {
      return {
        snapshots: new Map<string, StoredSnapshot>(),
        sheet: { exists: true, rows: 0, cols: 0 },
      };
    }
    return {
      snapshots: decodeSnapshotTable(used.values),
      sheet: { exists: true, rows: used.rowCount, cols: used.columnCount },
    };
  };
}

type StoreSize = { exists: boolean; rows: number; cols: number };

/** Queues the size of the `_selfeval` table only, for reading it in bands (the careful path). */
function queueSnapshotSize(context: Ctx): () => StoreSize {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SNAPSHOT_SHEET_NAME);
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowCount,columnCount");
  return () => {
    if (sheet.isNullObject) return { exists: false, rows: 0, cols: 0 };
    if (used.isNullObject) return { exists: true, rows: 0, cols: 0 };
    return { exists: true, rows: used.rowCount, cols: used.columnCount };
  };
}

/**
 * Queues what locating the sheet's notes needs in the main read: the count, and a probe of every
 * address we already know held a note. When the probes account for every note, no extra sync.
 * @requiresApiSet ExcelApi 1.18
 */
function queueNotesRead(sheet: Sheet, known: readonly string[], notesPerSync: number) {
  const count = sheet.notes.getCount();
  const probes = known.map((address) => {
    const note = sheet.notes.getItemOrNullObject(address);
    note.load("content");
    return { address, note };
  });
  return async (context: Ctx): Promise<Map<string, string>> => {
    const found = new Map<string, string>();
    for (const { address, note } of probes)
      if (!note.isNullObject) found.set(address, note.content);
    if (found.size === count.value) return found;
    const map = new Map<string, string>();
    for (let first = 0; first < count.value; first += notesPerSync) {
      const chunk = Array.from({ length: Math.min(notesPerSync, count.value - first) }, (_, i) => {
        const note = sheet.notes.getItemAt(first + i);
        note.load("content");
        const at = note.getLocation();
        at.load("address");
        return { note, at };
      });
      // Usually one round trip; more only when the notes would exceed the payload limit together.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const { note, at } of chunk) {
        const a = parseAreaAddresses(at.address)[0];
        if (a) map.set(toA1(a.top, a.left), note.content);
      }
    }
    return map;
  };
}

/** Queues the read of one block of cells (the used range, or a band of it on the careful path). */
function queueBlockRead(range: Excel.Range) {
  range.load("rowIndex,columnIndex,rowCount,columnCount,values,text,numberFormat,formulas");
  const merged = range.getMergedAreasOrNullObject();
  merged.load("address");
  const props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
  return (notes: Map<string, string> | undefined) => {
    const rows: Cell[][] = [];
    for (let r = 0; r < range.rowCount; r++) {
      const line: Cell[] = [];
      for (let c = 0; c < range.columnCount; c++) {
        const address = toA1(range.rowIndex + r, range.columnIndex + c);
        line.push(
          cellFromExcel(
            range.values[r][c],
            range.text[r][c],
            range.numberFormat[r][c],
            range.formulas[r][c],
            fillFromProperties(props.value[r]?.[c]?.format?.fill),
            notes ? (notes.get(address) ?? null) : undefined
          )
        );
      }
      rows.push(line);
    }
    const merges = merged.isNullObject ? [] : parseAreaAddresses(merged.address);
    return { originRow: range.rowIndex, originCol: range.columnIndex, rows, merges };
  };
}

/** The usual path: everything queued before one sync, because round trips are the cost. */
export async function readFast(
  context: Ctx,
  name: string | undefined,
  needs: ReadNeeds
): Promise<SheetRead> {
  const sheet = worksheet(context, name);
  sheet.load("name");
  sheet.protection.load("protected");
  const used = sheet.getUsedRange(true);
  const block = queueBlockRead(used);
  const snapshot = queueSnapshotRead(context);
  const notesRead = needs.notesSupported()
    ? queueNotesRead(
        sheet,
        needs.knownNotes.get(name ?? needs.lastSheetName()) ?? [],
        notesPerSync(needs.budget)
      )
    : undefined;
  await context.sync();
  needs.checkSize(sheet.name, used.rowCount * used.columnCount);
  const notes = notesRead ? await notesRead(context) : undefined;
  return assemble(sheet, [block(notes)], snapshot(), notes, needs.knownNotes);
}

/** For used ranges whose read exceeds the payload limit: size first, then bands of rows. */
export async function readCareful(
  context: Ctx,
  name: string | undefined,
  needs: ReadNeeds
): Promise<SheetRead> {
  const sheet = worksheet(context, name);
  sheet.load("name");
  sheet.protection.load("protected");
  const used = sheet.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const storeSize = queueSnapshotSize(context);
  const notesRead = needs.notesSupported()
    ? queueNotesRead(sheet, [], notesPerSync(needs.budget))
    : undefined;
  await context.sync();
  needs.checkSize(sheet.name, used.rowCount * used.columnCount);
  const notes = notesRead ? await notesRead(context) : undefined;
  const snapshot = await readSnapshotBands(context, storeSize(), needs.budget);
  const bandRows = Math.max(1, Math.floor(needs.budget / (used.columnCount * READ_BYTES_PER_CELL)));
  const blocks = [];
  for (let top = 0; top < used.rowCount; top += bandRows) {
    const rows = Math.min(bandRows, used.rowCount - top);
    const band = sheet.getRangeByIndexes(
      used.rowIndex + top,
      used.columnIndex,
      rows,
      used.columnCount
    );
    const finish = queueBlockRead(band);
    // Each band is its own round trip: together they would exceed the payload limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    blocks.push(finish(notes));
  }
  return assemble(sheet, blocks, snapshot, notes, needs.knownNotes);
}

/** The `_selfeval` table in bands of rows, each under the payload budget even for CJK text. */
async function readSnapshotBands(context: Ctx, size: StoreSize, budget: number) {
  const rows: unknown[][] = [];
  const perSync = Math.max(1, Math.floor(budget / TABLE_ROW_MAX_BYTES));
  for (let top = 0; top < size.rows && size.cols > 0; top += perSync) {
    const band = context.workbook.worksheets
      .getItem(SNAPSHOT_SHEET_NAME)
      .getRangeByIndexes(top, 0, Math.min(perSync, size.rows - top), size.cols);
    band.load("values");
    // The table may be larger than one response when the form is: a sync per band then.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    rows.push(...band.values);
  }
  return { snapshots: decodeSnapshotTable(rows), sheet: size };
}

function assemble(
  sheet: Sheet,
  blocks: ReturnType<ReturnType<typeof queueBlockRead>>[],
  snapshot: ReturnType<ReturnType<typeof queueSnapshotRead>>,
  notes: Map<string, string> | undefined,
  knownNotes: Map<string, string[]>
): SheetRead {
  const sheetName = sheet.name;
  const grid: CellGrid = {
    sheetName,
    originRow: blocks[0].originRow,
    originCol: blocks[0].originCol,
    cells: blocks.flatMap((b) => b.rows),
    merges: blocks.flatMap((b) => b.merges),
    protected: sheet.protection.protected,
  };
  const stored = snapshot.snapshots.get(sheetName);
  if (stored) grid.snapshot = stored.snapshot;
  if (notes) knownNotes.set(sheetName, [...notes.keys()]);
  return {
    grid,
    state: {
      sheetName,
      protected: grid.protected,
      notes,
      snapshots: snapshot.snapshots,
      snapshotSheet: snapshot.sheet,
    },
  };
}
