import { alignUnits, bareAsPercent } from "../../src/domain/parse";
import Decimal from "decimal.js";
import { num } from "./helpers";

function align(target: string, actual: string, columnUnit?: string) {
  const r = alignUnits(num(target), num(actual), columnUnit);
  if (!r.ok) return r;
  return {
    ok: true,
    target: r.target.toFixed(),
    actual: r.actual.toFixed(),
    unit: r.unit,
    percent: r.percent,
  };
}

describe("alignUnits: multipliers (Part C)", () => {
  test.each([
    ["≥30万人", "44.9204万人", "300000", "449204", "人"],
    ["≥50000人次", "40万人次", "50000", "400000", "人次"],
    ["≥5万人", "94844人", "50000", "94844", "人"],
    ["2.6亿元", "2.45亿元", "260000000", "245000000", "元"],
    ["≥1000万次", "1100万次", "10000000", "11000000", "次"],
    ["≥4000人次", "20000/人次", "4000", "20000", "人次"],
  ])("%s vs %s", (t, a, tv, av, unit) => {
    expect(align(t, a)).toEqual({ ok: true, target: tv, actual: av, unit, percent: false });
  });
});

describe("alignUnits: a unit on one side only", () => {
  test("≥50个 vs 50 → 50 个", () => {
    expect(align("≥50个", "50")).toEqual({
      ok: true,
      target: "50",
      actual: "50",
      unit: "个",
      percent: false,
    });
  });
  test("≤90万元 vs 90 → the bare 90 means 90 万元", () => {
    expect(align("≤90万元", "90")).toEqual({
      ok: true,
      target: "900000",
      actual: "900000",
      unit: "元",
      percent: false,
    });
  });
  test("≤200万元 vs 160万 → 160万 keeps its own 万 and takes 元", () => {
    expect(align("≤200万元", "160万")).toEqual({
      ok: true,
      target: "2000000",
      actual: "1600000",
      unit: "元",
      percent: false,
    });
  });
  test("a bare target takes the actual's unit and multiplier", () => {
    expect(align("≥30", "44.9204万人")).toEqual({
      ok: true,
      target: "300000",
      actual: "449204",
      unit: "人",
      percent: false,
    });
  });
  test("both bare", () => {
    expect(align("≥3", "2")).toEqual({
      ok: true,
      target: "3",
      actual: "2",
      unit: "",
      percent: false,
    });
  });
});

describe("alignUnits: percentages", () => {
  test.each([
    ["≥90%", "90%", "0.9", "0.9"],
    ["≥90%", "97.30%", "0.9", "0.973"],
    ["≥90%", "100", "0.9", "1"], // > 1: percentage points
    ["≥90%", "1", "0.9", "1"], // ≤ 1 and ≤ 10 × 0.9: a fraction
    ["≥90%", "0.95", "0.9", "0.95"],
    ["≥95%", "85.5", "0.95", "0.855"],
    ["≥100百分比", "100", "1", "1"],
    ["≤5%", "1", "0.05", "0.01"], // 1 > 10 × 0.05: percentage points
    ["≤1%", "0.5", "0.01", "0.005"],
    ["≤0%", "0", "0", "0"],
    ["95", "97.30%", "0.95", "0.973"], // a bare target against a percent actual
    ["≤3‰", "2.5‰", "0.003", "0.0025"],
    ["≤3‰", "2", "0.003", "0.002"], // against per mille, points are per mille
    ["≥90%", "0.9%", "0.9", "0.009"], // a percent sign is never reinterpreted
  ])("%s vs %s", (t, a, tv, av) => {
    expect(align(t, a)).toEqual({ ok: true, target: tv, actual: av, unit: "", percent: true });
  });

  test("a percent cell actual against a percent target", () => {
    const actual = num("97.30%", { value: 0.973, text: "97.30%", numberFormat: "0.00%" });
    const r = alignUnits(num("≥90%"), actual);
    expect(r.ok && r.actual.toFixed()).toBe("0.973");
  });

  test("the bare-vs-percent threshold is exactly 10 × the other side", () => {
    expect(bareAsPercent(new Decimal("0.5"), new Decimal("0.05")).toFixed()).toBe("0.5");
    expect(bareAsPercent(new Decimal("0.51"), new Decimal("0.05")).toFixed()).toBe("0.0051");
    expect(bareAsPercent(new Decimal("1.01"), new Decimal("0.9")).toFixed()).toBe("0.0101");
  });
});

describe("alignUnits: mismatches", () => {
  test.each([
    ["≥50个", "50人"],
    ["≥1000人次", "1200人"],
    ["≥90%", "95人"],
    ["≥3个", "50%"],
  ])("%s vs %s → unit", (t, a) => {
    const r = alignUnits(num(t), num(a));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBe("unit");
  });

  test("the mismatch names both units", () => {
    expect(alignUnits(num("≥50个"), num("50人"))).toEqual({
      ok: false,
      reason: "unit",
      targetUnit: "个",
      actualUnit: "人",
    });
  });
});

describe("alignUnits: split-column 度量单位", () => {
  test("万元 column: bare values are 万元", () => {
    expect(align("200", "160", "万元")).toEqual({
      ok: true,
      target: "2000000",
      actual: "1600000",
      unit: "元",
      percent: false,
    });
  });
  test("% column: bare values are percentage points", () => {
    expect(align("90", "95.5", "%")).toEqual({
      ok: true,
      target: "0.9",
      actual: "0.955",
      unit: "",
      percent: true,
    });
  });
  test("a side with its own unit keeps it", () => {
    expect(align("50", "50个", "个")).toEqual({
      ok: true,
      target: "50",
      actual: "50",
      unit: "个",
      percent: false,
    });
    expect(alignUnits(num("50"), num("50人"), "个").ok).toBe(false);
  });
});
