/** How the pane prints numbers: scores and rates with two decimals, half-up, like the sheet. */
import { formatNumber } from "../domain/format";

export const NONE = "—";

export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? NONE : formatNumber(value, "0.00");
}

/** A fraction (0.99821…) as a percentage with two decimals (99.82%). */
export function formatPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? NONE : formatNumber(fraction, "0.00%");
}
