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
  const evaluation = smallEvaluation({ findings });

  test("fills: error wins over warning on the row's 得分 cell, and each finding's own cell is filled", () => {
    const plan = planWrites(evaluation, smallGrid(), { ...OPTIONS, notes: false });
    expect(plan.marks.map((m) => [m.address, m.fill, m.note])).toEqual([
      ["H2", MARK_FILLS.warning, null],
      ["I2", MARK_FILLS.warning, null],
      ["B3", MARK_FILLS.error, null],
      ["G4", MARK_FILLS.warning, null],
      ["I4", MARK_FILLS.warning, null],
      ["I5", MARK_FILLS.error, null],
      ["J5", MARK_FILLS.error, null],
    ]);
  });

  test("the colours are Excel's bad and neutral fills", () => {
    expect(MARK_FILLS).toEqual({ error: "#FFC7CE", warning: "#FFEB9C" });
  });

  test("notes: explanation then the row's findings, on every 得分 cell, the budget score and the total", () => {
    const plan = planWrites(evaluation, smallGrid(), { ...OPTIONS, highlights: false });
    const notes = Object.fromEntries(plan.marks.map((m) => [m.address, m.note]));
    expect(Object.keys(notes)).toEqual(["I2", "I4", "I5", "I6", "I7", "I8", "I9"]);
    expect(notes.I5).toBe(
      "【绩效自评助手】\nB 256 / 600 × 2 = 0.85\n• I5 表中得分 1 应为 0.85\n• J5 缺少偏差原因"
    );
    expect(notes.I4).toBe("【绩效自评助手】\nA 达标\n• G4 超额完成");
    expect(notes.I6).toBe("【绩效自评助手】\nC 达标\n• G6 请复核");
    expect(notes.I2).toBe("【绩效自评助手】\n执行率 = 3106.43 / 3112 = 99.82%\n• H2 执行率不符");
    // total = 9.98 + (3 + 0.85 + 1.5 + 2 + 5 = 12.35) = 22.33; the orphan WEIGHT_SUM (row 3) lands here.
    expect(notes.I9).toBe(
      "【绩效自评助手】\n总分 22.33 = 预算执行得分 9.98 + 指标得分 12.35，等级：差。" +
        "（暂定：部分指标无法计算，沿用表中原得分。）\n• 产出指标分值合计不符"
    );
    expect(plan.marks.every((m) => m.fill === null)).toBe(true);
  });

  test("notes in English", () => {
    const plan = planWrites(evaluation, smallGrid(), { ...OPTIONS, highlights: false, lang: "en" });
    const notes = Object.fromEntries(plan.marks.map((m) => [m.address, m.note]));
    expect(notes.I5).toBe(
      "[SelfEval]\nen:B 256 / 600 × 2 = 0.85\n• I5 printed 1, should be 0.85\n• J5 reason missing"
    );
    expect(notes.I9).toMatch(
      /^\[SelfEval\]\nTotal 22\.33 = budget execution 9\.98 \+ indicators 12\.35; grade 差\./
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
    expect(i5[0].fill).toBe(MARK_FILLS.error);
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
