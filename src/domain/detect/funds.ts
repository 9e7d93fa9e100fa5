/**
 * The 项目资金 block: its label (and unit), its header row (年初预算数 … 得分) and its rows
 * (年度资金总额, 其中：财政拨款, 上年结转资金, 其他资金). Searched above the indicator header only.
 */
import type { FundsBlock, FundsColumns, FundsRow } from "../model";
import { normalizeText } from "../parse/normalize";
import type { SheetView } from "./sheet-view";
import type { FundsRole } from "./synonyms";
import { fundsRole, fundsRowKind, isFundsLabel } from "./synonyms";

/** How far below its label the funds header and rows may start, and how many rows the block may have. */
const HEADER_REACH = 2;
const MAX_FUNDS_ROWS = 8;

function unitOf(view: SheetView, row: number, col: number): "万元" | "元" {
  // The unit sits in the label ("项目资金（元）") or in the cell below it ("（万元）").
  const texts = [view.key(row, col), view.key(view.spanBottom(row, col) + 1, col)];
  for (const t of texts) {
    if (t.includes("万元")) return "万元";
    if (/\(元\)|^元$|（元）/.test(t)) return "元";
  }
  return "万元";
}

function headerColumns(view: SheetView, row: number): Partial<Record<FundsRole, number>> {
  const cols: Partial<Record<FundsRole, number>> = {};
  for (let c = view.left; c < view.right; c++) {
    const role = fundsRole(view.key(row, c));
    if (role && cols[role] === undefined) cols[role] = c;
  }
  return cols;
}

function findFundsLabel(
  view: SheetView,
  fromRow: number,
  endRow: number
): { row: number; col: number } | null {
  for (let r = fromRow; r < endRow; r++) {
    for (let c = view.left; c < view.right; c++) {
      if (isFundsLabel(view.key(r, c))) return { row: r, col: c };
    }
  }
  return null;
}

/** The funds block of the form whose indicator header is `endRow`, searched from `fromRow` (its top). */
export function findFundsBlock(
  view: SheetView,
  endRow: number,
  fromRow: number = view.top
): FundsBlock | null {
  const label = findFundsLabel(view, fromRow, endRow);
  // Without a 项目资金 label, any row above the indicator table naming two budget amounts is the header.
  const searchFrom = label ? label.row : fromRow;
  const searchTo = label ? label.row + HEADER_REACH : endRow - 1;
  let headerRow = -1;
  let header: Partial<Record<FundsRole, number>> = {};
  for (let r = searchFrom; r <= searchTo && r < endRow; r++) {
    const cols = headerColumns(view, r);
    const amounts = [cols.initial, cols.adjusted, cols.executed].filter((c) => c !== undefined);
    if (amounts.length >= 2) {
      headerRow = r;
      header = cols;
      break;
    }
  }
  if (headerRow < 0) return null;

  let labelCol = -1;
  let totalRow: FundsRow | null = null;
  const subRows: FundsRow[] = [];
  for (let r = headerRow + 1; r < endRow && r <= headerRow + MAX_FUNDS_ROWS; r++) {
    let found: FundsRow | null = null;
    for (let c = view.left; c < view.right && !found; c++) {
      if (labelCol >= 0 && c !== labelCol) continue;
      const kind = fundsRowKind(view.key(r, c));
      if (kind) {
        labelCol = c;
        found = { row: r, kind, label: normalizeText(view.text(r, c)) };
      }
    }
    if (!found) {
      if (labelCol >= 0) break;
      continue;
    }
    if (found.kind === "total" && !totalRow) totalRow = found;
    else subRows.push(found);
  }
  if (labelCol < 0) return null;

  const columns: FundsColumns = {
    label: labelCol,
    initial: header.initial ?? null,
    adjusted: header.adjusted ?? null,
    executed: header.executed ?? null,
    weight: header.weight ?? null,
    rate: header.rate ?? null,
    score: header.score ?? null,
  };
  const unit = label ? unitOf(view, label.row, label.col) : "万元";
  return { headerRow, unit, columns, totalRow, subRows };
}
