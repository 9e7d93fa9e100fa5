import { MARK_FILLS, planWrites, RATE_FORMAT } from "../../src/domain/plan";
import type { CellWrite, WritePlan } from "../../src/domain/plan-types";
import { OPTIONS, budgetStub, finding, smallEvaluation, smallGrid } from "./helpers";

function writeAt(plan: WritePlan, address: string): CellWrite | undefined {
  return plan.writes.find((w) => w.address === address);
}

describe("planWrites: the cells we own", () => {
  const plan = planWrites(smallEvaluation(), smallGrid(), OPTIONS);

  test("writes every computed score, the rate, the budget score, the total and the grade", () => {
    expect(plan.writes.map((w) => [w.address, w.reason])).toEqual([
      ["H2", "rate"],
      ["I2", "budgetScore"],
      ["I4", "score"],
      ["I5", "score"],
      ["I6", "score"],
      ["I9", "total"],
      ["J9", "grade"],
    ]);
  });

  test("a number cell stays a number and keeps its format", () => {
    expect(writeAt(plan, "I4")).toEqual({
      row: 3,
      col: 8,
      address: "I4",
      value: 3,
      reason: "score",
    });
    expect(writeAt(plan, "I2")?.value).toBe(9.98);
    expect(writeAt(plan, "I9")?.value).toBe(22.33);
    expect(writeAt(plan, "I9")?.numberFormat).toBeUndefined();
  });

  test("a text cell gets text", () => {
    expect(writeAt(plan, "I5")?.value).toBe("0.85");
    expect(writeAt(plan, "H2")?.value).toBe("99.82%");
    expect(writeAt(plan, "J9")?.value).toBe("差");
  });

  test("an empty score cell gets a number", () => {
    expect(writeAt(plan, "I6")?.value).toBe(1.5);
    expect(writeAt(plan, "I6")?.numberFormat).toBeUndefined();
  });

  test("a row that cannot be scored is not written", () => {
    expect(writeAt(plan, "I8")).toBeUndefined();
    expect(plan.skipped.find((s) => s.address === "I8")).toBeUndefined();
  });

  test("a formula is the user's work: skipped, with what we would have written", () => {
    expect(writeAt(plan, "I7")).toBeUndefined();
    expect(plan.skipped).toEqual([{ address: "I7", reason: "formula", value: 2 }]);
  });

  test("replaceFormulas overwrites the formula cell", () => {
    const replaced = planWrites(smallEvaluation(), smallGrid(), {
      ...OPTIONS,
      replaceFormulas: true,
    });
    expect(writeAt(replaced, "I7")?.value).toBe(2);
    expect(replaced.skipped).toEqual([]);
  });

  test("a placeholder in a score cell counts as empty: it gets a number", () => {
    const p = planWrites(smallEvaluation(), smallGrid({ I6: "—" }), OPTIONS);
    expect(writeAt(p, "I6")?.value).toBe(1.5);
  });

  test("the plan is pure: the grid and the evaluation are not modified", () => {
    const grid = smallGrid();
    const evaluation = smallEvaluation();
    const before = JSON.stringify([grid, evaluation]);
    planWrites(evaluation, grid, OPTIONS);
    expect(JSON.stringify([grid, evaluation])).toBe(before);
  });

  test("a protected grid is planned all the same (hosts refuse to write, the plan only plans)", () => {
    const grid = { ...smallGrid(), protected: true };
    expect(planWrites(smallEvaluation(), grid, OPTIONS).writes).toHaveLength(7);
  });

  test("a score cell inside a merged area is written at its top-left cell", () => {
    const grid = smallGrid();
    grid.merges.push({ top: 3, left: 7, bottom: 3, right: 8 }); // H4:I4
    const p = planWrites(smallEvaluation(), grid, OPTIONS);
    expect(writeAt(p, "I4")).toBeUndefined();
    expect(writeAt(p, "H4")?.value).toBe(3);
  });

  test("no grade cell in the layout: no grade write", () => {
    const p = planWrites(smallEvaluation({ gradeCell: null }), smallGrid(), OPTIONS);
    expect(p.writes.some((w) => w.reason === "grade")).toBe(false);
  });
});

describe("planWrites: the execution rate keeps the template's representation", () => {
  // 3106.43 / 3112 = 0.99821079…: the fraction half-up at 4 decimals is 0.9982.
  const rateIn = (cell: Parameters<typeof smallGrid>[0]) =>
    writeAt(planWrites(smallEvaluation(), smallGrid(cell), OPTIONS), "H2");

  test("empty → the fraction with a percent format", () => {
    expect(rateIn({ H2: null })).toMatchObject({ value: 0.9982, numberFormat: RATE_FORMAT });
  });
  test("a percent-formatted number → the fraction rounded to 4 places, format kept", () => {
    const w = rateIn({ H2: { v: 1, fmt: "0.00%" } });
    expect(w?.value).toBe(0.9982);
    expect(w?.numberFormat).toBeUndefined();
  });
  test("a General number holding percent points → percent points", () => {
    expect(rateIn({ H2: 100 })?.value).toBe(99.82);
  });
  test("a General number holding a fraction → the fraction", () => {
    expect(rateIn({ H2: 1 })?.value).toBe(0.9982);
  });
  test("text → percent text with 2 decimals, half-up", () => {
    // 0.80455 → 80.455% → 80.46% (half-up, not banker's)
    const p = planWrites(
      smallEvaluation({ budget: budgetStub({ rate: 0.80455 }) }),
      smallGrid({ H2: "100%" }),
      OPTIONS
    );
    expect(writeAt(p, "H2")?.value).toBe("80.46%");
  });
  test("a rate that cannot be computed is not written", () => {
    const p = planWrites(
      smallEvaluation({ budget: budgetStub({ rate: null }) }),
      smallGrid(),
      OPTIONS
    );
    expect(writeAt(p, "H2")).toBeUndefined();
  });
});

describe("planWrites: marks", () => {
  const findings = [
    finding(
      "SCORE_MISMATCH",
      "error",
      "I5",
      "I5 表中得分 1 应为 0.85",
      "I5 printed 1, should be 0.85"
    ),
    finding("OVER_TARGET", "warning", "G4", "G4 超额完成", "G4 over target"),
    finding("NOTE_MISSING", "error", "J5", "J5 缺少偏差原因", "J5 reason missing"),
    finding("QUALITATIVE_REVIEW", "info", "G6", "G6 请复核", "G6 please review"),
    finding("WEIGHT_SUM", "error", "B3", "产出指标分值合计不符", "section weights do not add up"),
    finding("RATE_MISMATCH", "warning", "H2", "H2 执行率不符", "H2 rate differs"),
  ];
  // B (row 5) scored 0.85 of 2: it lost 1.15 points. The budget scored 9.98 of 10.
  const withWeights = (overrides = {}) => {
    const base = smallEvaluation({ findings, ...overrides });
    return {
      ...base,
      indicators: base.indicators.map((r) => ({ ...r, weight: r.row === 4 ? 2 : r.countedScore })),
    };
  };
  const evaluation = withWeights();

  test("fills by meaning: 扣分 on the 得分 cell of a row that lost points, 待说明 on the reason cell, 待复核 on the figure", () => {
    const plan = planWrites(evaluation, smallGrid(), { ...OPTIONS, notes: false });
    expect(plan.marks.map((m) => [m.address, m.fill, m.note])).toEqual([
      ["H2", MARK_FILLS.review, null],
      ["I2", MARK_FILLS.deduction, null],
      ["B3", MARK_FILLS.review, null],
      // The printed 1 differs too, but lost points are the stronger mark.
      ["I5", MARK_FILLS.deduction, null],
      ["J5", MARK_FILLS.explain, null],
      ["G6", MARK_FILLS.review, null],
    ]);
  });

  test("an over-target row whose reason is written carries no mark", () => {
    const plan = planWrites(evaluation, smallGrid(), OPTIONS);
    expect(plan.marks.find((m) => m.address === "G4" || m.address === "I4")).toBeUndefined();
  });

  test("a kept printed score that differs is 待复核 when the row lost nothing", () => {
    const plan = planWrites(
      withWeights({
        findings: [finding("SCORE_MISMATCH", "error", "I6", "I6 不符")],
      }),
      smallGrid(),
      { ...OPTIONS, notes: false }
    );
    expect(plan.marks.find((m) => m.address === "I6")?.fill).toBe(MARK_FILLS.review);
  });

  test("three different colours from Excel's cell-style palette, far apart in grey", () => {
    expect(MARK_FILLS).toEqual({ deduction: "#ED7D31", review: "#B4C6E7", explain: "#FFEB9C" });
    const luma = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return 0.299 * r + 0.587 * g + 0.114 * b;
    };
    const greys = Object.values(MARK_FILLS)
      .map(luma)
      .sort((x, y) => x - y);
    // Each fill stands off white paper and at least 30 grey levels from the next.
    expect(255 - greys[2]).toBeGreaterThanOrEqual(20);
    expect(greys[2] - greys[1]).toBeGreaterThanOrEqual(30);
    expect(greys[1] - greys[0]).toBeGreaterThanOrEqual(30);
  });

  test("notes only on marked rows: explanation then the row's findings; the total holds the legend", () => {
    const plan = planWrites(evaluation, smallGrid(), OPTIONS);
    const notes = Object.fromEntries(
      plan.marks.filter((m) => m.note !== null).map((m) => [m.address, m.note])
    );
    // I4 (over target, reason given) and I7 / I8 (nothing to do) get no note; I6 has a 待复核 mark.
    expect(Object.keys(notes)).toEqual(["I2", "I5", "I6", "I9"]);
    expect(notes.I5).toBe(
      "【绩效自评助手】\nB 256 / 600 × 2 = 0.85\n• I5 表中得分 1 应为 0.85\n• J5 缺少偏差原因"
    );
    expect(notes.I6).toBe("【绩效自评助手】\nC 达标\n• G6 请复核");
    expect(notes.I2).toBe("【绩效自评助手】\n执行率 = 3106.43 / 3112 = 99.82%\n• H2 执行率不符");
    // total = 9.98 + (3 + 0.85 + 1.5 + 2 + 5 = 12.35) = 22.33; the orphan WEIGHT_SUM (row 3) lands here.
    expect(notes.I9).toBe(
      "【绩效自评助手】\n总分 22.33 = 预算执行得分 9.98 + 指标得分 12.35，等级：差。" +
        "（暂定：部分指标无法计算，沿用表中原得分。）\n• 产出指标分值合计不符\n\n" +
        "底色说明：\n橙色 = 扣分：该行被扣分（得分单元格）\n" +
        "蓝色 = 待复核：表中数字与规则不符或无法读取，请核对\n" +
        "黄色 = 待说明：缺少偏差原因，请在该单元格说明"
    );
  });

  test("notesAll: a note on every 得分 cell, the budget score and the total", () => {
    const plan = planWrites(evaluation, smallGrid(), {
      ...OPTIONS,
      highlights: false,
      notesAll: true,
    });
    const notes = Object.fromEntries(plan.marks.map((m) => [m.address, m.note]));
    expect(Object.keys(notes)).toEqual(["I2", "I4", "I5", "I6", "I7", "I8", "I9"]);
    expect(notes.I4).toBe("【绩效自评助手】\nA 达标\n• G4 超额完成");
    expect(plan.marks.every((m) => m.fill === null)).toBe(true);
    // Without fills there is nothing for a legend to explain.
    expect(notes.I9).not.toContain("底色说明");
  });

  test("notes without highlights still go to the rows a mark would be on", () => {
    const plan = planWrites(evaluation, smallGrid(), { ...OPTIONS, highlights: false });
    expect(plan.marks.map((m) => m.address)).toEqual(["I2", "I5", "I6", "I9"]);
  });

  test("notes in English", () => {
    const plan = planWrites(evaluation, smallGrid(), { ...OPTIONS, lang: "en" });
    const notes = Object.fromEntries(plan.marks.map((m) => [m.address, m.note]));
    expect(notes.I5).toBe(
      "[SelfEval]\nen:B 256 / 600 × 2 = 0.85\n• I5 printed 1, should be 0.85\n• J5 reason missing"
    );
    expect(notes.I9).toMatch(
      /^\[SelfEval\]\nTotal 22\.33 = budget execution 9\.98 \+ indicators 12\.35; grade 差\./
    );
    expect(notes.I9).toContain(
      "\n\nFills:\norange = Points lost: the row lost points (its score cell)"
    );
  });

  test("highlights and notes off: no marks at all", () => {
    const plan = planWrites(evaluation, smallGrid(), {
      ...OPTIONS,
      highlights: false,
      notes: false,
    });
    expect(plan.marks).toEqual([]);
  });

  test("fills and notes on the same cell make one mark", () => {
    const plan = planWrites(evaluation, smallGrid(), OPTIONS);
    const i5 = plan.marks.filter((m) => m.address === "I5");
    expect(i5).toHaveLength(1);
    expect(i5[0].fill).toBe(MARK_FILLS.deduction);
    expect(i5[0].note).toContain("0.85");
  });

  test("deterministic: shuffled findings and rows give the same plan, ordered by row then column", () => {
    const a = planWrites(evaluation, smallGrid(), OPTIONS);
    const shuffled = smallEvaluation({
      findings: [...findings].reverse(),
      indicators: [...evaluation.indicators].reverse(),
    });
    const b = planWrites(shuffled, smallGrid(), OPTIONS);
    expect(b).toEqual(a);
    const order = a.marks.map((m) => m.row * 1000 + m.col);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  test("a total note without a budget", () => {
    const plan = planWrites(
      smallEvaluation({ budget: null, total: 12.35, provisional: false }),
      smallGrid(),
      OPTIONS
    );
    expect(plan.marks.find((m) => m.address === "I9")?.note).toBe(
      "【绩效自评助手】\n总分 12.35 = 指标得分 12.35，等级：差。"
    );
  });
});
