import {
  DEFAULT_SETTINGS,
  planOptionsOf,
  profileOf,
  validateSettings,
} from "../../src/app/settings";
import { DEFAULT_PROFILE } from "../../src/domain/profiles";

describe("user settings", () => {
  test("defaults: the mof-2020 profile, 130% over-target, highlights and notes on, Chinese, formulas kept", () => {
    expect(DEFAULT_SETTINGS).toEqual({
      profileId: "mof-2020",
      overTargetThreshold: 1.3,
      highlights: true,
      notes: true,
      notesAll: false,
      lang: "zh-CN",
      replaceFormulas: false,
    });
  });

  test("nothing stored: defaults, no problems", () => {
    expect(validateSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(validateSettings({})).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  test("valid values are taken", () => {
    const input = {
      profileId: "sichuan",
      overTargetThreshold: 1.5,
      highlights: false,
      notes: false,
      notesAll: true,
      lang: "en",
      replaceFormulas: true,
    };
    expect(validateSettings(input, ["mof-2020", "sichuan"])).toEqual({
      settings: input,
      problems: [],
    });
  });

  test("each invalid field falls back to its default and is reported by name", () => {
    const { settings, problems } = validateSettings(
      { profileId: "nope", overTargetThreshold: 130, highlights: "yes", lang: "fr", notes: false },
      ["mof-2020"]
    );
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, notes: false });
    expect(problems.map((p) => p.field)).toEqual([
      "profileId",
      "overTargetThreshold",
      "highlights",
      "lang",
    ]);
    expect(problems[0].message["zh-CN"]).toContain("nope");
    expect(problems[1].message.en).toContain("1.3 means 130%");
  });

  test.each([[1], [2], [0.3], [Number.NaN], [Number.POSITIVE_INFINITY], ["1.3"], [130]])(
    "threshold %p is refused",
    (t) => {
      const { settings, problems } = validateSettings({ overTargetThreshold: t });
      expect(settings.overTargetThreshold).toBe(1.3);
      expect(problems).toHaveLength(1);
    }
  );

  test("a non-object is reported, defaults used", () => {
    const { settings, problems } = validateSettings("[1,2]");
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems).toHaveLength(1);
  });

  test("by default only the built-in profiles are known", () => {
    expect(validateSettings({ profileId: "no-such-profile" }).settings.profileId).toBe("mof-2020");
    expect(validateSettings({ profileId: " " }).problems).toHaveLength(1);
  });

  test("plan options and the profile follow the settings", () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      highlights: false,
      lang: "en" as const,
      overTargetThreshold: 1.5,
    };
    expect(planOptionsOf(settings)).toEqual({
      highlights: false,
      notes: true,
      notesAll: false,
      replaceFormulas: false,
      lang: "en",
    });
    expect(profileOf(settings)).toEqual({ ...DEFAULT_PROFILE, overTargetThreshold: 1.5 });
    expect(DEFAULT_PROFILE.overTargetThreshold).toBe(1.3);
    const linear = profileOf({ ...settings, profileId: "linear-reverse" });
    expect(profileOf(settings, linear).reverseRule).toBe("linear");
    expect([linear.id, linear.reverseRule, linear.overTargetThreshold]).toEqual([
      "linear-reverse",
      "linear",
      1.5,
    ]);
  });
});
