/**
 * Evaluation → WritePlan: which cells the product owns, what goes in them, and which marks explain
 * them. Pure and deterministic (row, then column), so a plan can be diffed, previewed and tested
 * without a host. Protection is the host's business: the plan only plans.
 */
import { Decimal, dec, formatPercent, formatScore } from "./decimal";
import type { Cell, CellGrid, CellValue } from "./grid";
import { cellAt, fromA1, mergeAt, toA1 } from "./grid";
import type { Evaluation, Finding, Lang, LocalizedText } from "./model";
import {
  MARK_FILLS,
  budgetPointsLost,
  markKindOf,
  markLegend,
  pointsLost,
  strongerKind,
  type MarkKind,
} from "./marks";
import type {
  CellMark,
  CellWrite,
  PlanOptions,
  SkippedWrite,
  WritePlan,
  WriteReason,
} from "./plan-types";
import { memoizeNumber } from "./memo";
import { isPlaceholder, normalizeLabel } from "./parse/normalize";

export { MARK_FILLS } from "./marks";

/** Number format given to a rate written into an empty cell. */
export const RATE_FORMAT = "0.00%";

const NOTE_TEXT = {
  header: { "zh-CN": "【绩效自评助手】", en: "[SelfEval]" },
  totalUnknown: { "zh-CN": "无法计算总分。", en: "The total could not be computed." },
  provisional: {
    "zh-CN": "（暂定：部分指标无法计算，沿用表中原得分。）",
    en: "(Provisional: some rows could not be scored and keep their printed score.)",
  },
} satisfies Record<string, LocalizedText>;

function totalExplanation(evaluation: Evaluation, lang: Lang): string {
  if (evaluation.total === null) return NOTE_TEXT.totalUnknown[lang];
  const indicators = evaluation.indicators.reduce(
    (sum, r) => (r.countedScore === null ? sum : sum.plus(r.countedScore)),
    dec(0)
  );
  const budget = evaluation.budget?.score ?? null;
  const total = scoreText(evaluation.total);
  const parts =
    lang === "zh-CN"
      ? [
          `总分 ${total}`,
          budget === null ? "" : ` = 预算执行得分 ${scoreText(budget)} + 指标得分 `,
          budget === null ? ` = 指标得分 ` : "",
          scoreText(indicators.toNumber()),
          evaluation.grade ? `，等级：${evaluation.grade}` : "",
        ]
      : [
          `Total ${total}`,
          budget === null ? "" : ` = budget execution ${scoreText(budget)} + indicators `,
          budget === null ? ` = indicators ` : "",
          scoreText(indicators.toNumber()),
          evaluation.grade ? `; grade ${evaluation.grade}` : "",
        ];
  const provisional = evaluation.provisional ? NOTE_TEXT.provisional[lang] : "";
  const r = evaluation.rescaled;
  const rescaled = r
    ? lang === "zh-CN"
      ? `（不适用指标已剔除：合计按 ${scoreText(r.base)} 分折算为 100 分。）`
      : ` (Not-applicable rows dropped: the sum is rescaled from ${scoreText(r.base)} to 100.)`
    : "";
  return `${parts.join("")}${lang === "zh-CN" ? "。" : "."}${rescaled}${provisional}`;
}

/**
 * A score as text, the way the engine prints scores everywhere: "10", "0.85", "9.9". Scores repeat
 * from row to row and sheet to sheet (full weights, the budget's 10): one text per distinct number.
 */
export const scoreText: (score: number) => string = memoizeNumber((score) =>
  formatScore(dec(score))
);

function round(value: number, places: number): number {
  return dec(value).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * "/", "—", "无", "不适用" … typed where a figure could go: the user's statement that none applies.
 * Only an indicator's own 得分 and the total are ours to fill regardless (RULES A7).
 */
function holdsPlaceholder(cell: Cell): boolean {
  if (typeof cell.value !== "string" || cell.value.trim() === "") return false;
  return isPlaceholder(cell.value) || normalizeLabel(cell.value) === "不适用";
}

const FILLS_PLACEHOLDERS: ReadonlySet<WriteReason> = new Set<WriteReason>(["score", "total"]);

type Representation = "empty" | "number" | "text";

function representation(cell: Cell): Representation {
  if (cell.value === null) return "empty";
  if (typeof cell.value === "number") return "number";
  if (typeof cell.value === "string" && isPlaceholder(cell.value)) return "empty";
  return "text";
}

function isPercentFormat(format: string): boolean {
  // Quoted literals and escapes can contain a "%" that does not scale the value.
  return /%/.test(format.replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

/** Score, budget score and total: a number cell stays a number, a text cell gets text. */
function scoreValue(score: number, cell: Cell): Pick<CellWrite, "value" | "numberFormat"> {
  return representation(cell) === "text" ? { value: scoreText(score) } : { value: score };
}

/**
 * The execution rate. A percent-formatted number cell gets the fraction rounded half-up to 4
 * decimals (0.9982 → 99.82%): the form prints the rate at two decimals of a percent (RULES A5), so
 * the stored value then equals what the sheet shows, copy-as-values and exports carry 99.82% rather
 * than 0.998210…, and the score (computed by the rules from the unrounded rate) is unaffected.
 * A General number cell holding percent points (99.82 rather than 0.9982) keeps percent points.
 */
function rateValue(rate: number, cell: Cell): Pick<CellWrite, "value" | "numberFormat"> {
  const fraction = round(rate, 4);
  switch (representation(cell)) {
    case "empty":
      return { value: fraction, numberFormat: RATE_FORMAT };
    case "text":
      return { value: formatPercent(dec(rate)) };
    case "number": {
      const heldAsPoints =
        !isPercentFormat(cell.numberFormat) && Math.abs(cell.value as number) > 2;
      return { value: heldAsPoints ? round(rate * 100, 2) : fraction };
    }
  }
}

interface Target {
  row: number;
  col: number;
  address: string;
}

/** Writes into a merged area go to its top-left cell, the only one a host can write. */
function target(grid: CellGrid, address: string): Target {
  const { row, col } = fromA1(address);
  const merge = mergeAt(grid, row, col);
  const r = merge ? merge.top : row;
  const c = merge ? merge.left : col;
  return { row: r, col: c, address: toA1(r, c) };
}

type TargetOf = (address: string) => Target;

/**
 * target() for one plan: a row's cells are looked up by the writes, the highlights and the notes,
 * and each lookup would parse the address and scan every merge again. Targets are never mutated.
 */
function targetsOf(grid: CellGrid): TargetOf {
  const known = new Map<string, Target>();
  return (address) => {
    let at = known.get(address);
    if (at === undefined) {
      at = target(grid, address);
      known.set(address, at);
    }
    return at;
  };
}

function byPosition(a: { row: number; col: number }, b: { row: number; col: number }): number {
  return a.row - b.row || a.col - b.col;
}

export function planWrites(
  evaluation: Evaluation,
  grid: CellGrid,
  options: PlanOptions
): WritePlan {
  const targetOf = targetsOf(grid);
  const writes = new Map<string, CellWrite>();
  const skipped: (SkippedWrite & { row: number; col: number })[] = [];
  const seen = new Set<string>();

  const own = (
    address: string | null,
    reason: WriteReason,
    make: (cell: Cell) => Pick<CellWrite, "value" | "numberFormat">
  ) => {
    if (address === null) return;
    const at = targetOf(address);
    if (seen.has(at.address)) return;
    seen.add(at.address);
    const cell = cellAt(grid, at.row, at.col);
    const planned = make(cell);
    if (!FILLS_PLACEHOLDERS.has(reason) && holdsPlaceholder(cell)) {
      skipped.push({ ...at, reason: "placeholder", value: planned.value });
      return;
    }
    if (cell.formula !== undefined && !options.replaceFormulas) {
      skipped.push({ ...at, reason: "formula", value: planned.value });
      return;
    }
    const write: CellWrite = {
      row: at.row,
      col: at.col,
      address: at.address,
      value: planned.value,
      reason,
    };
    if (planned.numberFormat !== undefined) write.numberFormat = planned.numberFormat;
    writes.set(at.address, write);
  };

  for (const row of evaluation.indicators) {
    const score = row.score;
    if (score !== null) own(row.scoreCell, "score", (cell) => scoreValue(score, cell));
  }
  const budget = evaluation.budget;
  if (budget) {
    const { rate, score } = budget;
    if (rate !== null) own(budget.rateCell, "rate", (cell) => rateValue(rate, cell));
    if (score !== null) own(budget.scoreCell, "budgetScore", (cell) => scoreValue(score, cell));
    // Sub-rows only where the form already prints a figure (the rules computed nothing otherwise).
    for (const sub of budget.subRows) {
      const subRate = sub.rate;
      const subScore = sub.score;
      if (subRate !== null) own(sub.rateCell, "rate", (cell) => rateValue(subRate, cell));
      if (subScore !== null)
        own(sub.scoreCell, "budgetScore", (cell) => scoreValue(subScore, cell));
    }
  }
  const total = evaluation.total;
  if (total !== null) own(evaluation.totalCell, "total", (cell) => scoreValue(total, cell));
  const grade = evaluation.grade;
  if (grade !== null) own(evaluation.gradeCell, "grade", () => ({ value: grade as CellValue }));

  const marks = planMarks(evaluation, targetOf, options);
  return {
    sheetName: evaluation.sheetName,
    writes: [...writes.values()].sort(byPosition),
    marks,
    skipped: skipped
      .sort(byPosition)
      .map(({ address, reason, value }) => ({ address, reason, value })),
  };
}

interface MarkDraft extends Target {
  kind: MarkKind | null;
  lines: string[] | null;
}

/**
 * Fills by meaning (扣分, 待说明, 待复核; see marks.ts) and notes that explain a score. Notes go on
 * the rows that carry a mark — and on every row with `notesAll` — plus the total, whose note also
 * holds the legend of the fills and the findings that belong to no row.
 */
function planMarks(evaluation: Evaluation, targetOf: TargetOf, options: PlanOptions): CellMark[] {
  if (!options.highlights && !options.notes) return [];
  const lang = options.lang;
  const drafts = new Map<string, MarkDraft>();
  const draft = (at: Target): MarkDraft => {
    let d = drafts.get(at.address);
    if (!d) {
      d = { row: at.row, col: at.col, address: at.address, kind: null, lines: null };
      drafts.set(at.address, d);
    }
    return d;
  };

  // The 得分 cell that speaks for each row, and the explanation its note starts with.
  const anchors = new Map<number, { at: Target; explanation: string }>();
  for (const row of evaluation.indicators) {
    anchors.set(row.row, { at: targetOf(row.scoreCell), explanation: row.explanation[lang] });
  }
  const budget = evaluation.budget;
  const budgetCell = budget ? (budget.scoreCell ?? budget.rateCell) : null;
  if (budget && budgetCell) {
    anchors.set(budget.row, {
      at: targetOf(budgetCell),
      explanation: budget.explanation[lang],
    });
  }
  const totalRow = evaluation.layout.total?.row;
  const totalAnchor = evaluation.totalCell
    ? { at: targetOf(evaluation.totalCell), explanation: totalExplanation(evaluation, lang) }
    : null;
  if (totalAnchor && totalRow !== undefined) anchors.set(totalRow, totalAnchor);

  const findings = [...evaluation.findings].sort(byPosition);

  // Every cell that carries a kind of mark, and the rows they are on.
  const kinds = new Map<string, { at: Target; kind: MarkKind }>();
  const markedRows = new Set<number>();
  const mark = (at: Target, kind: MarkKind, row: number) => {
    markedRows.add(row);
    const known = kinds.get(at.address);
    kinds.set(at.address, { at, kind: strongerKind(known?.kind ?? null, kind) ?? kind });
  };
  for (const row of evaluation.indicators) {
    if (pointsLost(row) > 0) mark(targetOf(row.scoreCell), "deduction", row.row);
  }
  if (budget && budgetCell && budgetPointsLost(budget) > 0) {
    mark(targetOf(budgetCell), "deduction", budget.row);
  }
  for (const f of findings) {
    const kind = markKindOf(f.code);
    if (kind !== null) mark(targetOf(f.cell), kind, f.row);
  }

  if (options.highlights) {
    for (const { at, kind } of kinds.values()) draft(at).kind = kind;
  }

  if (options.notes) {
    const byRow = new Map<number, Finding[]>();
    const orphans: Finding[] = [];
    for (const f of findings) {
      if (!anchors.has(f.row)) orphans.push(f);
      else {
        const list = byRow.get(f.row);
        if (list) list.push(f);
        else byRow.set(f.row, [f]);
      }
    }
    // A blank line sets the legend apart from the findings.
    const legend = options.highlights && kinds.size > 0 ? [`\n${markLegend(lang).join("\n")}`] : [];
    const noteFor = (row: number, explanation: string, extra: Finding[] = []) => [
      NOTE_TEXT.header[lang],
      explanation,
      ...[...(byRow.get(row) ?? []), ...extra].map((f) => `• ${f.message[lang]}`),
    ];
    for (const [row, anchor] of anchors) {
      if (anchor === totalAnchor) {
        // Findings outside every scored row (a section's weight, say) are summed up on the total.
        draft(anchor.at).lines = [...noteFor(row, anchor.explanation, orphans), ...legend];
      } else if (options.notesAll || markedRows.has(row)) {
        draft(anchor.at).lines = noteFor(row, anchor.explanation);
      }
    }
    if (totalAnchor && totalRow === undefined) {
      draft(totalAnchor.at).lines = [
        ...noteFor(Number.NaN, totalAnchor.explanation, orphans),
        ...legend,
      ];
    }
  }

  return [...drafts.values()]
    .map((d) => ({
      row: d.row,
      col: d.col,
      address: d.address,
      fill: d.kind === null ? null : MARK_FILLS[d.kind],
      note: d.lines ? d.lines.filter((line) => line !== "").join("\n") : null,
    }))
    .filter((m) => m.fill !== null || m.note !== null)
    .sort(byPosition);
}

function addressOrder(a: { address: string }, b: { address: string }): number {
  return byPosition(fromA1(a.address), fromA1(b.address));
}

/**
 * One plan for a sheet holding several forms: each form's plan covers its own cells, which never
 * overlap another form's, so the union is written in one batch and kept in one snapshot.
 */
export function mergePlans(sheetName: string, plans: readonly WritePlan[]): WritePlan {
  if (plans.length === 1) return plans[0];
  return {
    sheetName,
    writes: plans.flatMap((p) => p.writes).sort(byPosition),
    marks: plans.flatMap((p) => p.marks).sort(byPosition),
    skipped: plans.flatMap((p) => p.skipped).sort(addressOrder),
  };
}
