/**
 * The comparator a row uses when its target names none (RULES A2.3): EQ, except a 成本指标 row
 * (a cost ceiling, LE) and a deadline under 时效指标 (LE).
 */
import type { Comparator } from "../model";
import { normalizeLabel } from "../parse";

/** Units that make a number under 时效指标 a deadline ("30天", "6个月"). */
const TIME_UNITS = new Set([
  "天",
  "日",
  "个工作日",
  "工作日",
  "月",
  "个月",
  "年",
  "周",
  "小时",
  "分钟",
]);

export function isCostRow(level2: string): boolean {
  return normalizeLabel(level2).includes("成本");
}

export function isTimelinessRow(level2: string): boolean {
  const label = normalizeLabel(level2);
  return label.includes("时效") || label.includes("時效");
}

export function resolveComparator(
  written: Comparator | null,
  level2: string,
  options: { isTime: boolean; unit: string }
): Comparator {
  if (written) return written;
  if (isCostRow(level2)) return "LE";
  if (isTimelinessRow(level2) && (options.isTime || TIME_UNITS.has(options.unit))) return "LE";
  return "EQ";
}
