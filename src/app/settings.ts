/**
 * The user's settings, shared by the task pane, the ribbon command and the preview page. Stored as
 * plain JSON by whichever host keeps them; validated on load so a stale or hand-edited value falls
 * back to its default with a message instead of breaking a recompute.
 */
import type { Lang, LocalizedText } from "../domain/model";
import type { PlanOptions } from "../domain/plan-types";
import type { RuleProfile } from "../domain/profile-types";
import { DEFAULT_PROFILE, PROFILES, loadProfile } from "../domain/profiles";

export interface UserSettings {
  /** Rule profile id, e.g. "mof-2020". */
  profileId: string;
  /** OVER_TARGET when actual ≥ threshold × target; a fraction above 1 (1.3 = 130%). */
  overTargetThreshold: number;
  highlights: boolean;
  notes: boolean;
  /** Notes on every scored row, not only on the rows that carry a mark. */
  notesAll: boolean;
  lang: Lang;
  replaceFormulas: boolean;
}

export const DEFAULT_SETTINGS: Readonly<UserSettings> = Object.freeze({
  profileId: "mof-2020",
  overTargetThreshold: 1.3,
  highlights: true,
  notes: true,
  notesAll: false,
  lang: "zh-CN",
  replaceFormulas: false,
});

/**
 * Inclusive bounds, inside loadProfile()'s (1, 2): at or below 1 everything is "over target", and at
 * 2 the reverse rule's bound (2 − threshold) × T reaches 0. Also catches 130 typed for 130%.
 */
export const OVER_TARGET_RANGE = Object.freeze({ min: 1.01, max: 1.99 });

export interface SettingsProblem {
  field: keyof UserSettings;
  message: LocalizedText;
}

export interface ValidatedSettings {
  settings: UserSettings;
  /** One entry per field that was present but invalid and fell back to its default. */
  problems: SettingsProblem[];
}

const BOOLEAN_FIELDS = ["highlights", "notes", "notesAll", "replaceFormulas"] as const;

/**
 * Reads settings from untrusted JSON. Missing fields take their default silently; present but
 * invalid fields take their default and are reported. `knownProfiles` lists the selectable profile
 * ids (the built-in profiles unless given).
 */
export function validateSettings(
  input: unknown,
  knownProfiles: readonly string[] = PROFILES.map((p) => p.id)
): ValidatedSettings {
  const settings: UserSettings = { ...DEFAULT_SETTINGS };
  const problems: SettingsProblem[] = [];
  if (input === null || input === undefined) return { settings, problems };
  if (typeof input !== "object" || Array.isArray(input)) {
    return {
      settings,
      problems: [
        {
          field: "profileId",
          message: {
            "zh-CN": "设置格式不正确，已恢复默认设置。",
            en: "The settings are not an object; defaults are used.",
          },
        },
      ],
    };
  }
  const raw = input as Record<string, unknown>;

  if (raw.profileId !== undefined) {
    const id = raw.profileId;
    const valid = typeof id === "string" && id.trim() !== "" && knownProfiles.includes(id);
    if (valid) settings.profileId = id;
    else
      problems.push({
        field: "profileId",
        message: {
          "zh-CN": `未知的评分规则「${String(id)}」，已改用默认规则「${DEFAULT_SETTINGS.profileId}」。`,
          en: `Unknown rule profile "${String(id)}"; using the default "${DEFAULT_SETTINGS.profileId}".`,
        },
      });
  }

  if (raw.overTargetThreshold !== undefined) {
    const t = raw.overTargetThreshold;
    if (
      typeof t === "number" &&
      Number.isFinite(t) &&
      t >= OVER_TARGET_RANGE.min &&
      t <= OVER_TARGET_RANGE.max
    )
      settings.overTargetThreshold = t;
    else
      problems.push({
        field: "overTargetThreshold",
        message: {
          "zh-CN": `超额完成阈值「${String(t)}」无效：应为 ${OVER_TARGET_RANGE.min} 到 ${OVER_TARGET_RANGE.max} 之间的倍数（1.3 表示 130%），已改用 ${DEFAULT_SETTINGS.overTargetThreshold}。`,
          en: `Over-target threshold "${String(t)}" is invalid: use a multiple from ${OVER_TARGET_RANGE.min} to ${OVER_TARGET_RANGE.max} (1.3 means 130%); using ${DEFAULT_SETTINGS.overTargetThreshold}.`,
        },
      });
  }

  for (const field of BOOLEAN_FIELDS) {
    const v = raw[field];
    if (v === undefined) continue;
    if (typeof v === "boolean") settings[field] = v;
    else
      problems.push({
        field,
        message: {
          "zh-CN": `设置「${field}」应为开或关，已改用默认值。`,
          en: `Setting "${field}" must be on or off; using the default.`,
        },
      });
  }

  if (raw.lang !== undefined) {
    if (raw.lang === "zh-CN" || raw.lang === "en") settings.lang = raw.lang;
    else
      problems.push({
        field: "lang",
        message: {
          "zh-CN": `不支持的语言「${String(raw.lang)}」，已改用中文。`,
          en: `Unsupported language "${String(raw.lang)}"; using Chinese.`,
        },
      });
  }

  return { settings, problems };
}

export function planOptionsOf(settings: UserSettings): PlanOptions {
  return {
    highlights: settings.highlights,
    notes: settings.notes,
    notesAll: settings.notesAll,
    replaceFormulas: settings.replaceFormulas,
    lang: settings.lang,
  };
}

/**
 * The profile to score with: `profile` when the caller picked one, else the built-in profile the
 * settings name; with the user's over-target threshold applied and validated like any outside data.
 */
export function profileOf(settings: UserSettings, profile?: RuleProfile): RuleProfile {
  const base = profile ?? PROFILES.find((p) => p.id === settings.profileId) ?? DEFAULT_PROFILE;
  return loadProfile({ ...base, overTargetThreshold: settings.overTargetThreshold });
}

/** Everything a recompute needs from the settings. */
export function scoreOptionsOf(settings: UserSettings): {
  profile: RuleProfile;
  plan: PlanOptions;
} {
  return { profile: profileOf(settings), plan: planOptionsOf(settings) };
}
