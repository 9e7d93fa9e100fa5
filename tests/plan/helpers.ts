/**
 * A small hand-made form and an Evaluation for it, so the plan and the snapshot logic are tested
 * without the detector or the rules. Numbers are worked out by hand from RULES.md (the seed's funds
 * row: 3106.43 / 3112 = 0.998210… → 99.82% → 9.98).
 */
import type { CellGrid } from "../../src/domain/grid";
import { fromA1 } from "../../src/domain/grid";
import type {
  BudgetResult,
  Evaluation,
  Finding,
  FindingCode,
  IndicatorResult,
  Severity,
  TableLayout,
} from "../../src/domain/model";
import type { PlanOptions } from "../../src/domain/plan-types";
import type { SheetSpec, SpecCell } from "../fixtures/sheet-spec";
import { gridFromSpec } from "../fixtures/sheet-spec";
import { COLUMNS } from "../rules/helpers";

export const OPTIONS: PlanOptions = {
  highlights: true,
  notes: true,
  replaceFormulas: false,
  lang: "zh-CN",
};

/** Rows (1-based): 1 funds header, 2 funds total (H2 rate, I2 score), 3 indicator header,
 *  4–8 indicators (actual G, weight H, score I, note J), 9 总分 (I9) with the grade in J9. */
export function smallSpec(overrides: Record<string, SpecCell> = {}): SheetSpec {
  const rows: SpecCell[][] = [
    [null, "项目资金", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, null, "年度资金总额", 3112, 3112, 3106.43, 10, "99.82%", 9.98],
    [
      null,
      "绩效指标",
      "一级指标",
      "二级指标",
      "三级指标",
      "年度指标值",
      "实际完成值",
      "分值",
      "得分",
      "偏差原因分析及改进措施",
    ],
    [null, null, "产出指标", "数量指标", "A", "≥30万人", "44.9204万人", 3, 3, null],
    [null, null, null, "质量指标", "B", "≥600人次", "256人次", 2, "1", null],
    [null, null, null, "数量指标", "C", "≥10次", "10次", 1.5, null, null],
    [null, null, null, "数量指标", "D", "≥5个", "5个", 2, { v: 2, formula: "H7" }, null],
    [null, null, null, "数量指标", "E", "≥5个", "五个", 5, 5, null],
    [null, "总分", null, null, null, null, null, 13.5, 98, "良"],
  ];
  for (const [address, value] of Object.entries(overrides)) {
    const { row, col } = fromA1(address);
    while (rows[row].length <= col) rows[row].push(null);
    rows[row][col] = value;
  }
  return { name: "自评表", rows };
}

export function smallGrid(overrides: Record<string, SpecCell> = {}): CellGrid {
  return gridFromSpec(smallSpec(overrides));
}

export function finding(
  code: FindingCode,
  severity: Severity,
  cell: string,
  zh: string,
  en = zh
): Finding {
  const { row, col } = fromA1(cell);
  return { code, severity, row, col, cell, params: {}, message: { "zh-CN": zh, en } };
}

function indicator(
  row1: number,
  score: number | null,
  counted: number | null,
  zh: string
): IndicatorResult {
  return {
    row: row1 - 1,
    scoreCell: `I${row1}`,
    level1: "产出指标",
    level2: "数量指标",
    level3: String.fromCharCode(64 + row1 - 3),
    target: "",
    actual: "",
    weight: null,
    kind: "GE",
    completion: null,
    score,
    reportedScore: null,
    countedScore: counted,
    explanation: { "zh-CN": zh, en: `en:${zh}` },
    codes: [],
  };
}

export function layoutStub(): TableLayout {
  return {
    sheetName: "自评表",
    projectName: null,
    funds: null,
    indicatorHeaderRow: 2,
    columns: { ...COLUMNS },
    indicators: [],
    sections: [],
    total: { row: 8, weightCol: 7, scoreCol: 8 },
    gradeCell: { row: 8, col: 9 },
    skippedRows: [],
    breakdowns: [],
    form: 1,
    range: { top: 0, left: 0, bottom: 8, right: 9 },
  };
}

export function budgetStub(overrides: Partial<BudgetResult> = {}): BudgetResult {
  return {
    row: 1,
    rateCell: "H2",
    scoreCell: "I2",
    rate: 3106.43 / 3112,
    score: 9.98,
    weight: 10,
    reportedRate: "99.82%",
    reportedScore: 9.98,
    explanation: {
      "zh-CN": "执行率 = 3106.43 / 3112 = 99.82%",
      en: "rate = 3106.43 / 3112 = 99.82%",
    },
    subRows: [],
    ...overrides,
  };
}

/**
 * Scores by hand: A 3 (met), B 0.85 (256/600 × 2), C 1.5, D 2 (its cell is a formula), E cannot be
 * scored (五个) and counts its printed 5. Total = 9.98 + 3 + 0.85 + 1.5 + 2 + 5 = 22.33.
 */
export function smallEvaluation(overrides: Partial<Evaluation> = {}): Evaluation {
  return {
    sheetName: "自评表",
    form: 1,
    range: "A1:J9",
    profileId: "mof-2020",
    projectName: null,
    layout: layoutStub(),
    breakdowns: [],
    budget: budgetStub(),
    indicators: [
      indicator(4, 3, 3, "A 达标"),
      indicator(5, 0.85, 0.85, "B 256 / 600 × 2 = 0.85"),
      indicator(6, 1.5, 1.5, "C 达标"),
      indicator(7, 2, 2, "D 达标"),
      indicator(8, null, 5, "E 无法计算"),
    ],
    total: 22.33,
    grade: "差",
    provisional: true,
    reportedTotal: 98,
    reportedGrade: "良",
    totalCell: "I9",
    gradeCell: "J9",
    findings: [],
    ...overrides,
  };
}
