/**
 * Budget execution (RULES A5; Part B denominator, weight and rate-reason variants).
 * rate = 全年执行数 / 全年预算数 from the unrounded amounts; score = round2(min(rate, 1) × w).
 */
import type Decimal from "decimal.js";
import type { CellGrid } from "../grid";
import { cellAt, gridColCount, toA1 } from "../grid";
import type { BudgetResult, Finding, FundsBlock, LocalizedText } from "../model";
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
import { numberAt, shownText, valueOf } from "./cells";

export interface BudgetEvaluation {
  result: BudgetResult;
  findings: Finding[];
  score: Decimal;
  weight: Decimal;
}

function positive(value: Decimal | null): value is Decimal {
  return value !== null && !value.isZero();
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

export function evaluateBudget(
  funds: FundsBlock | null,
  grid: CellGrid,
  profile: RuleProfile
): BudgetEvaluation | null {
  if (!funds || (!funds.totalRow && funds.subRows.length === 0)) return null;
  const cols = funds.columns;
  const tol = profile.mismatchTolerance;
  const totalRow = funds.totalRow;
  const mainRow = totalRow ? totalRow.row : funds.subRows[0].row;
  const denomCols = denominatorColumns(funds, profile);
  const amountCols = [...denomCols, ...(cols.executed !== null ? [cols.executed] : [])];
  const findings: Finding[] = [];

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

  if (useSubRows) {
    const col = cols.executed ?? denomCols[0] ?? cols.label;
    findings.push(
      makeFinding("BUDGET_TOTAL_MISMATCH", mainRow, col, {
        sum: formatQuantity(amount(cols.executed) ?? amount(denomCols[0] ?? null) ?? ZERO),
      })
    );
  }

  const denomCol = denomCols.find((c) => positive(amount(c))) ?? denomCols[0] ?? null;
  const denominator = amount(denomCol);
  const executed = amount(cols.executed);

  if (!useSubRows && totalRow && funds.subRows.length > 0) {
    for (const col of [denomCol, cols.executed]) {
      if (col === null) continue;
      const total = totalValue(col);
      const sum = subSum(col);
      if (total !== null && sum !== null && differs(total, sum, tol)) {
        findings.push(
          makeFinding("BUDGET_TOTAL_MISMATCH", totalRow.row, col, {
            variant: "differs",
            total: formatQuantity(total),
            sum: formatQuantity(sum),
          })
        );
      }
    }
  }

  const weightRead = valueOf(numberAt(grid, mainRow, cols.weight));
  const weight =
    weightRead !== null && !weightRead.isNegative() ? weightRead : dec(profile.budgetWeight);
  const w = formatScore(weight);

  let rate: Decimal | null = null;
  let score = ZERO;
  let explanation: LocalizedText;
  if (!positive(denominator)) {
    findings.push(
      makeFinding("MISSING_VALUE", mainRow, denomCol ?? cols.label, { variant: "budget" })
    );
    explanation = explain("budgetMissingDenominator");
  } else if (executed === null) {
    findings.push(
      makeFinding("MISSING_VALUE", mainRow, cols.executed ?? cols.label, { variant: "executed" })
    );
    explanation = explain("budgetMissingExecuted");
  } else {
    rate = executed.div(denominator);
    score = round2(clamp(smaller(rate, ONE).times(weight), ZERO, weight));
    const params = {
      executed: formatQuantity(executed),
      budget: formatQuantity(denominator),
      rate: formatPercent(rate),
      weight: w,
      score: formatScore(score),
    };
    explanation = explain(rate.gte(ONE) ? "budgetFull" : "budgetProportional", params);
  }
  if (useSubRows) explanation = concatText(explain("budgetFromSubRows"), explanation);

  const rateCell = cols.rate !== null ? cellAt(grid, mainRow, cols.rate) : null;
  const reportedRateText = rateCell ? shownText(rateCell) : "";
  const reportedScore = valueOf(numberAt(grid, mainRow, cols.score));

  if (rate !== null && denominator !== null && executed !== null) {
    if (rateCell && cols.rate !== null) {
      const printed = parseRate(rateCell);
      if (printed.kind === "number") {
        const printedPoints = round2(printed.value.times(HUNDRED));
        const ourPoints = round2(rate.times(HUNDRED));
        if (differs(printedPoints, ourPoints, tol)) {
          findings.push(
            makeFinding("RATE_MISMATCH", mainRow, cols.rate, {
              reported: reportedRateText,
              expected: formatPercent(rate),
              executed: formatQuantity(executed),
              budget: formatQuantity(denominator),
            })
          );
        }
      }
    }
    if (reportedScore !== null && cols.score !== null && differs(reportedScore, score, tol)) {
      findings.push(
        makeFinding("RATE_MISMATCH", mainRow, cols.score, {
          variant: "score",
          reported: formatQuantity(reportedScore),
          expected: formatScore(score),
        })
      );
    }
    const limit = profile.rateReasonBelow;
    if (limit !== null && rate.lt(limit) && !hasRateReason(grid, mainRow, funds)) {
      const col = cols.rate ?? cols.score ?? cols.executed ?? cols.label;
      findings.push(
        makeFinding("RATE_REASON_MISSING", mainRow, col, {
          rate: formatPercent(rate),
          limit: formatPercentShort(dec(limit)),
        })
      );
    }
  }

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
      explanation,
    },
    findings,
    score,
    weight,
  };
}

function smaller(a: Decimal, b: Decimal): Decimal {
  return a.lt(b) ? a : b;
}
