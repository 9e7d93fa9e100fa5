/** RULES A3 row by row, plus the Part B reverse `linear` rule. Expected values computed by hand. */
import Decimal from "decimal.js";
import { scoreQuantitative } from "../../src/domain/rules/quantitative";
import { round2 } from "../../src/domain/decimal";

const d = (v: Decimal.Value) => new Decimal(v);
const score = (
  kind: "GE" | "GT" | "EQ" | "LE" | "LT",
  t: Decimal.Value,
  a: Decimal.Value,
  w: Decimal.Value,
  rule: "ratio" | "linear" = "ratio"
) => scoreQuantitative(kind, d(t), d(a), d(w), rule);

describe("A3 GE, GT, EQ with T > 0", () => {
  test("A ≥ T gives full weight (seed: 449204 ≥ 300000, w 3)", () => {
    const q = score("GE", 300000, 449204, 3);
    expect(q.score.toNumber()).toBe(3);
    expect(q.case).toBe("met");
    // 449204 / 300000 = 1.497346…
    expect(q.completion!.toFixed(6)).toBe("1.497347");
  });
  test("A < T gives round2(A / T × w): 256 / 600 × 2 = 0.8533… → 0.85", () => {
    const q = score("GE", 600, 256, 2);
    expect(q.score.toFixed(2)).toBe("0.85");
    expect(q.case).toBe("proportional");
  });
  test("GT with A = T still gets w (the table treats GT like GE)", () => {
    expect(score("GT", 50, 50, 4).score.toNumber()).toBe(4);
  });
  test("EQ with T > 0 below target is proportional: 90 / 100 × 5 = 4.5", () => {
    expect(score("EQ", 100, 90, 5).score.toNumber()).toBe(4.5);
  });
  test("EQ above the target is capped at w", () => {
    expect(score("EQ", 100, 150, 5).score.toNumber()).toBe(5);
  });
  test("percent fractions: 0.85 against 0.9, w 10 → 9.44", () => {
    // 0.85 / 0.9 × 10 = 9.4444…
    expect(score("GE", "0.9", "0.85", 10).score.toFixed(2)).toBe("9.44");
  });
});

describe("A3 T = 0", () => {
  test("GE with T = 0 gives w whatever A is", () => {
    expect(score("GE", 0, 0, 2).score.toNumber()).toBe(2);
    expect(score("GE", 0, 7, 2).score.toNumber()).toBe(2);
  });
  test("EQ with T = 0: A = 0 → w; otherwise 0", () => {
    expect(score("EQ", 0, 0, 3).score.toNumber()).toBe(3);
    const missed = score("EQ", 0, 1, 3);
    expect(missed.score.toNumber()).toBe(0);
    expect(missed.case).toBe("zeroTargetMissed");
  });
});

describe("A3 LE, LT (ratio rule)", () => {
  test("A ≤ T gives w (seed: 160万 ≤ 200万元)", () => {
    const q = score("LE", 2000000, 1600000, 2);
    expect(q.score.toNumber()).toBe(2);
    expect(q.case).toBe("leMet");
  });
  test("A > T gives round2(T / A × w): 200 / 250 × 2 = 1.6", () => {
    expect(score("LE", 200, 250, 2).score.toNumber()).toBe(1.6);
  });
  test("LT behaves like LE: 90 / 120 × 3 = 2.25", () => {
    expect(score("LT", 90, 120, 3).score.toNumber()).toBe(2.25);
    expect(score("LT", 90, 90, 3).score.toNumber()).toBe(3);
  });
  test("a limit of 0 that is exceeded scores 0 (floor)", () => {
    expect(score("LE", 0, 5, 3).score.toNumber()).toBe(0);
  });
});

describe("Part B reverse linear", () => {
  test("T < A < 2T: (2 − A/T) × w = (2 − 1.25) × 2 = 1.5", () => {
    const q = score("LE", 200, 250, 2, "linear");
    expect(q.score.toNumber()).toBe(1.5);
    expect(q.case).toBe("leLinear");
  });
  test("A ≥ 2T gives 0", () => {
    expect(score("LE", 200, 400, 2, "linear").score.toNumber()).toBe(0);
    expect(score("LE", 200, 900, 2, "linear").score.toNumber()).toBe(0);
  });
  test("A ≤ T gives w", () => {
    expect(score("LE", 200, 200, 2, "linear").score.toNumber()).toBe(2);
  });
});

describe("caps, floors, negatives and rounding", () => {
  test("a negative actual counts as 0", () => {
    const q = score("GE", 10, -5, 4);
    expect(q.score.toNumber()).toBe(0);
    expect(q.negativeActual).toBe(true);
  });
  test("half-up on exact decimals: 1.07 / 2 × 5 = 2.675 → 2.68", () => {
    expect(score("GE", 2, "1.07", 5).score.toFixed(2)).toBe("2.68");
  });
  test("round2 is half-up away from zero and exact", () => {
    expect(round2(d("2.675")).toFixed(2)).toBe("2.68");
    expect(round2(d("2.665")).toFixed(2)).toBe("2.67");
    expect(round2(d("0.1").plus("0.2")).toFixed()).toBe("0.3");
    expect(round2(d("-2.675")).toFixed(2)).toBe("-2.68");
  });
  test("scores stay within [0, w]", () => {
    for (const [kind, t, a] of [
      ["GE", 5, 500],
      ["LE", 5, 0],
      ["EQ", 1, 1000],
      ["LT", 1, 1e9],
    ] as const) {
      const s = score(kind, t, a, 3).score;
      expect(s.gte(0) && s.lte(3)).toBe(true);
    }
  });
});
