/** RULES A4 tiers and bands, and the Part B 80/50 bands. */
import Decimal from "decimal.js";
import { scoreQualitative, tierBand, inBand } from "../../src/domain/rules/qualitative";
import { DEFAULT_PROFILE, getProfile } from "../../src/domain/profiles";

const w = new Decimal(10);
const d = (v: number) => new Decimal(v);

describe("A4 bands under mof-2020 (w = 10)", () => {
  test("达成 is [8, 10], both ends included", () => {
    const band = tierBand("achieved", w, DEFAULT_PROFILE);
    expect(inBand(d(8), band)).toBe(true);
    expect(inBand(d(10), band)).toBe(true);
    expect(inBand(d(7.99), band)).toBe(false);
  });
  test("部分达成 is [6, 8): 8 is not in it", () => {
    const band = tierBand("partial", w, DEFAULT_PROFILE);
    expect(inBand(d(6), band)).toBe(true);
    expect(inBand(d(7.99), band)).toBe(true);
    expect(inBand(d(8), band)).toBe(false);
  });
  test("未达成 is [0, 6)", () => {
    const band = tierBand("notAchieved", w, DEFAULT_PROFILE);
    expect(inBand(d(0), band)).toBe(true);
    expect(inBand(d(6), band)).toBe(false);
  });
});

describe("A4 scoring", () => {
  test("达成 with a reported score inside the band keeps it, no review", () => {
    const q = scoreQualitative("achieved", w, d(9), DEFAULT_PROFILE);
    expect(q.score.toNumber()).toBe(9);
    expect(q.kept).toBe(true);
    expect(q.review).toBe(false);
  });
  test("达成 with a reported score below the band gets w, no review", () => {
    const q = scoreQualitative("achieved", w, d(5), DEFAULT_PROFILE);
    expect(q.score.toNumber()).toBe(10);
    expect(q.review).toBe(false);
  });
  test("部分达成 inside [6, 8) keeps 7.5", () => {
    expect(scoreQualitative("partial", w, d(7.5), DEFAULT_PROFILE).score.toNumber()).toBe(7.5);
  });
  test("部分达成 outside the band → 0.7w and QUALITATIVE_REVIEW", () => {
    const q = scoreQualitative("partial", w, d(10), DEFAULT_PROFILE);
    expect(q.score.toNumber()).toBe(7);
    expect(q.review).toBe(true);
  });
  test("部分达成 with no reported score → 0.7w and review", () => {
    const q = scoreQualitative("partial", d(3), null, DEFAULT_PROFILE);
    expect(q.score.toNumber()).toBe(2.1);
    expect(q.review).toBe(true);
  });
  test("未达成 inside [0, 6) keeps 2; outside → 0.3w = 3 with review", () => {
    expect(scoreQualitative("notAchieved", w, d(2), DEFAULT_PROFILE).score.toNumber()).toBe(2);
    const q = scoreQualitative("notAchieved", w, d(8), DEFAULT_PROFILE);
    expect(q.score.toNumber()).toBe(3);
    expect(q.review).toBe(true);
  });
  test("defaults are rounded half-up: 0.3 × 2.5 = 0.75, 0.7 × 0.05 = 0.035 → 0.04", () => {
    expect(scoreQualitative("notAchieved", d(2.5), null, DEFAULT_PROFILE).score.toNumber()).toBe(
      0.75
    );
    expect(scoreQualitative("partial", d(0.05), null, DEFAULT_PROFILE).score.toNumber()).toBe(0.04);
  });
});

describe("Part B tiers 80/50", () => {
  const p = getProfile("tiers-80-50");
  test("部分达成 is [5, 8): 5.5 is kept (it would be 未达成 territory under 60/80)", () => {
    expect(scoreQualitative("partial", w, d(5.5), p).kept).toBe(true);
    expect(scoreQualitative("partial", w, d(5.5), DEFAULT_PROFILE).kept).toBe(false);
  });
  test("未达成 is [0, 5): 5.5 is outside → default 3", () => {
    expect(scoreQualitative("notAchieved", w, d(5.5), p).score.toNumber()).toBe(3);
    expect(scoreQualitative("notAchieved", w, d(4.5), p).score.toNumber()).toBe(4.5);
  });
});
