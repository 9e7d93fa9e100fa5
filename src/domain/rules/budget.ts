/**
 * Budget execution (RULES A5; Part B denominator, weight and rate-reason variants).
 * rate = 全年执行数 / 全年预算数 from the unrounded amounts; score = round2(min(rate, 1) × w).
 * Each rule is its own function: which amounts count (total row or sub-rows), the total-vs-sub-rows
 * check, the rate and score, the printed figures, the Sichuan reason and the sub-rows' own figures.
 */
import type Decimal from "decimal.js";
import type { Cell, CellGrid } from "../grid";
import { cellAt, gridColCount, toA1 } from "../grid";
import type { BudgetResult, Finding, FundsBlock, FundsSubRowResult, LocalizedText } from "../model";
import type { RuleProfile } from "../profile-types";
import {
  clamp,
  dec,
  differs,
  formatPercent,
  formatPercentShort,
  formatQuantity,
  formatScore,
  HUNDRED,
  ONE,
  round2,
  ZERO,
} from "../decimal";
import { makeFinding } from "../findings";
import { concatText, explain } from "../messages";
import { isPlaceholder, parseRate } from "../parse";
import { numberAt, readNumber, shownText, valueOf } from "./cells";

export interface BudgetEvaluation {
  result: BudgetResult;
  findings: Finding[];
  score: Decimal;
  weight: Decimal;
}

function positive(value: Decimal | null): value is Decimal {
  return value !== null && !value.isZero();
}

function smaller(a: Decimal, b: Decimal): Decimal {
  return a.lt(b) ? a : b;
}

/** The funds columns in the order the profile prefers for the denominator. */
function denominatorColumns(funds: FundsBlock, profile: RuleProfile): number[] {
  const { adjusted, initial } = funds.columns;
  const order =
    profile.budgetDenominator === "adjusted" ? [adjusted, initial] : [initial, adjusted];
  return order.filter((c): c is number => c !== null);
}

function lastFundsColumn(funds: FundsBlock): number {
  const cols = Object.values(funds.columns).filter((c): c is number => c !== null);
  return Math.max(...cols);
}

/** A reason written to the right of the funds block on the total row (Sichuan forms). */
function hasRateReason(grid: CellGrid, row: number, funds: FundsBlock): boolean {
  const width = grid.originCol + gridColCount(grid);
  for (let col = lastFundsColumn(funds) + 1; col < width; col++) {
    const cell = cellAt(grid, row, col);
    if (typeof cell.value === "string" && !isPlaceholder(cell.value)) return true;
  }
  return false;
}

/** The amounts the rate is computed from: the total row's, or the sub-rows' sum when it has none. */
interface Amounts {
  mainRow: number;
  useSubRows: boolean;
  denomCols: number[];
  denomCol: number | null;
  denominator: Decimal | null;
  executed: Decimal | null;
  totalValue: (col: number) => Decimal | null;
  subSum: (col: number) => Decimal | null;
}

function readAmounts(funds: FundsBlock, grid: CellGrid, profile: RuleProfile): Amounts {
  const cols = funds.columns;
  const totalRow = funds.totalRow;
  const mainRow = totalRow ? totalRow.row : funds.subRows[0].row;
  const denomCols = denominatorColumns(funds, profile);
  const amountCols = [...denomCols, ...(cols.executed !== null ? [cols.executed] : [])];
  const subSum = (col: number): Decimal | null => {
    let sum: Decimal | null = null;
    for (const sub of funds.subRows) {
      const v = valueOf(numberAt(grid, sub.row, col));
      if (v !== null) sum = (sum ?? ZERO).plus(v);
    }
    return sum;
  };
  const totalValue = (col: number): Decimal | null =>
    totalRow ? valueOf(numberAt(grid, totalRow.row, col)) : null;
  const totalHasAmounts = amountCols.some((c) => positive(totalValue(c)));
  const useSubRows = !totalHasAmounts && amountCols.some((c) => positive(subSum(c)));
  const amount = (col: number | null): Decimal | null =>
    col === null ? null : useSubRows ? subSum(col) : totalValue(col);
  const denomCol = denomCols.find((c) => positive(amount(c))) ?? denomCols[0] ?? null;
  return {
    mainRow,
    useSubRows,
    denomCols,
    denomCol,
    denominator: amount(denomCol),
    executed: amount(cols.executed),
    totalValue,
    subSum,
  };
}

/** 年度资金总额 should equal 财政拨款 + 上年结转资金 + 其他资金 (A5). */
function totalRowFindings(funds: FundsBlock, amounts: Amounts, tol: number): Finding[] {
  const cols = funds.columns;
  if (amounts.useSubRows) {
    const col = cols.executed ?? amounts.denomCols[0] ?? cols.label;
    const sum = amounts.executed ?? amounts.denominator ?? ZERO;
    return [
      makeFinding("BUDGET_TOTAL_MISMATCH", amounts.mainRow, col, { sum: formatQuantity(sum) }),
    ];
  }
  const totalRow = funds.totalRow;
  if (!totalRow || funds.subRows.length === 0) return [];
  const out: Finding[] = [];
  for (const col of [amounts.denomCol, cols.executed]) {
    if (col === null) continue;
    const total = amounts.totalValue(col);
    const sum = amounts.subSum(col);
    if (total !== null && sum !== null && differs(total, sum, tol)) {
      out.push(
        makeFinding("BUDGET_TOTAL_MISMATCH", totalRow.row, col, {
          variant: "differs",
          total: formatQuantity(total),
          sum: formatQuantity(sum),
        })
      );
    }
  }
  return out;
}

interface RateOutcome {
  rate: Decimal | null;
  score: Decimal;
  explanation: LocalizedText;
  findings: Finding[];
}

/** rate = executed / denominator, score = round2(min(rate, 1) × w) (A5). */
function executionRate(funds: FundsBlock, amounts: Amounts, weight: Decimal): RateOutcome {
  const cols = funds.columns;
  const { mainRow, denominator, executed } = amounts;
  let outcome: RateOutcome;
  if (!positive(denominator)) {
    const col = amounts.denomCol ?? cols.label;
    outcome = {
      rate: null,
      score: ZERO,
      explanation: explain("budgetMissingDenominator"),
      findings: [makeFinding("MISSING_VALUE", mainRow, col, { variant: "budget" })],
    };
  } else if (executed === null) {
    const col = cols.executed ?? cols.label;
    outcome = {
      rate: null,
      score: ZERO,
      explanation: explain("budgetMissingExecuted"),
      findings: [makeFinding("MISSING_VALUE", mainRow, col, { variant: "executed" })],
    };
  } else {
    const rate = executed.div(denominator);
    const score = scoreOfRate(rate, weight);
    const params = {
      executed: formatQuantity(executed),
      budget: formatQuantity(denominator),
      rate: formatPercent(rate),
      weight: formatScore(weight),
      score: formatScore(score),
    };
    outcome = {
      rate,
      score,
      explanation: explain(rate.gte(ONE) ? "budgetFull" : "budgetProportional", params),
      findings: [],
    };
  }
  if (amounts.useSubRows) {
    outcome.explanation = concatText(explain("budgetFromSubRows"), outcome.explanation);
  }
  return outcome;
}

function scoreOfRate(rate: Decimal, weight: Decimal): Decimal {
  return round2(clamp(smaller(rate, ONE).times(weight), ZERO, weight));
}

/** A printed 执行率 that differs from the recomputation at 2 decimals of a percent (A8). */
function printedRateFinding(
  cell: Cell,
  row: number,
  col: number,
  rate: Decimal,
  executed: Decimal,
  denominator: Decimal,
  tol: number
): Finding | null {
  const printed = parseRate(cell);
  if (printed.kind !== "number") return null;
  const printedPoints = round2(printed.value.times(HUNDRED));
  if (!differs(printedPoints, round2(rate.times(HUNDRED)), tol)) return null;
  return makeFinding("RATE_MISMATCH", row, col, {
    reported: shownText(cell),
    expected: formatPercent(rate),
    executed: formatQuantity(executed),
    budget: formatQuantity(denominator),
  });
}

function printedScoreFinding(
  reported: Decimal | null,
  row: number,
  col: number | null,
  score: Decimal,
  tol: number
): Finding | null {
  if (reported === null || col === null || !differs(reported, score, tol)) return null;
  return makeFinding("RATE_MISMATCH", row, col, {
    variant: "score",
    reported: formatQuantity(reported),
    expected: formatScore(score),
  });
}

/** Sichuan: an execution rate below the profile's limit needs a reason beside the funds block. */
function rateReasonFinding(
  funds: FundsBlock,
  grid: CellGrid,
  row: number,
  rate: Decimal,
  profile: RuleProfile
): Finding | null {
  const limit = profile.rateReasonBelow;
  if (limit === null || !rate.lt(limit) || hasRateReason(grid, row, funds)) return null;
  const cols = funds.columns;
  const col = cols.rate ?? cols.score ?? cols.executed ?? cols.label;
  return makeFinding("RATE_REASON_MISSING", row, col, {
    rate: formatPercent(rate),
    limit: formatPercentShort(dec(limit)),
  });
}

/**
 * A sub-row's own 执行率 and 得分, recomputed only where the form already prints a number there:
 * most forms leave them blank or write "—" / "/", which stay as they are.
 */
function subRowResults(
  funds: FundsBlock,
  grid: CellGrid,
  amounts: Amounts,
  weight: Decimal,
  tol: number
): { results: FundsSubRowResult[]; findings: Finding[] } {
  const cols = funds.columns;
  const results: FundsSubRowResult[] = [];
  const findings: Finding[] = [];
  if (cols.executed === null) return { results, findings };
  for (const sub of funds.subRows) {
    if (sub.row === amounts.mainRow) continue;
    const rateCell = cols.rate === null ? null : cellAt(grid, sub.row, cols.rate);
    const printsRate = rateCell !== null && parseRate(rateCell).kind === "number";
    const reportedScore =
      cols.score === null ? null : valueOf(readNumber(cellAt(grid, sub.row, cols.score)));
    if (!printsRate && reportedScore === null) continue;
    const denomCol = amounts.denomCols.find((c) => positive(valueOf(numberAt(grid, sub.row, c))));
    const denominator = denomCol === undefined ? null : valueOf(numberAt(grid, sub.row, denomCol));
    const executed = valueOf(numberAt(grid, sub.row, cols.executed));
    if (!positive(denominator) || executed === null) continue;
    const rate = executed.div(denominator);
    const ownWeight = valueOf(numberAt(grid, sub.row, cols.weight));
    const score = scoreOfRate(
      rate,
      ownWeight !== null && !ownWeight.isNegative() ? ownWeight : weight
    );
    results.push({
      row: sub.row,
      rateCell: printsRate && cols.rate !== null ? toA1(sub.row, cols.rate) : null,
      scoreCell: reportedScore !== null && cols.score !== null ? toA1(sub.row, cols.score) : null,
      rate: rate.toNumber(),
      score: reportedScore !== null ? score.toNumber() : null,
    });
    if (printsRate && rateCell && cols.rate !== null) {
      const f = printedRateFinding(rateCell, sub.row, cols.rate, rate, executed, denominator, tol);
      if (f) findings.push(f);
    }
    const f = printedScoreFinding(reportedScore, sub.row, cols.score, score, tol);
    if (f) findings.push(f);
  }
  return { results, findings };
}

export function evaluateBudget(
  funds: FundsBlock | null,
  grid: CellGrid,
  profile: RuleProfile
): BudgetEvaluation | null {
  if (!funds || (!funds.totalRow && funds.subRows.length === 0)) return null;
  const cols = funds.columns;
  const tol = profile.mismatchTolerance;
  const amounts = readAmounts(funds, grid, profile);
  const { mainRow } = amounts;

  const weightRead = valueOf(numberAt(grid, mainRow, cols.weight));
  const weight =
    weightRead !== null && !weightRead.isNegative() ? weightRead : dec(profile.budgetWeight);

  const outcome = executionRate(funds, amounts, weight);
  const { rate, score } = outcome;
  const findings: Finding[] = [...totalRowFindings(funds, amounts, tol), ...outcome.findings];

  const rateCell = cols.rate !== null ? cellAt(grid, mainRow, cols.rate) : null;
  const reportedRateText = rateCell ? shownText(rateCell) : "";
  const reportedScore = valueOf(numberAt(grid, mainRow, cols.score));

  const { denominator, executed } = amounts;
  if (rate !== null && denominator !== null && executed !== null) {
    const checks = [
      rateCell && cols.rate !== null
        ? printedRateFinding(rateCell, mainRow, cols.rate, rate, executed, denominator, tol)
        : null,
      printedScoreFinding(reportedScore, mainRow, cols.score, score, tol),
      rateReasonFinding(funds, grid, mainRow, rate, profile),
    ];
    for (const f of checks) if (f) findings.push(f);
  }
  const subRows = subRowResults(funds, grid, amounts, weight, tol);
  findings.push(...subRows.findings);

  return {
    result: {
      row: mainRow,
      rateCell: cols.rate !== null ? toA1(mainRow, cols.rate) : null,
      scoreCell: cols.score !== null ? toA1(mainRow, cols.score) : null,
      rate: rate === null ? null : rate.toNumber(),
      score: score.toNumber(),
      weight: weight.toNumber(),
      reportedRate: reportedRateText === "" ? null : reportedRateText,
      reportedScore: reportedScore === null ? null : reportedScore.toNumber(),
      explanation: outcome.explanation,
      subRows: subRows.results,
    },
    findings,
    score,
    weight,
  };
}
