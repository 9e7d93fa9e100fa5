/** One row end to end through evaluateIndicator: kinds, explanations, findings and unscored rows. */
import { evaluateIndicator } from "../../src/domain/rules/indicator";
import { DEFAULT_PROFILE, getProfile } from "../../src/domain/profiles";
import type { RuleProfile } from "../../src/domain/profile-types";
import { COLUMNS, indicatorRow, type RowInput } from "./helpers";

const run = (input: RowInput, profile: RuleProfile = DEFAULT_PROFILE) =>
  evaluateIndicator(indicatorRow(input), COLUMNS, profile);
const at = (e: ReturnType<typeof run>) => e.findings.map((f) => `${f.code}@${f.cell}`).sort();

describe("quantitative rows", () => {
  test("seed 干部培训: 256/600 × 2 = 0.85 with SHORTFALL; the note is filled so no NOTE_MISSING", () => {
    const e = run({
      target: "≥600人次",
      actual: "256人次",
      weight: 2,
      score: 0.85,
      note: "受疫情影响，几期线下培训班未举办",
    });
    expect(e.result.score).toBe(0.85);
    expect(e.result.kind).toBe("GE");
    expect(at(e)).toEqual(["SHORTFALL@I13"]);
    expect(e.result.explanation["zh-CN"]).toBe(
      "256人次 ÷ 600人次 = 42.67%；得分 = 2 × 42.67% = 0.85"
    );
    expect(e.result.explanation.en).toBe("256 人次 ÷ 600 人次 = 42.67%; score = 2 × 42.67% = 0.85");
  });

  test("seed 信息员: 44.9204万人 vs ≥30万人 is met at 149.73% with OVER_TARGET and NOTE_MISSING", () => {
    const e = run({ target: "≥30万人", actual: "44.9204万人\u3000", weight: 3, score: 3 });
    expect(e.result.score).toBe(3);
    expect(e.result.explanation["zh-CN"]).toBe("44.9204万人 ≥ 30万人（149.73%）；得分 = 分值 3");
    expect(at(e)).toEqual(["NOTE_MISSING@J13", "OVER_TARGET@G13"]);
    const note = e.findings.find((f) => f.code === "NOTE_MISSING")!;
    expect(note.severity).toBe("warning");
    expect(note.message["zh-CN"]).toBe(
      "J13：完成率 149.73%，超出目标 30% 以上，请在偏差原因分析中说明原因。"
    );
  });

  test("exactly 130% is over target; 129% is not", () => {
    expect(at(run({ target: "≥100个", actual: "130个", weight: 2, note: "说明" }))).toEqual([
      "OVER_TARGET@G13",
    ]);
    expect(at(run({ target: "≥100个", actual: "129个", weight: 2 }))).toEqual([]);
  });

  test("Guangxi makes the over-target note an error", () => {
    const e = run({ target: "≥100个", actual: "200个", weight: 2 }, getProfile("guangxi"));
    expect(e.findings.find((f) => f.code === "NOTE_MISSING")!.severity).toBe("error");
  });

  test("a shortfall with a placeholder note (无) needs a note, severity error", () => {
    const e = run({ target: "≥10个", actual: "5个", weight: 4, note: "无" });
    expect(e.result.score).toBe(2);
    const note = e.findings.find((f) => f.code === "NOTE_MISSING")!;
    expect(note.severity).toBe("error");
    expect(note.cell).toBe("J13");
  });

  test("no comparator under 成本指标 means LE: 120 vs 100 → 100/120 × 6 = 5", () => {
    const e = run({
      level2: "成本指标",
      target: "100万元",
      actual: "120万元",
      weight: 6,
      note: "超支",
    });
    expect(e.result.kind).toBe("LE");
    expect(e.result.score).toBe(5);
    expect(e.result.explanation["zh-CN"]).toBe(
      "120万元 > 100万元；100万元 ÷ 120万元 = 83.33%；得分 = 6 × 83.33% = 5"
    );
  });

  test("LE at ≤ 70% of the limit is over target (reverse)", () => {
    const e = run({ level2: "成本指标", target: "≤100万元", actual: "70万元", weight: 2 });
    expect(e.result.score).toBe(2);
    expect(at(e)).toEqual(["NOTE_MISSING@J13", "OVER_TARGET@G13"]);
    expect(e.findings[0].params.variant).toBe("reverse");
  });

  test("linear profile on a cost overrun: (2 − 150/100) × 4 = 2", () => {
    const e = run(
      { level2: "成本指标", target: "≤100万元", actual: "150万元", weight: 4, note: "x" },
      getProfile("linear-reverse")
    );
    expect(e.result.score).toBe(2);
  });

  test("percent-formatted number cell: 0.973 shown 97.30% against ≥95% is met", () => {
    const e = run({ target: "≥95%", actual: { v: 0.973, fmt: "0.00%" }, weight: 5 });
    expect(e.result.score).toBe(5);
  });

  test("one side without a unit takes the other's: ≥50个 vs 50", () => {
    expect(run({ target: "≥50个", actual: "50", weight: 2 }).result.score).toBe(2);
  });

  test("a negative actual counts as 0", () => {
    const e = run({ target: "≥10个", actual: "-5个", weight: 2, note: "x" });
    expect(e.result.score).toBe(0);
    expect(e.result.explanation["zh-CN"].startsWith("实际值为负数，按 0 计；")).toBe(true);
  });

  test("a reported score that differs by more than 0.005 is SCORE_MISMATCH", () => {
    const e = run({ target: "≥600人次", actual: "256人次", weight: 2, score: 1, note: "x" });
    expect(at(e)).toEqual(["SCORE_MISMATCH@I13", "SHORTFALL@I13"]);
    expect(
      run({
        target: "≥600人次",
        actual: "256人次",
        weight: 2,
        score: 0.854,
        note: "x",
      }).findings.map((f) => f.code)
    ).toEqual(["SHORTFALL"]);
  });
});

describe("time rows", () => {
  test("≤6月 vs 5月 is met", () => {
    const e = run({ level2: "时效指标", target: "≤6月", actual: "5月", weight: 2, score: 2 });
    expect(e.result.kind).toBe("TIME");
    expect(e.result.score).toBe(2);
    expect(e.findings).toEqual([]);
    expect(e.result.explanation["zh-CN"]).toBe("完成时间 5月 不晚于 6月；得分 = 分值 2");
  });
  test("late → 0 with LATE, SHORTFALL and NOTE_MISSING (error)", () => {
    const e = run({ level2: "时效指标", target: "2023年10月", actual: "2023年12月", weight: 2 });
    expect(e.result.score).toBe(0);
    expect(at(e)).toEqual(["LATE@G13", "NOTE_MISSING@J13", "SHORTFALL@I13"]);
  });
  test("a month target against a bare month number", () => {
    expect(run({ level2: "时效指标", target: "≤6月", actual: 5, weight: 2 }).result.score).toBe(2);
  });
  test("a date against a quantity cannot be compared: UNIT_MISMATCH", () => {
    const e = run({ level2: "时效指标", target: "≤6月", actual: "30天", weight: 2, score: 2 });
    expect(e.result.score).toBeNull();
    expect(e.result.countedScore).toBe(2);
    expect(at(e)).toEqual(["UNIT_MISMATCH@G13"]);
  });
});

describe("qualitative rows", () => {
  test("seed: 定性优良中低差 vs 优 is 达成; the reported 10 is kept", () => {
    const e = run({
      level2: "社会效益指标",
      target: "定性优良中低差",
      actual: "优",
      weight: 10,
      score: 10,
    });
    expect(e.result.kind).toBe("QUAL");
    expect(e.result.score).toBe(10);
    expect(e.findings).toEqual([]);
  });
  test("actual text equal to the target text is 达成", () => {
    const e = run({ target: "群众生活条件改善", actual: "群众生活条件改善", weight: 5 });
    expect(e.result.score).toBe(5);
  });
  test("基本达成 with a reported 10 → 7, QUALITATIVE_REVIEW, SCORE_MISMATCH, SHORTFALL, NOTE_MISSING", () => {
    const e = run({ target: "有效提升", actual: "基本达成", weight: 10, score: 10 });
    expect(e.result.score).toBe(7);
    expect(at(e)).toEqual([
      "NOTE_MISSING@J13",
      "QUALITATIVE_REVIEW@I13",
      "SCORE_MISMATCH@I13",
      "SHORTFALL@I13",
    ]);
  });
  test("部分达成 with a reported score inside [6, 8) keeps it, SHORTFALL but no review", () => {
    const e = run({ target: "有效提升", actual: "部分达成", weight: 10, score: 6.5, note: "x" });
    expect(e.result.score).toBe(6.5);
    expect(at(e)).toEqual(["SHORTFALL@I13"]);
  });
  test("text that matches no tier: UNPARSEABLE, reported score kept and counted", () => {
    const e = run({ target: "有效提升", actual: "详见附件", weight: 5, score: 4 });
    expect(e.result.score).toBeNull();
    expect(e.result.kind).toBeNull();
    expect(e.result.countedScore).toBe(4);
    expect(at(e)).toEqual(["UNPARSEABLE@G13"]);
    expect(e.result.explanation["zh-CN"]).toBe("无法识别“详见附件”，未计算得分；计入表中得分 4");
  });
});

describe("rows that cannot be scored", () => {
  test("missing actual: MISSING_VALUE at the actual cell, counted with the reported score", () => {
    const e = run({ target: "≥10个", actual: "—", weight: 2, score: 1.5 });
    expect(e.result.score).toBeNull();
    expect(e.counted!.toNumber()).toBe(1.5);
    expect(at(e)).toEqual(["MISSING_VALUE@G13"]);
  });
  test("missing target and no reported score: counted null", () => {
    const e = run({ target: null, actual: "5个", weight: 2 });
    expect(e.result.countedScore).toBeNull();
    expect(at(e)).toEqual(["MISSING_VALUE@F13"]);
    expect(e.result.explanation["zh-CN"]).toBe("年度指标值为空，未计算得分；表中也未填得分");
  });
  test("missing weight: MISSING_VALUE at the weight cell", () => {
    expect(at(run({ target: "≥10个", actual: "12个", weight: null }))).toEqual([
      "MISSING_VALUE@H13",
    ]);
  });
  test("unit clash: ≥50个 vs 50套 → UNIT_MISMATCH, no score", () => {
    const e = run({ target: "≥50个", actual: "50套", weight: 2, score: 2 });
    expect(e.result.score).toBeNull();
    expect(at(e)).toEqual(["UNIT_MISMATCH@G13"]);
    expect(e.findings[0].message["zh-CN"]).toContain("个");
    expect(e.findings[0].message["zh-CN"]).toContain("套");
  });
  test("a text target against a number actual is UNPARSEABLE at the target", () => {
    expect(at(run({ target: "逐步提高", actual: "95%", weight: 2 }))).toEqual(["UNPARSEABLE@F13"]);
  });
});
