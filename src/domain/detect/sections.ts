/**
 * Section weights declared in 一级 labels: 产出指标（50）, 效益指标(30分), 满意度指标（10分）, and the
 * lost-bracket 效益指标30分). Works on label keys (NFKC, so brackets are ASCII).
 */
import Decimal from "decimal.js";
import { memoizeString } from "../memo";

const DECLARED_WEIGHT = /^(.*?指标)\(?(\d+(?:\.\d+)?)分?\)?$/;

/** Cached: the rules ask again for every row of a section. Results are frozen (Decimals never change). */
export const declaredSectionWeight: (
  key: string
) => Readonly<{ name: string; weight: Decimal }> | null = memoizeString((key) => {
  const m = DECLARED_WEIGHT.exec(key);
  if (!m) return null;
  return Object.freeze({ name: m[1], weight: new Decimal(m[2]) });
});
