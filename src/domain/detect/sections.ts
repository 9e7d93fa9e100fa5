/**
 * Section weights declared in 一级 labels: 产出指标（50）, 效益指标(30分), 满意度指标（10分）, and the
 * lost-bracket 效益指标30分). Works on label keys (NFKC, so brackets are ASCII).
 */
import Decimal from "decimal.js";

const DECLARED_WEIGHT = /^(.*?指标)\(?(\d+(?:\.\d+)?)分?\)?$/;

export function declaredSectionWeight(key: string): { name: string; weight: Decimal } | null {
  const m = DECLARED_WEIGHT.exec(key);
  if (!m) return null;
  return { name: m[1], weight: new Decimal(m[2]) };
}
