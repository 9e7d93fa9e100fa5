/**
 * Every sentence the engine shows a user, in zh-CN and en, with `{param}` placeholders.
 * Findings and explanations are built only from these templates (no ad-hoc strings elsewhere),
 * so both languages stay in step and a test can check every template.
 */
import { memoizeString } from "./memo";
import type { FindingCode, LocalizedText } from "./model";

export type MessageParams = Record<string, string | number>;
/** Explanation params may differ per language (e.g. "256人次" vs "256 人次"). */
export type LocalizedParams = Record<string, string | number | LocalizedText>;

/** Variants of one finding's message; every code has a `default`. */
export type FindingTemplates = { default: LocalizedText } & Record<string, LocalizedText>;

export const FINDING_MESSAGES: Record<FindingCode, FindingTemplates> = {
  SHORTFALL: {
    default: {
      "zh-CN":
        "{cell}：完成率 {completion}，未达到年度指标值 {target}，得分 {score}（分值 {weight}）；请核实实际完成值，并在偏差原因分析中说明原因及改进措施。",
      en: "{cell}: completion {completion}, below the annual target {target}; score {score} of {weight}. Check the actual value and explain the cause and remedy in the deviation analysis column.",
    },
    qualitative: {
      "zh-CN":
        "{cell}：定性指标“{actual}”未完全达成，得分 {score}（分值 {weight}）；请在偏差原因分析中说明原因及改进措施。",
      en: '{cell}: the qualitative result "{actual}" is not fully achieved; score {score} of {weight}. Explain the cause and remedy in the deviation analysis column.',
    },
    time: {
      "zh-CN":
        "{cell}：完成时间 {actual} 晚于目标 {target}，得分 {score}（分值 {weight}）；请在偏差原因分析中说明原因及改进措施。",
      en: "{cell}: completed {actual}, later than the target {target}; score {score} of {weight}. Explain the cause and remedy in the deviation analysis column.",
    },
  },
  OVER_TARGET: {
    default: {
      "zh-CN":
        "{cell}：完成率 {completion}，超出年度指标值 {target} 的 {over} 以上；目标可能定得偏低，请核实并在偏差原因分析中说明。",
      en: "{cell}: completion {completion}, more than {over} above the annual target {target}; the target may have been set too low. Check it and explain in the deviation analysis column.",
    },
    reverse: {
      "zh-CN":
        "{cell}：实际 {actual} 比上限 {target} 低 {over} 以上；目标可能定得偏宽，请核实并在偏差原因分析中说明。",
      en: "{cell}: the actual {actual} is more than {over} below the limit {target}; the limit may have been set too loose. Check it and explain in the deviation analysis column.",
    },
  },
  NOTE_MISSING: {
    default: {
      "zh-CN": "{cell}：偏差原因分析为空，请说明原因。",
      en: "{cell}: the deviation analysis is empty; explain the reason.",
    },
    overTarget: {
      "zh-CN": "{cell}：完成率 {completion}，超出目标 {over} 以上，请在偏差原因分析中说明原因。",
      en: "{cell}: completion {completion}, more than {over} above the target; explain the reason in the deviation analysis column.",
    },
    overTargetReverse: {
      "zh-CN": "{cell}：实际 {actual} 比上限 {target} 低 {over} 以上，请在偏差原因分析中说明原因。",
      en: "{cell}: the actual {actual} is more than {over} below the limit {target}; explain the reason in the deviation analysis column.",
    },
    shortfall: {
      "zh-CN":
        "{cell}：完成率 {completion}，未达到年度指标值，请在偏差原因分析中说明原因及改进措施。",
      en: "{cell}: completion {completion}, below the annual target; explain the cause and remedy in the deviation analysis column.",
    },
    shortfallQualitative: {
      "zh-CN": "{cell}：定性指标未完全达成（{actual}），请在偏差原因分析中说明原因及改进措施。",
      en: '{cell}: the qualitative result "{actual}" is not fully achieved; explain the cause and remedy in the deviation analysis column.',
    },
    late: {
      "zh-CN":
        "{cell}：完成时间 {actual} 晚于目标 {target}，请在偏差原因分析中说明原因及改进措施。",
      en: "{cell}: completed {actual}, later than the target {target}; explain the cause and remedy in the deviation analysis column.",
    },
  },
  LATE: {
    default: {
      "zh-CN": "{cell}：完成时间 {actual} 晚于目标 {target}，按 0 分计；请人工复核实际完成时间。",
      en: "{cell}: completed {actual}, later than the target {target}; scored 0. Review the completion date manually.",
    },
  },
  SCORE_MISMATCH: {
    default: {
      "zh-CN": "{cell}：表中得分 {reported} 与按规则计算的 {expected} 不符，请改为 {expected}。",
      en: "{cell}: the sheet says {reported} but the rules give {expected}; change it to {expected}.",
    },
  },
  RATE_MISMATCH: {
    default: {
      "zh-CN":
        "{cell}：表中执行率 {reported} 与 {executed} ÷ {budget} = {expected} 不符，请改为 {expected}。",
      en: "{cell}: the sheet says an execution rate of {reported} but {executed} ÷ {budget} = {expected}; change it to {expected}.",
    },
    score: {
      "zh-CN":
        "{cell}：表中预算执行得分 {reported} 与按执行率计算的 {expected} 不符，请改为 {expected}。",
      en: "{cell}: the sheet says a budget score of {reported} but the execution rate gives {expected}; change it to {expected}.",
    },
  },
  TOTAL_MISMATCH: {
    default: {
      "zh-CN": "{cell}：表中总分 {reported} 与各项得分合计 {expected} 不符，请改为 {expected}。",
      en: "{cell}: the sheet says a total of {reported} but the scores add up to {expected}; change it to {expected}.",
    },
  },
  GRADE_MISMATCH: {
    default: {
      "zh-CN":
        "{cell}：表中评价等级“{reported}”与总分 {total} 对应的等级“{expected}”不符，请改为“{expected}”。",
      en: '{cell}: the grade "{reported}" does not follow from the total {total}, which gives "{expected}"; change it to "{expected}".',
    },
  },
  WEIGHT_SUM: {
    default: {
      "zh-CN":
        "{cell}：预算执行分值 {budgetWeight} 与各指标分值合计 {indicatorWeight} 之和为 {sum}，应为 100；请核对各项分值。",
      en: "{cell}: the budget weight {budgetWeight} plus the indicator weights {indicatorWeight} make {sum}, not 100; check the weights.",
    },
    section: {
      "zh-CN": "{cell}：“{section}”标明 {declared} 分，但其下指标分值合计 {sum}；请核对分值。",
      en: '{cell}: "{section}" declares {declared} points but its indicator weights add up to {sum}; check the weights.',
    },
  },
  UNIT_MISMATCH: {
    default: {
      "zh-CN":
        "{cell}：实际完成值“{actual}”与年度指标值“{target}”的单位不一致（{actualUnit} / {targetUnit}），无法计算得分；请统一单位。",
      en: '{cell}: the actual "{actual}" and the target "{target}" use different units ({actualUnit} / {targetUnit}), so no score was computed; use one unit.',
    },
    kind: {
      "zh-CN":
        "{cell}：实际完成值“{actual}”与年度指标值“{target}”无法比较（一个是时间，一个是数量），无法计算得分；请统一写法。",
      en: '{cell}: the actual "{actual}" cannot be compared with the target "{target}" (one is a date, the other a quantity), so no score was computed; write both the same way.',
    },
  },
  UNPARSEABLE: {
    default: {
      "zh-CN":
        "{cell}：无法识别“{text}”，未计算得分，保留表中得分 {reported}；请改为数值、日期或“达成/部分达成/未达成”。",
      en: '{cell}: "{text}" cannot be read, so no score was computed and the reported score {reported} is kept; write a number, a date or 达成/部分达成/未达成.',
    },
    noReported: {
      "zh-CN":
        "{cell}：无法识别“{text}”，未计算得分，表中也未填得分；请改为数值、日期或“达成/部分达成/未达成”。",
      en: '{cell}: "{text}" cannot be read and no score was reported; write a number, a date or 达成/部分达成/未达成.',
    },
    weight: {
      "zh-CN": "{cell}：分值“{text}”无法识别；请填写数字分值。",
      en: '{cell}: the weight "{text}" cannot be read; write a number.',
    },
  },
  MISSING_VALUE: {
    default: {
      "zh-CN": "{cell}：单元格为空，无法计算得分；请填写。",
      en: "{cell}: the cell is empty, so no score was computed; fill it in.",
    },
    target: {
      "zh-CN": "{cell}：年度指标值为空，无法计算得分；请填写年度指标值。",
      en: "{cell}: the annual target is empty, so no score was computed; fill it in.",
    },
    actual: {
      "zh-CN": "{cell}：实际完成值为空，无法计算得分；请填写实际完成值。",
      en: "{cell}: the actual value is empty, so no score was computed; fill it in.",
    },
    weight: {
      "zh-CN": "{cell}：分值为空，无法计算得分；请填写分值。",
      en: "{cell}: the weight is empty, so no score was computed; fill it in.",
    },
    budget: {
      "zh-CN": "{cell}：预算数为空或为 0，执行率按 0 计；请填写全年预算数（或年初预算数）。",
      en: "{cell}: the budget is empty or 0, so the execution rate counts as 0; fill in the budget.",
    },
    executed: {
      "zh-CN": "{cell}：全年执行数为空，执行率按 0 计；请填写全年执行数。",
      en: "{cell}: the amount spent is empty, so the execution rate counts as 0; fill it in.",
    },
  },
  BUDGET_TOTAL_MISMATCH: {
    default: {
      "zh-CN":
        "{cell}：年度资金总额为空或为 0，分项合计为 {sum}；已按分项合计计算执行率，请补填年度资金总额。",
      en: "{cell}: the annual funds total is empty or 0 while the sub-rows add up to {sum}; the rate uses the sum. Fill in the total.",
    },
    differs: {
      "zh-CN":
        "{cell}：年度资金总额 {total} 与分项合计 {sum}（财政拨款 + 上年结转资金 + 其他资金）不符；请核对资金数。",
      en: "{cell}: the annual funds total {total} differs from the sum of its sub-rows {sum}; check the amounts.",
    },
  },
  QUALITATIVE_REVIEW: {
    default: {
      "zh-CN":
        "{cell}：定性指标评为“{tier}”，表中得分 {reported} 不在该档区间 {band} 内，已按默认 {score} 分计；请确认得分。",
      en: '{cell}: rated "{tierEn}" ({tier}); the reported score {reported} lies outside the band {band}, so the default {score} was used. Confirm the score.',
    },
    noReported: {
      "zh-CN": "{cell}：定性指标评为“{tier}”，表中未填得分，已按默认 {score} 分计；请确认得分。",
      en: '{cell}: rated "{tierEn}" ({tier}) with no reported score, so the default {score} was used. Confirm the score.',
    },
  },
  UNIT_ASSUMED: {
    default: {
      "zh-CN":
        "{cell}：实际完成值 {actual} 未写单位或数量级，按 {reading} 计（与年度指标值 {target} 相比最接近 100%）；如不对，请补写单位。",
      en: "{cell}: the actual {actual} has no unit or multiplier; read as {reading} (the reading closest to 100% of the target {target}). If that is wrong, write the unit.",
    },
    rate: {
      "zh-CN":
        "{cell}：{actual} 既可读作 {reading}，也可读作 {other}；按 {reading} 计（与年度指标值 {target} 相比最接近 100%）。如不对，请写明百分号。",
      en: "{cell}: {actual} could mean {reading} or {other}; read as {reading} (the reading closest to 100% of the target {target}). If that is wrong, write the percent sign.",
    },
  },
  BREAKDOWN_SUM: {
    default: {
      "zh-CN": "{cell}：下方“其中”各项合计 {sum}，与本行 {value} 不一致；请核对。",
      en: "{cell}: the breakdown rows below add up to {sum}, not this row's {value}; please check.",
    },
  },
  NOT_APPLICABLE: {
    default: {
      "zh-CN":
        "{cell}：本行标为不适用，不计分；其余指标得分按 {base} 分折算为 100 分（系数 {factor}）。如本行其实适用，请填写实际完成值。",
      en: "{cell}: this row is marked not applicable and is not scored; the other scores are rescaled from {base} to 100 (factor {factor}). If the row does apply, fill in its actual value.",
    },
  },
  RATE_REASON_MISSING: {
    default: {
      "zh-CN": "{cell}：预算执行率 {rate} 低于 {limit}，请说明原因。",
      en: "{cell}: the budget execution rate {rate} is below {limit}; give the reason.",
    },
  },
  FORMULA_KEPT: {
    default: {
      "zh-CN":
        "{cell}：该单元格是公式，未覆盖；按规则应为 {value}，请核对公式，或在设置中允许替换公式。",
      en: "{cell}: this cell holds a formula and was not overwritten; the rules give {value}. Check the formula, or allow replacing formulas in the settings.",
    },
  },
};

/** Building blocks of row and budget explanations. */
export const EXPLANATIONS = {
  met: {
    "zh-CN": "{actual} ≥ {target}（{completion}）；得分 = 分值 {weight}",
    en: "{actual} ≥ {target} ({completion}); score = full weight {weight}",
  },
  proportional: {
    "zh-CN": "{actual} ÷ {target} = {completion}；得分 = {weight} × {completion} = {score}",
    en: "{actual} ÷ {target} = {completion}; score = {weight} × {completion} = {score}",
  },
  zeroTargetGe: {
    "zh-CN": "年度指标值为 0，完成值 {actual} 即达标；得分 = 分值 {weight}",
    en: "the target is 0, so {actual} meets it; score = full weight {weight}",
  },
  zeroTargetMet: {
    "zh-CN": "{actual} = 0，与年度指标值 0 一致；得分 = 分值 {weight}",
    en: "{actual} = 0, as the target requires; score = full weight {weight}",
  },
  zeroTargetMissed: {
    "zh-CN": "年度指标值为 0，实际 {actual} 不为 0；得分 = 0",
    en: "the target is 0 but the actual is {actual}; score = 0",
  },
  gtZeroMet: {
    "zh-CN": "{actual} > 0；得分 = 分值 {weight}",
    en: "{actual} > 0; score = full weight {weight}",
  },
  gtZeroMissed: {
    "zh-CN": "年度指标值要求大于 0，实际 {actual}；得分 = 0",
    en: "the target requires more than 0, the actual is {actual}; score = 0",
  },
  leMet: {
    "zh-CN": "{actual} ≤ {target}，未超出上限；得分 = 分值 {weight}",
    en: "{actual} ≤ {target}, within the limit; score = full weight {weight}",
  },
  leRatio: {
    "zh-CN":
      "{actual} > {target}；{target} ÷ {actual} = {completion}；得分 = {weight} × {completion} = {score}",
    en: "{actual} > {target}; {target} ÷ {actual} = {completion}; score = {weight} × {completion} = {score}",
  },
  leLinear: {
    "zh-CN":
      "{actual} > {target}；2 − {actual} ÷ {target} = {completion}；得分 = {weight} × {completion} = {score}",
    en: "{actual} > {target}; 2 − {actual} ÷ {target} = {completion}; score = {weight} × {completion} = {score}",
  },
  leLinearZero: {
    "zh-CN": "{actual} 达到上限 {target} 的 2 倍及以上；得分 = 0",
    en: "{actual} is at least twice the limit {target}; score = 0",
  },
  timeMet: {
    "zh-CN": "完成时间 {actual} 不晚于 {target}；得分 = 分值 {weight}",
    en: "completed {actual}, not later than {target}; score = full weight {weight}",
  },
  timeLate: {
    "zh-CN": "完成时间 {actual} 晚于 {target}；得分 = 0（需人工复核）",
    en: "completed {actual}, later than {target}; score = 0 (manual review)",
  },
  negativeActual: {
    "zh-CN": "实际值为负数，按 0 计；",
    en: "a negative actual counts as 0; ",
  },
  qualitativeKept: {
    "zh-CN": "定性评价“{actual}”属“{tier}”档（区间 {band}）；保留表中得分 {score}",
    en: 'qualitative result "{actual}" is in the "{tier}" tier (band {band}); the reported score {score} is kept',
  },
  qualitativeDefault: {
    "zh-CN":
      "定性评价“{actual}”属“{tier}”档（区间 {band}）；表中得分 {reported} 不在区间内，得分 = {weight} × {fraction} = {score}",
    en: 'qualitative result "{actual}" is in the "{tier}" tier (band {band}); the reported score {reported} is outside the band, so score = {weight} × {fraction} = {score}',
  },
  qualitativeDefaultEmpty: {
    "zh-CN":
      "定性评价“{actual}”属“{tier}”档（区间 {band}）；表中未填得分，得分 = {weight} × {fraction} = {score}",
    en: 'qualitative result "{actual}" is in the "{tier}" tier (band {band}); no score was reported, so score = {weight} × {fraction} = {score}',
  },
  tierAchieved: { "zh-CN": "达成", en: "achieved" },
  tierPartial: { "zh-CN": "部分达成", en: "partly achieved" },
  tierNotAchieved: { "zh-CN": "未达成", en: "not achieved" },
  notScoredKept: {
    "zh-CN": "{reason}，未计算得分；计入表中得分 {reported}",
    en: "{reason}; not scored, the reported score {reported} counts",
  },
  notApplicable: {
    "zh-CN": "本行标为不适用，不计分；总分按其余指标折算为 100 分",
    en: "marked not applicable: not scored; the total is rescaled to 100 over the other rows",
  },
  notScoredNone: {
    "zh-CN": "{reason}，未计算得分；表中也未填得分",
    en: "{reason}; not scored and no score was reported",
  },
  reasonMissingTarget: { "zh-CN": "年度指标值为空", en: "the annual target is empty" },
  reasonMissingActual: { "zh-CN": "实际完成值为空", en: "the actual value is empty" },
  reasonMissingWeight: { "zh-CN": "分值为空", en: "the weight is empty" },
  reasonBadWeight: { "zh-CN": "分值“{text}”无法识别", en: 'the weight "{text}" cannot be read' },
  reasonUnparseable: { "zh-CN": "无法识别“{text}”", en: '"{text}" cannot be read' },
  reasonUnitMismatch: {
    "zh-CN": "单位不一致（年度指标值 {targetUnit}，实际完成值 {actualUnit}）",
    en: "the units differ (target {targetUnit}, actual {actualUnit})",
  },
  reasonKindMismatch: {
    "zh-CN": "年度指标值与实际完成值一个是时间、一个是数量",
    en: "one of target and actual is a date, the other a quantity",
  },
  noUnit: { "zh-CN": "无单位", en: "no unit" },
  budgetProportional: {
    "zh-CN": "{executed} ÷ {budget} = {rate}；得分 = {weight} × {rate} = {score}",
    en: "{executed} ÷ {budget} = {rate}; score = {weight} × {rate} = {score}",
  },
  budgetFull: {
    "zh-CN": "{executed} ÷ {budget} = {rate}，不低于 100%；得分 = 分值 {weight}",
    en: "{executed} ÷ {budget} = {rate}, at least 100%; score = full weight {weight}",
  },
  budgetMissingDenominator: {
    "zh-CN": "预算数为空或为 0，执行率按 0 计；得分 = 0",
    en: "the budget is empty or 0, so the rate counts as 0; score = 0",
  },
  budgetMissingExecuted: {
    "zh-CN": "全年执行数为空，执行率按 0 计；得分 = 0",
    en: "the amount spent is empty, so the rate counts as 0; score = 0",
  },
  budgetFromSubRows: {
    "zh-CN": "年度资金总额为空，按分项合计计算：",
    en: "the total row is empty, so the sub-rows are summed: ",
  },
} satisfies Record<string, LocalizedText>;

export type ExplanationKey = keyof typeof EXPLANATIONS;

/**
 * A template split at its placeholders: literal text at even indexes, param names at odd ones.
 * Templates are a fixed set, split once each instead of scanned by a regex for every message.
 */
const templateParts = memoizeString((template) => template.split(/\{(\w+)\}/), 1000, 2000);

/** Replace `{name}`; a missing param stays visible as `{name}` so tests catch it. */
export function interpolate(template: string, params: MessageParams): string {
  return interpolateIn(template, params, "zh-CN");
}

/**
 * interpolate() for one language of localized params: a param given per language reads its `lang`
 * text. Reads the params in place rather than building a per-language copy of them for each text.
 */
function interpolateIn(
  template: string,
  params: LocalizedParams,
  lang: keyof LocalizedText
): string {
  const parts = templateParts(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    if (Object.prototype.hasOwnProperty.call(params, name)) {
      const value = params[name];
      out += typeof value === "object" ? value[lang] : String(value);
    } else {
      out += `{${name}}`;
    }
    out += parts[i + 1];
  }
  return out;
}

export function renderLocalized(template: LocalizedText, params: LocalizedParams): LocalizedText {
  return {
    "zh-CN": interpolateIn(template["zh-CN"], params, "zh-CN"),
    en: interpolateIn(template.en, params, "en"),
  };
}

export function explain(key: ExplanationKey, params: LocalizedParams = {}): LocalizedText {
  return renderLocalized(EXPLANATIONS[key], params);
}

/** Join explanation pieces without a separator (prefixes carry their own punctuation). */
export function concatText(...parts: LocalizedText[]): LocalizedText {
  return {
    "zh-CN": parts.map((p) => p["zh-CN"]).join(""),
    en: parts.map((p) => p.en).join(""),
  };
}
