/**
 * Rule profiles: the default `mof-2020` (RULES Part A) and the Part B variants, as plain data.
 * Anything that comes from outside (a JSON file, a host setting, `{...profile, x}`) goes through
 * loadProfile(), which rejects bad data with a message naming the field.
 */
import type { RuleProfile } from "./profile-types";

export const DEFAULT_PROFILE: RuleProfile = Object.freeze({
  id: "mof-2020",
  name: {
    "zh-CN": "财政部 2020 默认规则（财预〔2020〕10号）",
    en: "Ministry of Finance 2020 default",
  },
  reverseRule: "ratio",
  qualitativeBands: { achieved: 0.8, partial: 0.6 },
  qualitativeDefaults: { achieved: 1, partial: 0.7, notAchieved: 0.3 },
  budgetWeight: 10,
  budgetDenominator: "adjusted",
  overTargetThreshold: 1.3,
  overTargetSeverity: "warning",
  rateReasonBelow: null,
  gradeBands: { excellent: 90, good: 80, pass: 60 },
  mismatchTolerance: 0.005,
  notApplicable: "keep",
}) as RuleProfile;

function variant(
  id: string,
  zh: string,
  en: string,
  changes: Partial<Omit<RuleProfile, "id" | "name">>
): RuleProfile {
  return Object.freeze({ ...DEFAULT_PROFILE, ...changes, id, name: { "zh-CN": zh, en } });
}

export const PROFILES: readonly RuleProfile[] = Object.freeze([
  DEFAULT_PROFILE,
  variant(
    "linear-reverse",
    "一体化系统：反向指标线性扣分",
    "Integrated system: linear reverse rule",
    {
      reverseRule: "linear",
    }
  ),
  variant("tiers-80-50", "定性分档 80/50", "Qualitative tiers 80/50", {
    qualitativeBands: { achieved: 0.8, partial: 0.5 },
  }),
  variant("budget-20", "预算执行 20 分", "Budget execution weight 20", { budgetWeight: 20 }),
  variant(
    "sichuan",
    "四川：调整后预算数，执行率低于 90% 须说明",
    "Sichuan: adjusted budget, reason below 90%",
    {
      budgetDenominator: "adjusted",
      rateReasonBelow: 0.9,
    }
  ),
  variant(
    "jinan-beijing",
    "济南/北京：年初预算数，定性分档 80/50",
    "Jinan/Beijing: initial budget, tiers 80/50",
    {
      budgetDenominator: "initial",
      qualitativeBands: { achieved: 0.8, partial: 0.5 },
    }
  ),
  variant(
    "rescale-na",
    "不适用指标剔除，其余按 100 分折算",
    "Not-applicable rows dropped, the rest rescaled to 100",
    { notApplicable: "rescale" }
  ),
  variant("guangxi", "广西：超目标 30% 必须说明", "Guangxi: over-target note mandatory", {
    overTargetSeverity: "error",
  }),
]);

export function getProfile(id: string): RuleProfile {
  const found = PROFILES.find((p) => p.id === id);
  if (!found) {
    throw new Error(
      `Unknown rule profile "${id}". Known profiles: ${PROFILES.map((p) => p.id).join(", ")}`
    );
  }
  return found;
}

export class ProfileError extends Error {
  constructor(
    readonly field: string,
    detail: string
  ) {
    super(`Invalid rule profile: ${field} ${detail}`);
    this.name = "ProfileError";
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return value === undefined ? "nothing" : JSON.stringify(value);
}

function object(parent: Json, key: string, path: string): Json {
  const value = parent[key];
  if (!isObject(value)) throw new ProfileError(path, `must be an object (got ${show(value)})`);
  return value;
}

function num(parent: Json, key: string, path: string): number {
  const value = parent[key];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new ProfileError(path, `must be a finite number (got ${show(value)})`);
  }
  return value;
}

function text(parent: Json, key: string, path: string): string {
  const value = parent[key];
  if (typeof value !== "string" || value.trim() === "") {
    throw new ProfileError(path, `must be a non-empty string (got ${show(value)})`);
  }
  return value;
}

function oneOf<T extends string>(
  parent: Json,
  key: string,
  path: string,
  allowed: readonly T[]
): T {
  const value = parent[key];
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new ProfileError(path, `must be one of ${allowed.join(" | ")} (got ${show(value)})`);
  }
  return value as T;
}

function check(ok: boolean, field: string, detail: string): void {
  if (!ok) throw new ProfileError(field, detail);
}

/**
 * Validate profile data. A JSON file may name a built-in profile in `extends` and give only the
 * fields it changes; nested objects are then merged one level deep.
 */
export function loadProfile(json: unknown): RuleProfile {
  if (!isObject(json)) throw new ProfileError("profile", `must be an object (got ${show(json)})`);
  let data: Json = json;
  if (data.extends !== undefined) {
    const baseId = text(data, "extends", "extends");
    const base = getProfile(baseId) as unknown as Json;
    const merged: Json = { ...base };
    for (const [key, value] of Object.entries(data)) {
      if (key === "extends") continue;
      merged[key] = isObject(value) && isObject(base[key]) ? { ...base[key], ...value } : value;
    }
    data = merged;
  }

  const id = text(data, "id", "id");
  const nameData = object(data, "name", "name");
  const name = {
    "zh-CN": text(nameData, "zh-CN", "name.zh-CN"),
    en: text(nameData, "en", "name.en"),
  };
  const reverseRule = oneOf(data, "reverseRule", "reverseRule", ["ratio", "linear"] as const);

  const bands = object(data, "qualitativeBands", "qualitativeBands");
  const achieved = num(bands, "achieved", "qualitativeBands.achieved");
  const partial = num(bands, "partial", "qualitativeBands.partial");
  check(
    achieved > 0 && achieved < 1,
    "qualitativeBands.achieved",
    `must lie strictly between 0 and 1 (got ${achieved})`
  );
  check(
    partial > 0 && partial < achieved,
    "qualitativeBands.partial",
    `must lie strictly between 0 and qualitativeBands.achieved ${achieved} (got ${partial})`
  );

  const defaults = object(data, "qualitativeDefaults", "qualitativeDefaults");
  const dAchieved = num(defaults, "achieved", "qualitativeDefaults.achieved");
  const dPartial = num(defaults, "partial", "qualitativeDefaults.partial");
  const dNot = num(defaults, "notAchieved", "qualitativeDefaults.notAchieved");
  check(
    dAchieved >= achieved && dAchieved <= 1,
    "qualitativeDefaults.achieved",
    `must lie in the 达成 band [${achieved}, 1] (got ${dAchieved})`
  );
  check(
    dPartial >= partial && dPartial < achieved,
    "qualitativeDefaults.partial",
    `must lie in the 部分达成 band [${partial}, ${achieved}) (got ${dPartial})`
  );
  check(
    dNot >= 0 && dNot < partial,
    "qualitativeDefaults.notAchieved",
    `must lie in the 未达成 band [0, ${partial}) (got ${dNot})`
  );

  const budgetWeight = num(data, "budgetWeight", "budgetWeight");
  check(
    budgetWeight >= 0 && budgetWeight <= 100,
    "budgetWeight",
    `must lie between 0 and 100 (got ${budgetWeight})`
  );
  const budgetDenominator = oneOf(data, "budgetDenominator", "budgetDenominator", [
    "adjusted",
    "initial",
  ] as const);

  const overTargetThreshold = num(data, "overTargetThreshold", "overTargetThreshold");
  check(
    overTargetThreshold > 1 && overTargetThreshold < 2,
    "overTargetThreshold",
    `must be greater than 1 and less than 2, e.g. 1.3 for 130% (got ${overTargetThreshold})`
  );
  const overTargetSeverity = oneOf(data, "overTargetSeverity", "overTargetSeverity", [
    "warning",
    "error",
  ] as const);

  let rateReasonBelow: number | null = null;
  if (data.rateReasonBelow !== null && data.rateReasonBelow !== undefined) {
    rateReasonBelow = num(data, "rateReasonBelow", "rateReasonBelow");
    check(
      rateReasonBelow > 0 && rateReasonBelow <= 1,
      "rateReasonBelow",
      `must be null or a fraction in (0, 1], e.g. 0.9 for 90% (got ${rateReasonBelow})`
    );
  }

  const grades = object(data, "gradeBands", "gradeBands");
  const excellent = num(grades, "excellent", "gradeBands.excellent");
  const good = num(grades, "good", "gradeBands.good");
  const pass = num(grades, "pass", "gradeBands.pass");
  check(
    excellent > 0 && excellent <= 100,
    "gradeBands.excellent",
    `must lie in (0, 100] (got ${excellent})`
  );
  check(
    good > 0 && good < excellent,
    "gradeBands.good",
    `must lie between 0 and gradeBands.excellent ${excellent} (got ${good})`
  );
  check(
    pass > 0 && pass < good,
    "gradeBands.pass",
    `must lie between 0 and gradeBands.good ${good} (got ${pass})`
  );

  const mismatchTolerance = num(data, "mismatchTolerance", "mismatchTolerance");
  check(
    mismatchTolerance >= 0 && mismatchTolerance < 1,
    "mismatchTolerance",
    `must lie in [0, 1) (got ${mismatchTolerance})`
  );

  // Profiles written before this option existed keep RULES A's reading.
  const notApplicable =
    data.notApplicable === undefined
      ? "keep"
      : oneOf(data, "notApplicable", "notApplicable", ["keep", "rescale"] as const);

  return {
    id,
    name,
    reverseRule,
    qualitativeBands: { achieved, partial },
    qualitativeDefaults: { achieved: dAchieved, partial: dPartial, notAchieved: dNot },
    budgetWeight,
    budgetDenominator,
    overTargetThreshold,
    overTargetSeverity,
    rateReasonBelow,
    gradeBands: { excellent, good, pass },
    mismatchTolerance,
    notApplicable,
  };
}
