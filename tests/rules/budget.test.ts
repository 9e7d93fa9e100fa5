/** RULES A5 and the Part B budget variants, on hand-built funds blocks. */
import { evaluateBudget } from "../../src/domain/rules/budget";
import { DEFAULT_PROFILE, getProfile } from "../../src/domain/profiles";
import type { FundsBlock } from "../../src/domain/model";
import type { RuleProfile } from "../../src/domain/profile-types";
import { gridFromSpec, type SpecCell } from "../fixtures/sheet-spec";

/** Columns B label, C 年初预算数, D 全年预算数, E 全年执行数, F 分值, G 执行率, H 得分; header row 1. */
const FUNDS: FundsBlock = {
  headerRow: 0,
  unit: "万元",
  columns: { label: 1, initial: 2, adjusted: 3, executed: 4, weight: 5, rate: 6, score: 7 },
  totalRow: { row: 1, kind: "total", label: "年度资金总额" },
  subRows: [
    { row: 2, kind: "fiscal", label: "其中：财政拨款" },
    { row: 3, kind: "carryover", label: "上年结转资金" },
    { row: 4, kind: "other", label: "其他资金" },
  ],
};

type Amounts = [SpecCell, SpecCell, SpecCell, SpecCell?, SpecCell?, SpecCell?, SpecCell?];

function grid(total: Amounts, subs: Amounts[] = [], extra: SpecCell[] = []) {
  const header = [
    null,
    "项目资金",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
  ];
  const line = (label: string, a: Amounts, more: SpecCell[] = []): SpecCell[] => [
    null,
    label,
    a[0],
    a[1],
    a[2],
    a[3] ?? null,
    a[4] ?? null,
    a[5] ?? null,
    ...more,
  ];
  const blank: Amounts = [null, null, null];
  return gridFromSpec({
    name: "t",
    rows: [
      header,
      line("年度资金总额", total, extra),
      line("其中：财政拨款", subs[0] ?? blank),
      line("上年结转资金", subs[1] ?? blank),
      line("其他资金", subs[2] ?? blank),
    ],
  });
}

const run = (g: ReturnType<typeof grid>, profile: RuleProfile = DEFAULT_PROFILE) =>
  evaluateBudget(FUNDS, g, profile)!;
const codes = (e: ReturnType<typeof run>) => e.findings.map((f) => `${f.code}@${f.cell}`);

describe("A5 rate and score", () => {
  test("seed: 3106.43 / 3112 = 99.821…% → 9.98, printed values agree", () => {
    const e = run(grid([3112, 3112, 3106.43, 10, "99.82%", 9.98], [[3112, 3112, 3106.43]]));
    expect(e.result.rate).toBeCloseTo(0.998210154, 9);
    expect(e.result.score).toBe(9.98);
    expect(e.findings).toEqual([]);
    expect(e.result.explanation["zh-CN"]).toBe(
      "3106.43 ÷ 3112 = 99.82%；得分 = 10 × 99.82% = 9.98"
    );
    expect(e.result.explanation.en).toBe("3106.43 ÷ 3112 = 99.82%; score = 10 × 99.82% = 9.98");
  });
  test("the score uses the unrounded rate: 97.809% × 10 = 9.7809 → 9.78", () => {
    const e = run(grid([1000, 1000, 978.09, 10]));
    expect(e.result.score).toBe(9.78);
  });
  test("over-execution is capped at w", () => {
    expect(run(grid([100, 100, 120, 10])).result.score).toBe(10);
  });
  test("全年预算数 empty → 年初预算数 is used: 90 / 100", () => {
    expect(run(grid([100, null, 90, 10])).result.score).toBe(9);
  });
  test("profile denominator: adjusted 120 vs initial 100, executed 90", () => {
    const g = grid([100, 120, 90, 10]);
    expect(run(g).result.score).toBe(7.5);
    expect(run(g, getProfile("sichuan")).result.score).toBe(7.5);
    expect(run(g, getProfile("jinan-beijing")).result.score).toBe(9);
  });
  test("empty 分值 uses the profile's budget weight (20 in budget-20)", () => {
    expect(run(grid([100, 100, 50, null])).result.weight).toBe(10);
    const e = run(grid([100, 100, 50, null]), getProfile("budget-20"));
    expect(e.result.weight).toBe(20);
    expect(e.result.score).toBe(10);
  });
});

describe("A5 missing values and the total row", () => {
  test("zero denominator → rate counts as 0, MISSING_VALUE", () => {
    const e = run(grid([0, 0, 50, 10]));
    expect(e.result.score).toBe(0);
    expect(e.result.rate).toBeNull();
    expect(codes(e)).toEqual(["MISSING_VALUE@D2"]);
  });
  test("empty 全年执行数 → MISSING_VALUE at the executed cell", () => {
    expect(codes(run(grid([100, 100, null, 10])))).toEqual(["MISSING_VALUE@E2"]);
  });
  test("total row of zeros with sub-rows holding amounts: sum them, BUDGET_TOTAL_MISMATCH", () => {
    const e = run(
      grid(
        [0, 0, 0, 10],
        [
          [60, 60, 50],
          [null, null, null],
          [40, 40, 30],
        ]
      )
    );
    // (50 + 30) / (60 + 40) = 80%
    expect(e.result.rate).toBe(0.8);
    expect(e.result.score).toBe(8);
    expect(codes(e)).toEqual(["BUDGET_TOTAL_MISMATCH@E2"]);
    expect(e.result.explanation["zh-CN"]).toBe(
      "年度资金总额为空，按分项合计计算：80 ÷ 100 = 80.00%；得分 = 10 × 80.00% = 8"
    );
  });
  test("a total that differs from its sub-rows is flagged, scored from the total", () => {
    const e = run(grid([100, 100, 90, 10], [[80, 80, 90]]));
    expect(e.result.score).toBe(9);
    expect(codes(e)).toEqual(["BUDGET_TOTAL_MISMATCH@D2"]);
  });
});

describe("A8 printed rate and score", () => {
  test("printed 100% when the amounts give 80.45% → RATE_MISMATCH at the rate cell", () => {
    const e = run(grid([100, 100, 80.45, 10, "100%", 10]));
    expect(codes(e)).toEqual(["RATE_MISMATCH@G2", "RATE_MISMATCH@H2"]);
    expect(e.findings[0].message["zh-CN"]).toBe(
      "G2：表中执行率 100% 与 80.45 ÷ 100 = 80.45% 不符，请改为 80.45%。"
    );
  });
  test("a truncated rate 97.80% for 97.809% and a score of 9 for 9.78 are both flagged", () => {
    const e = run(grid([1000, 1000, 978.09, 10, "97.80%", 9]));
    expect(codes(e)).toEqual(["RATE_MISMATCH@G2", "RATE_MISMATCH@H2"]);
  });
  test("a percent-formatted rate cell holding the exact ratio agrees", () => {
    const e = run(grid([3112, 3112, 3106.43, 10, { v: 3106.43 / 3112, fmt: "0.00%" }, 9.98]));
    expect(e.findings).toEqual([]);
  });
});

describe("Part B rate reason (Sichuan)", () => {
  test("rate 85% < 90% without a reason → RATE_REASON_MISSING", () => {
    const g = grid([100, 100, 85, 10, "85.00%", 8.5]);
    expect(codes(run(g, getProfile("sichuan")))).toEqual(["RATE_REASON_MISSING@G2"]);
    expect(run(g).findings).toEqual([]);
  });
  test("a reason written beside the funds row satisfies it", () => {
    const g = grid([100, 100, 85, 10, "85.00%", 8.5], [], ["项目延期，部分资金未支付"]);
    expect(run(g, getProfile("sichuan")).findings).toEqual([]);
  });
});

test("no funds block → null", () => {
  expect(evaluateBudget(null, grid([1, 1, 1]), DEFAULT_PROFILE)).toBeNull();
});
