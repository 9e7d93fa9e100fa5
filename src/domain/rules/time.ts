/**
 * Time rows (RULES A2.8, A3): a deadline is met when the actual date or month is not later than
 * the target. Late rows score 0 and are flagged LATE for manual review.
 */
import type { TimePoint } from "../model";
import { timeOrdinal } from "../parse";

export function isLate(target: TimePoint, actual: TimePoint): boolean {
  // A side without a year borrows the other side's, so 2023年12月 vs 10月 compares within 2023.
  const t = timeOrdinal(target, actual.year);
  const a = timeOrdinal(actual, target.year);
  return a > t;
}
