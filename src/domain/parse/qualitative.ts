/**
 * The three qualitative tiers of RULES A4, recognised from the words an actual value uses.
 */
import { normalizeLabel } from "./normalize";
import { toSimplified } from "./simplified";

export type QualitativeTier = "achieved" | "partial" | "notAchieved";

/**
 * Tier words. `phrases` match anywhere in the text; `exact` words are single characters (优, 中, 差…)
 * that appear inside unrelated words (中心, 差异) and so count only when they are the whole value.
 * Entries after the "beyond A4" comment are common synonyms not in the printed table.
 */
export const QUALITATIVE_WORDS: Readonly<
  Record<
    QualitativeTier,
    { readonly phrases: readonly string[]; readonly exact: readonly string[] }
  >
> = {
  achieved: {
    phrases: [
      "达成预期指标",
      "达成年度指标",
      "已达成",
      "达成",
      "已完成",
      "按时完成",
      "完成",
      "显著提升",
      "效果明显",
      "显著",
      "明显",
      "有效",
      "良好",
      "合格",
      "符合相关规定",
      "符合",
      // beyond A4
      "达到预期",
      "优秀",
      "满意",
    ],
    exact: ["好", "是", "优"],
  },
  partial: {
    phrases: [
      "部分达成年度指标并具有一定效果",
      "部分达成",
      "基本达成",
      "基本完成",
      "较好",
      "一般",
      // beyond A4
      "部分完成",
      "基本符合",
      "基本满意",
      "较满意",
      "比较满意",
    ],
    exact: ["良", "中"],
  },
  notAchieved: {
    phrases: [
      "未达成年度指标且效果较差",
      "未达成",
      "未完成",
      "较差",
      "无效",
      // beyond A4
      "未达到",
      "没有达到",
      "没有完成",
      "不合格",
      "不符合",
      "不满意",
      "不明显",
      "不显著",
    ],
    exact: ["否", "差", "低"],
  },
};

/** Negations that flip an achieved word written right after them (未按时完成, 不明显, 没有效果). */
const NEGATION = /(未|不|没有|没|无|非)$/;

function clean(text: string): string {
  return toSimplified(normalizeLabel(text)).replace(
    /[。，、；：！？!?,.;:"'“”‘’()[\]【】《》]/g,
    ""
  );
}

function containsUnnegated(text: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return false;
    if (!NEGATION.test(text.slice(Math.max(0, at - 2), at))) return true;
    from = at + 1;
  }
}

function containsNegated(text: string, phrase: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(phrase, from);
    if (at < 0) return false;
    if (NEGATION.test(text.slice(Math.max(0, at - 2), at))) return true;
    from = at + 1;
  }
}

/**
 * The tier a qualitative value names, or null when it names none. Negative words are checked
 * first (未达成 contains 达成), then partial ones (基本完成 contains 完成), then achieved ones,
 * which count only when not negated (未按时完成, 不明显).
 */
export function classifyQualitative(text: string): QualitativeTier | null {
  let t: string;
  try {
    t = clean(typeof text === "string" ? text : "");
  } catch {
    return null;
  }
  if (t === "") return null;
  const words = QUALITATIVE_WORDS;
  if (words.notAchieved.exact.includes(t)) return "notAchieved";
  if (words.partial.exact.includes(t)) return "partial";
  if (words.achieved.exact.includes(t)) return "achieved";
  if (words.notAchieved.phrases.some((p) => t.includes(p))) return "notAchieved";
  if (words.achieved.phrases.some((p) => containsNegated(t, p))) return "notAchieved";
  if (words.partial.phrases.some((p) => containsUnnegated(t, p))) return "partial";
  if (words.achieved.phrases.some((p) => containsUnnegated(t, p))) return "achieved";
  return null;
}
