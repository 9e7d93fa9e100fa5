/**
 * Header and label vocabulary (RULES A1), as label keys (see labels.ts). Matching is exact on the
 * key or on the key without its trailing bracketed qualifier, so "指标值" never matches "年度指标值".
 */
import type { FundsRowKind } from "../model";
import { memoizeString } from "../memo";
import { bareKey } from "./labels";

export type IndicatorRole =
  | "level1"
  | "level2"
  | "level3"
  | "target"
  | "actual"
  | "weight"
  | "score"
  | "note"
  | "nature"
  | "unit";

const INDICATOR_HEADERS: Record<IndicatorRole, string[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标", "三级指标名称", "指标名称", "绩效指标名称"],
  target: [
    "年度指标值",
    "年度目标值",
    "指标值",
    "全年指标值",
    "目标值",
    "预期指标值",
    "年度预期指标值",
  ],
  actual: [
    "实际完成值",
    "全年实际值",
    "实际值",
    "完成值",
    "实际完成情况",
    "全年实际完成值",
    "实际完成指标值",
  ],
  weight: ["分值", "权重", "指标分值", "权重分值"],
  score: ["得分", "自评得分", "实际得分", "评分"],
  note: [
    "偏差原因分析及改进措施",
    "未完成原因分析",
    "未完成原因及拟采取的改进措施",
    "偏差原因及改进措施",
    "偏差原因分析",
    "未完成原因分析及改进措施",
  ],
  nature: ["指标性质"],
  unit: ["度量单位", "计量单位", "单位"],
};

/** Note headers vary in their tail ("…改进措施", "…整改措施"): their head is enough. */
const NOTE_PREFIXES = ["偏差原因", "未完成原因"];

const INDICATOR_LOOKUP = new Map<string, IndicatorRole>();
for (const [role, names] of Object.entries(INDICATOR_HEADERS) as [IndicatorRole, string[]][]) {
  for (const name of names) INDICATOR_LOOKUP.set(name, role);
}

export function indicatorRole(key: string): IndicatorRole | null {
  const direct = INDICATOR_LOOKUP.get(key) ?? INDICATOR_LOOKUP.get(bareKey(key));
  if (direct) return direct;
  if (NOTE_PREFIXES.some((p) => key.startsWith(p))) return "note";
  return null;
}

export type FundsRole = "initial" | "adjusted" | "executed" | "weight" | "rate" | "score";

const FUNDS_HEADERS: Record<FundsRole, string[]> = {
  initial: ["年初预算数", "年初预算", "年初预算金额"],
  adjusted: ["全年预算数", "调整后预算数", "预算数", "全年预算", "调整后预算"],
  executed: ["全年执行数", "预算执行数", "执行数", "全年执行", "实际执行数", "全年实际执行数"],
  weight: ["分值", "权重"],
  rate: ["执行率", "预算执行率", "全年执行率"],
  score: ["得分", "自评得分"],
};

const FUNDS_LOOKUP = new Map<string, FundsRole>();
for (const [role, names] of Object.entries(FUNDS_HEADERS) as [FundsRole, string[]][]) {
  for (const name of names) FUNDS_LOOKUP.set(name, role);
}

export function fundsRole(key: string): FundsRole | null {
  return FUNDS_LOOKUP.get(key) ?? FUNDS_LOOKUP.get(bareKey(key)) ?? null;
}

/** The funds block's label cell: 项目资金（万元）, 项目资金（元）, 项目资金. */
export function isFundsLabel(key: string): boolean {
  return /^项目资金/.test(key) || /^资金情况/.test(key);
}

/**
 * The kind of a funds-block row label, ignoring the 其中 prefix. Cached: the funds search reads
 * every cell of the rows under the funds header, each through several patterns.
 */
export const fundsRowKind: (key: string) => FundsRowKind | null = memoizeString((key) => {
  const k = bareKey(key.replace(/^其中[:：]?/, ""));
  if (/^(年度)?(资金)?(总额|合计)$/.test(k) || /^(年度)?资金总额/.test(k)) return "total";
  if (/^(当年|本年|本级)?财政(拨款|资金)/.test(k)) return "fiscal";
  if (/^上年结转/.test(k)) return "carryover";
  if (/^其他资金/.test(k)) return "other";
  return null;
});

/** The footer row of the indicator table. */
const TOTAL_LABELS = new Set([
  "总分",
  "合计",
  "总计",
  "总得分",
  "综合得分",
  "得分合计",
  "分值合计",
  "合计得分",
  "总分值",
  "总分合计",
  "自评总分",
]);

/** Exact labels only: an indicator may well be named 合计完成… */
export function isTotalLabel(key: string): boolean {
  return TOTAL_LABELS.has(bareKey(key));
}

const GRADE_LABELS = new Set([
  "评价等级",
  "自评等级",
  "等级",
  "绩效等级",
  "绩效评价等级",
  "自评结果等级",
  "评定等级",
]);

export function isGradeLabel(key: string): boolean {
  return GRADE_LABELS.has(bareKey(key));
}

const GRADE_WORDS = new Set(["优", "良", "中", "差", "优秀", "良好"]);

export function isGradeWord(key: string): boolean {
  return GRADE_WORDS.has(key);
}

/** The sign-off lines printed under a form (and between stacked forms): 填表人、联系电话、填报日期 … */
const FOOTER_LABEL =
  /^(填表人|填报人|联系电话|联系人|填报日期|填表日期|单位负责人|财务负责人|项目负责人|审核人|制表人)/;

export function isFooterLabel(key: string): boolean {
  return FOOTER_LABEL.test(key);
}

/** A form's title line: 项目支出绩效自评表, 部门整体支出绩效自评表 … */
export function isFormTitle(key: string): boolean {
  return key.endsWith("自评表") && key.length <= 30;
}

export function isProjectNameLabel(key: string): boolean {
  return bareKey(key) === "项目名称";
}
