/** Built-in profiles (Part A and B) and loadProfile validation. */
import { DEFAULT_PROFILE, getProfile, loadProfile, PROFILES } from "../../src/domain/profiles";

describe("built-in profiles", () => {
  test("mof-2020 is Part A", () => {
    expect(DEFAULT_PROFILE).toMatchObject({
      id: "mof-2020",
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
    });
  });
  test("the Part B variants differ from the default exactly where RULES says", () => {
    expect(getProfile("linear-reverse").reverseRule).toBe("linear");
    expect(getProfile("tiers-80-50").qualitativeBands).toEqual({ achieved: 0.8, partial: 0.5 });
    expect(getProfile("budget-20").budgetWeight).toBe(20);
    expect(getProfile("sichuan")).toMatchObject({
      budgetDenominator: "adjusted",
      rateReasonBelow: 0.9,
    });
    expect(getProfile("jinan-beijing")).toMatchObject({
      budgetDenominator: "initial",
      qualitativeBands: { achieved: 0.8, partial: 0.5 },
    });
    expect(getProfile("guangxi").overTargetSeverity).toBe("error");
  });
  test("every built-in profile passes its own validation", () => {
    for (const p of PROFILES) expect(loadProfile(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });
  test("ids are unique and getProfile rejects unknown ids by name", () => {
    expect(new Set(PROFILES.map((p) => p.id)).size).toBe(PROFILES.length);
    expect(() => getProfile("nope")).toThrow(/Unknown rule profile "nope"/);
  });
});

describe("loadProfile", () => {
  test("a host override is validated: threshold 1.5 is fine", () => {
    expect(loadProfile({ ...DEFAULT_PROFILE, overTargetThreshold: 1.5 }).overTargetThreshold).toBe(
      1.5
    );
  });
  test.each([
    [{ overTargetThreshold: 1 }, /overTargetThreshold must be greater than 1/],
    [{ overTargetThreshold: "1.3" }, /overTargetThreshold must be a finite number/],
    [{ qualitativeBands: { achieved: 0.8, partial: 1.2 } }, /qualitativeBands\.partial/],
    [
      { qualitativeBands: { achieved: 1, partial: 0.6 } },
      /qualitativeBands\.achieved must lie strictly between 0 and 1/,
    ],
    [{ qualitativeBands: { achieved: 0.8, partial: 0 } }, /qualitativeBands\.partial/],
    [
      { qualitativeDefaults: { achieved: 1, partial: 0.9, notAchieved: 0.3 } },
      /qualitativeDefaults\.partial/,
    ],
    [{ reverseRule: "log" }, /reverseRule must be one of ratio \| linear/],
    [{ budgetDenominator: "final" }, /budgetDenominator/],
    [{ budgetWeight: -1 }, /budgetWeight/],
    [{ rateReasonBelow: 90 }, /rateReasonBelow/],
    [{ gradeBands: { excellent: 90, good: 95, pass: 60 } }, /gradeBands\.good/],
    [{ mismatchTolerance: null }, /mismatchTolerance/],
    [{ id: "" }, /^Invalid rule profile: id/],
    [{ name: { "zh-CN": "x" } }, /name\.en/],
    [{ overTargetSeverity: "info" }, /overTargetSeverity/],
  ])("rejects %j naming the field", (change, message) => {
    expect(() => loadProfile({ ...DEFAULT_PROFILE, ...change })).toThrow(message);
  });
  test("rejects a non-object", () => {
    expect(() => loadProfile(null)).toThrow(/profile must be an object/);
    expect(() => loadProfile([])).toThrow(/profile must be an object/);
  });
  test("extends a built-in profile and merges nested objects one level deep", () => {
    const p = loadProfile({
      extends: "sichuan",
      id: "my-sichuan",
      name: { en: "Mine" },
      gradeBands: { excellent: 85 },
    });
    expect(p.id).toBe("my-sichuan");
    expect(p.name).toEqual({ "zh-CN": getProfile("sichuan").name["zh-CN"], en: "Mine" });
    expect(p.rateReasonBelow).toBe(0.9);
    expect(p.gradeBands).toEqual({ excellent: 85, good: 80, pass: 60 });
  });
  test("extends an unknown profile → a clear error", () => {
    expect(() => loadProfile({ extends: "x" })).toThrow(/Unknown rule profile "x"/);
  });
});
