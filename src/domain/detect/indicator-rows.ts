/**
 * The rows under the indicator header: level labels carried down (merged or simply left blank),
 * placeholder and numbered parent rows set aside, section weights collected, and the 总分 row that
 * ends the table. One pass over the rows.
 */
import type { Cell } from "../grid";
import type {
  BreakdownRow,
  IndicatorColumns,
  IndicatorRow,
  SectionDecl,
  TableLayout,
} from "../model";
import Decimal from "decimal.js";
import { parseAmount } from "../parse/amount";
import { isPlaceholder, normalizeText } from "../parse/normalize";
import { labelKey } from "./labels";
import { declaredSectionWeight } from "./sections";
import type { SheetView } from "./sheet-view";
import { indicatorRole, isFooterLabel, isGradeLabel, isTotalLabel } from "./synonyms";

/** Blank rows in a row that end a table with no 总分 row. */
const MAX_BLANK_RUN = 5;

/** "指标1:", "指标2：" — an unfilled slot of the template. */
const EMPTY_SLOT = /^指标\d*[:：]?$/;
/** "一、示范区建立" — a numbered parent whose score is the sum of the rows below it. */
const PARENT_NUMBERING = /^[一二三四五六七八九十]+[、.．]/;
/** "1、…", "1.…", "(1)…" — a numbered child. */
const CHILD_NUMBERING = /^(\d+[、.．]|\(\d+\))/;

/** "其中：某作物种植面积" — a breakdown of the row above. */
const BREAKDOWN_LABEL = /^其中/;
/** A parent marked as having parts: ★, or numbered (一、 1、 (1)). */
const MARKED_PARENT = /^([★☆]|[一二三四五六七八九十]+[、.．]|\d+[、.．]|\(\d+\))/;

export interface RowScan {
  indicators: IndicatorRow[];
  sections: SectionDecl[];
  skippedRows: TableLayout["skippedRows"];
  totalRow: number | null;
  breakdowns: BreakdownRow[];
  /** The first row after the table (its 总分 row's successor, or where the scan stopped). */
  endRow: number;
}

interface Levels {
  level1: string;
  level2: string;
  /** Row of the cell the 一级 label was read from (for section weights). */
  level1Source: number | null;
}

class LevelCarry {
  text = "";
  source: number | null = null;
  private readonly mergeSources: Map<number, number>;

  constructor(
    private readonly view: SheetView,
    readonly col: number | null,
    firstRow: number
  ) {
    this.mergeSources =
      col === null ? new Map() : view.mergeSourcesInColumn(col, firstRow, view.bottom - 1);
  }

  /** Moves to `row`; true when a new label starts here. */
  advance(row: number): boolean {
    if (this.col === null) return false;
    const sourceRow = this.mergeSources.get(row) ?? row;
    const own = this.view.text(sourceRow, this.col);
    if (own.trim() === "" || this.source === sourceRow) return false;
    // Hosts or hands that repeat a label on every row continue the same section.
    const key = labelKey(own);
    if (this.source !== null && key === this.text) return false;
    this.text = key;
    this.source = sourceRow;
    return true;
  }

  reset(): void {
    this.text = "";
    this.source = null;
  }
}

function tableColumns(columns: IndicatorColumns): number[] {
  const all = [
    columns.level1,
    columns.level2,
    columns.level3,
    columns.target,
    columns.actual,
    columns.weight,
    columns.score,
    columns.note,
    columns.nature,
    columns.unit,
  ];
  return all.filter((c): c is number => c !== null);
}

/** Split-column forms: 指标性质 + 指标值 + 度量单位 read as one target ("≥" "90" "%" → "≥90%"). */
function targetText(view: SheetView, row: number, columns: IndicatorColumns): string {
  const value = view.text(row, columns.target);
  if (columns.nature === null) return value;
  const nature = normalizeText(view.text(row, columns.nature));
  if (nature === "定性" || isPlaceholder(value)) return value;
  const unit = columns.unit === null ? "" : normalizeText(view.text(row, columns.unit));
  return `${nature}${normalizeText(value)}${isPlaceholder(unit) ? "" : unit}`;
}

function hasText(cell: Cell): boolean {
  return cell.text.trim() !== "" || (cell.value !== null && cell.value !== "");
}

/**
 * Where the table ends, if on this row: its 总分 row ("total": a cell reading exactly 总分/合计,
 * wherever the form puts it), or a grade label, a sign-off line (填表人 …) or a second indicator
 * header ("block": the table ended without a 总分 row). A 总分 cell anywhere on the row wins.
 * One pass over the row's keys: every row of the table is read here.
 */
function tableEnd(view: SheetView, row: number): "total" | "block" | null {
  let block = false;
  let roles = 0;
  for (let c = view.left; c < view.right; c++) {
    const key = view.key(row, c);
    if (!key) continue;
    if (isTotalLabel(key)) return "total";
    if (block) continue;
    if (isGradeLabel(key) || isFooterLabel(key)) block = true;
    else if (indicatorRole(key)) roles++;
  }
  return block || roles >= 3 ? "block" : null;
}

/** Names and notes are echoed in reports as the sheet writes them: only whitespace is tidied. */
function displayText(text: string): string {
  return text.replace(/[\s\u3000]+/g, " ").trim();
}

function buildRow(
  view: SheetView,
  row: number,
  columns: IndicatorColumns,
  levels: Levels
): IndicatorRow {
  return {
    row,
    level1: levels.level1,
    level2: levels.level2,
    level3: displayText(view.text(row, columns.level3)),
    targetText: targetText(view, row, columns),
    actualText: view.text(row, columns.actual),
    targetCell: view.cell(row, columns.target),
    actualCell: view.cell(row, columns.actual),
    unitText: columns.unit === null ? "" : normalizeText(view.text(row, columns.unit)),
    weightCell: view.cell(row, columns.weight),
    scoreCell: view.cell(row, columns.score),
    noteText: columns.note === null ? "" : displayText(view.text(row, columns.note)),
  };
}

function collectSections(
  view: SheetView,
  level1Col: number | null,
  rows: { row: number; levels: Levels }[]
): SectionDecl[] {
  if (level1Col === null) return [];
  const bySource = new Map<number, SectionDecl>();
  const sections: SectionDecl[] = [];
  for (const { row, levels } of rows) {
    const source = levels.level1Source;
    if (source === null) continue;
    let section = bySource.get(source);
    if (!section) {
      const declared = declaredSectionWeight(labelKey(view.text(source, level1Col)));
      if (!declared) continue;
      section = {
        label: normalizeText(view.text(source, level1Col)),
        weight: declared.weight,
        cell: { row: source, col: level1Col },
        rows: [],
      };
      bySource.set(source, section);
      sections.push(section);
    }
    section.rows.push(row);
  }
  return sections;
}

interface Kept {
  row: number;
  levels: Levels;
}

function weightOf(view: SheetView, row: number, col: number): Decimal | null {
  const read = parseAmount(view.cell(row, col));
  return read.kind === "number" ? read.value : null;
}

/**
 * Rows with neither 分值 nor 得分 right under a weighted row (or under its other parts) detail that
 * row: a breakdown when labelled 其中…, when the parent is marked (★, numbered), or when the
 * weights already add up without it — the section's declared weight, or 100 with the budget's.
 * Any other such row stays an indicator (and is reported as missing its 分值).
 */
function splitBreakdowns(
  view: SheetView,
  columns: IndicatorColumns,
  kept: Kept[],
  budgetWeight: Decimal
): { rows: Kept[]; breakdowns: BreakdownRow[] } {
  const noFigures = (row: number) =>
    isPlaceholder(view.text(row, columns.weight)) && isPlaceholder(view.text(row, columns.score));
  const candidates = new Map<number, Kept>(); // row → parent
  let parent: Kept | null = null;
  let previous: Kept | null = null;
  for (const k of kept) {
    if (!noFigures(k.row)) {
      parent = k;
    } else if (
      parent &&
      previous &&
      (previous === parent || candidates.get(previous.row) === parent)
    ) {
      candidates.set(k.row, parent);
    } else {
      parent = null;
    }
    previous = k;
  }
  if (candidates.size === 0) return { rows: kept, breakdowns: [] };

  // Weights of the rows that are not candidates: per 一级 label, and for the whole table.
  const bySection = new Map<number | null, Decimal>();
  let table = budgetWeight;
  for (const k of kept) {
    if (candidates.has(k.row)) continue;
    const w = weightOf(view, k.row, columns.weight);
    if (w === null) continue;
    table = table.plus(w);
    const source = k.levels.level1Source;
    bySection.set(source, (bySection.get(source) ?? new Decimal(0)).plus(w));
  }
  const sectionAddsUp = (k: Kept): boolean => {
    const source = k.levels.level1Source;
    if (source === null || columns.level1 === null) return false;
    const declared = declaredSectionWeight(labelKey(view.text(source, columns.level1)));
    return declared !== null && declared.weight.eq(bySection.get(source) ?? 0);
  };
  const tableAddsUp = table.eq(100);

  const rows: Kept[] = [];
  const breakdowns: BreakdownRow[] = [];
  for (const k of kept) {
    const p = candidates.get(k.row);
    const isPart =
      p !== undefined &&
      (BREAKDOWN_LABEL.test(labelKey(view.text(k.row, columns.level3))) ||
        MARKED_PARENT.test(labelKey(view.text(p.row, columns.level3))) ||
        sectionAddsUp(k) ||
        tableAddsUp);
    if (!isPart) {
      rows.push(k);
      continue;
    }
    breakdowns.push({
      row: k.row,
      parentRow: p.row,
      level3: displayText(view.text(k.row, columns.level3)),
      targetText: targetText(view, k.row, columns),
      actualText: view.text(k.row, columns.actual),
      targetCell: view.cell(k.row, columns.target),
      actualCell: view.cell(k.row, columns.actual),
    });
  }
  return { rows, breakdowns };
}

export function scanIndicatorRows(
  view: SheetView,
  firstRow: number,
  columns: IndicatorColumns,
  budgetWeight: Decimal = new Decimal(10)
): RowScan {
  const cols = tableColumns(columns);
  const level1 = new LevelCarry(view, columns.level1, firstRow);
  const level2 = new LevelCarry(view, columns.level2, firstRow);

  const kept: Kept[] = [];
  const skippedRows: RowScan["skippedRows"] = [];
  const blankRun: number[] = [];
  let parent: Kept | null = null;
  let totalRow: number | null = null;
  let endRow = view.bottom;

  const flushBlanks = () => {
    for (const row of blankRun) skippedRows.push({ row, reason: "empty" });
    blankRun.length = 0;
  };

  for (let r = firstRow; r < view.bottom; r++) {
    const end = tableEnd(view, r);
    if (end === "total") {
      totalRow = r;
      endRow = r + 1;
      break;
    }
    if (end === "block") {
      endRow = r;
      break;
    }

    const newSection = level1.advance(r);
    const newGroup = level2.advance(r);
    // A new 一级 section without its own 二级 label must not inherit the previous section's.
    if (newSection && !newGroup) level2.reset();

    const name = view.text(r, columns.level3);
    // Not view.key: indicator names can be longer than any header, and numbering must still be seen.
    const nameKey = labelKey(name);
    const hasData =
      !isPlaceholder(view.text(r, columns.target)) || !isPlaceholder(view.text(r, columns.actual));
    const isSlot = isPlaceholder(name) || EMPTY_SLOT.test(nameKey);

    if (isSlot && !hasData) {
      if (cols.some((c) => hasText(view.cell(r, c)))) {
        flushBlanks();
        skippedRows.push({ row: r, reason: "placeholder" });
      } else {
        blankRun.push(r);
        if (blankRun.length >= MAX_BLANK_RUN) {
          endRow = r + 1;
          break;
        }
      }
      continue;
    }
    flushBlanks();

    const levels: Levels = {
      level1: level1.text,
      level2: level2.text,
      level1Source: level1.source,
    };
    if (parent) {
      // The row above was numbered 一、…: it is a parent only when this row is a numbered child.
      if (CHILD_NUMBERING.test(nameKey)) skippedRows.push({ row: parent.row, reason: "parent" });
      else kept.push(parent);
      parent = null;
    }
    if (PARENT_NUMBERING.test(nameKey)) parent = { row: r, levels };
    else kept.push({ row: r, levels });
  }
  if (parent) kept.push(parent);
  // Trailing blank rows are outside the table, not skipped rows of it.
  blankRun.length = 0;

  kept.sort((a, b) => a.row - b.row);
  skippedRows.sort((a, b) => a.row - b.row);
  const split = splitBreakdowns(view, columns, kept, budgetWeight);
  return {
    indicators: split.rows.map(({ row, levels }) => buildRow(view, row, columns, levels)),
    sections: collectSections(view, columns.level1, split.rows),
    skippedRows,
    totalRow,
    breakdowns: split.breakdowns,
    endRow,
  };
}
