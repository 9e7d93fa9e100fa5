/**
 * Everything a user could see or lose in a workbook, as plain data, so two workbooks can be compared
 * cell by cell: values (formulas included), styles, notes, merges, column widths, sheet states, data
 * validations and protection.
 */
import ExcelJS from "exceljs";

export interface CellDump {
  value: unknown;
  style: unknown;
  note: unknown;
}

export interface SheetDump {
  name: string;
  state: string;
  cells: Record<string, CellDump>;
  merges: string[];
  widths: (number | undefined)[];
  validations: unknown;
  protection: unknown;
}

const json = (v: unknown): unknown => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));

export function dumpSheet(ws: ExcelJS.Worksheet): SheetDump {
  const cells: Record<string, CellDump> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = {
        value: json(cell.type === ExcelJS.ValueType.Merge ? null : cell.value),
        style: json(cell.style),
        note: json(cell.note),
      };
    });
  });
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width);
  return {
    name: ws.name,
    state: ws.state,
    cells,
    merges: [...(ws.model.merges as string[])].sort(),
    widths,
    validations: json((ws as any).dataValidations?.model),
    protection: json((ws as any).sheetProtection ?? null),
  };
}

export async function loadXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  return wb;
}

export async function dumpWorkbook(bytes: Buffer): Promise<Record<string, SheetDump>> {
  const wb = await loadXlsx(bytes);
  const out: Record<string, SheetDump> = {};
  for (const ws of wb.worksheets) out[ws.name] = dumpSheet(ws);
  return out;
}

/** Addresses whose dumps differ between two sheets (cells present in either). */
export function changedCells(a: SheetDump, b: SheetDump): string[] {
  const addresses = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]);
  const empty: CellDump = { value: null, style: {}, note: undefined };
  return [...addresses].filter(
    (addr) => JSON.stringify(a.cells[addr] ?? empty) !== JSON.stringify(b.cells[addr] ?? empty)
  );
}

/** A note as ExcelJS reads it (a string, or rich text runs) → its plain text. */
export function noteText(note: unknown): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return texts ? texts.map((t) => t.text ?? "").join("") : undefined;
}
