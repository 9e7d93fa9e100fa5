/**
 * Comparators written before a value (symbols or phrases) and after it (以上, 以内, 以下), RULES A2.3.
 * Works on text already normalised with normalizeLabel (NFKC, no spaces): ＞＝ is then ">=", ﹦ and ＝ are "=".
 */
import type { Comparator } from "../model";

/** Leading symbols, longest first so ">=" is not read as ">". */
export const LEADING_SYMBOLS: ReadonlyArray<readonly [string, Comparator]> = [
  [">=", "GE"],
  ["<=", "LE"],
  ["≥", "GE"],
  ["≧", "GE"],
  ["⩾", "GE"],
  ["≤", "LE"],
  ["≦", "LE"],
  ["⩽", "LE"],
  [">", "GT"],
  ["<", "LT"],
  ["=", "EQ"],
  ["═", "EQ"],
  ["﹦", "EQ"],
  ["＝", "EQ"],
];

/**
 * Leading phrases. The first block is RULES A2.3; the rest are everyday synonyms of the same
 * comparators, listed longest first so 不低于 is not read as 低于.
 */
export const LEADING_PHRASES: ReadonlyArray<readonly [string, Comparator]> = [
  ["不少于", "GE"],
  ["不低于", "GE"],
  ["至少", "GE"],
  ["不超过", "LE"],
  ["不高于", "LE"],
  ["不大于", "LE"],
  ["控制在", "LE"],
  // synonyms beyond A2.3
  ["大于或等于", "GE"],
  ["大于等于", "GE"],
  ["小于或等于", "LE"],
  ["小于等于", "LE"],
  ["不多于", "LE"],
  ["不晚于", "LE"],
  ["不迟于", "LE"],
  ["最多", "LE"],
  ["至多", "LE"],
  ["大于", "GT"],
  ["高于", "GT"],
  ["多于", "GT"],
  ["超过", "GT"],
  ["小于", "LT"],
  ["低于", "LT"],
  ["少于", "LT"],
  ["等于", "EQ"],
];

/** Words that may precede a value without changing its meaning (约300人, 达到95%). */
export const NEUTRAL_LEADS: readonly string[] = [
  "达到",
  "累计",
  "合计",
  "共计",
  "大约",
  "≈",
  "全年",
  "约",
  "达",
  "共",
];

/** Trailing phrases, longest first. "以上" = GE; "以内"/"以下" = LE (A2.3). */
export const TRAILING_PHRASES: ReadonlyArray<readonly [string, Comparator]> = [
  ["及以上", "GE"],
  ["及以下", "LE"],
  ["以上", "GE"],
  ["以内", "LE"],
  ["以下", "LE"],
];

/** Trailing decorations with no effect on the comparison: "(含)" marks an inclusive bound, 左右 ≈. */
const TRAILING_NOISE = ["(含)", "左右"];

export interface ComparatorSplit {
  comparator: Comparator | null;
  /** The value text left once the comparator words are removed. */
  core: string;
}

function stripLeading(text: string): { comparator: Comparator | null; rest: string } {
  let rest = text;
  let comparator: Comparator | null = null;
  // A few passes: "控制在≤…", "约≥…" and similar stacks.
  for (let pass = 0; pass < 4; pass++) {
    let matched = false;
    for (const [sym, cmp] of LEADING_SYMBOLS) {
      if (rest.startsWith(sym)) {
        comparator = comparator ?? cmp;
        rest = rest.slice(sym.length);
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (const [phrase, cmp] of LEADING_PHRASES) {
      if (rest.startsWith(phrase)) {
        comparator = comparator ?? cmp;
        rest = rest.slice(phrase.length);
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (const word of NEUTRAL_LEADS) {
      if (rest.startsWith(word) && rest.length > word.length) {
        rest = rest.slice(word.length);
        matched = true;
        break;
      }
    }
    if (!matched) break;
  }
  return { comparator, rest };
}

function stripTrailing(text: string): { comparator: Comparator | null; rest: string } {
  let rest = text;
  let comparator: Comparator | null = null;
  for (let pass = 0; pass < 3; pass++) {
    let matched = false;
    for (const noise of TRAILING_NOISE) {
      if (rest.endsWith(noise) && rest.length > noise.length) {
        rest = rest.slice(0, -noise.length);
        matched = true;
      }
    }
    for (const [phrase, cmp] of TRAILING_PHRASES) {
      if (rest.endsWith(phrase) && rest.length > phrase.length) {
        comparator = comparator ?? cmp;
        rest = rest.slice(0, -phrase.length);
        matched = true;
        break;
      }
    }
    if (!matched) break;
  }
  return { comparator, rest };
}

/**
 * Split "≥30万人", "不少于95%", "控制在200万元以内", "300人以上" into comparator and core.
 * A leading comparator wins over a trailing one ("≥90%以上" is GE either way).
 */
export function splitComparator(compact: string): ComparatorSplit {
  const lead = stripLeading(compact);
  const trail = stripTrailing(lead.rest);
  return { comparator: lead.comparator ?? trail.comparator, core: trail.rest };
}
