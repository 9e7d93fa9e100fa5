/**
 * Hand-built inputs for rendering tests, independent of the engine: a few rows of the seed form
 * (RULES.md: 3106.43/3112 = 99.82% → 9.98; 干部培训 256/600 × 2 = 0.85; total 98.83 → 优) and a
 * controllable fake recompute service.
 */
import type { RecomputeOptions, RecomputeResult, RecomputeService } from "../../src/app/recompute";
import type { Evaluation, Finding } from "../../src/domain/model";
import type { WorkbookPort } from "../../src/hosts/workbook-port";

const shortfall: Finding = {
  code: "SHORTFALL",
  severity: "error",
  row: 27,
  col: 8,
  cell: "I28",
  params: { target: "600", actual: "256" },
  message: {
    "zh-CN": "未达到年度指标值：实际 256 人次，目标 ≥600 人次，得分 0.85。",
    en: "Target not met: actual 256, target ≥600; score 0.85.",
  },
};
const overTarget: Finding = {
  code: "OVER_TARGET",
  severity: "warning",
  row: 18,
  col: 6,
  cell: "G19",
  params: {},
  message: {
    "zh-CN": "实际完成值 314套 远超目标 ≥12套，请说明偏差原因。",
    en: "Actual 314 far exceeds the target ≥12; explain the deviation.",
  },
};
const noteMissing: Finding = {
  code: "NOTE_MISSING",
  severity: "warning",
  row: 18,
  col: 9,
  cell: "J19",
  params: {},
  message: { "zh-CN": "缺少偏差原因分析。", en: "The deviation note is missing." },
};
const info: Finding = {
  code: "QUALITATIVE_REVIEW",
  severity: "info",
  row: 34,
  col: 8,
  cell: "I35",
  params: {},
  message: { "zh-CN": "定性指标请人工复核。", en: "Review this qualitative rating." },
};

export function seedEvaluation(): Evaluation {
  return {
    sheetName: "项目支出绩效自评表",
    form: 1,
    range: "A1:J38",
    breakdowns: [],
    profileId: "mof-2020",
    projectName: "基层科普行动计划专项资金",
    layout: {} as Evaluation["layout"],
    budget: {
      row: 5,
      rateCell: "H6",
      scoreCell: "I6",
      rate: 3106.43 / 3112,
      score: 9.98,
      weight: 10,
      reportedRate: "99.82%",
      reportedScore: 9.98,
      explanation: {
        "zh-CN": "执行率 = 3106.43 ÷ 3112 = 99.82%，得分 = 99.82% × 10 = 9.98。",
        en: "Rate = 3106.43 ÷ 3112 = 99.82%; score = 99.82% × 10 = 9.98.",
      },
      subRows: [],
    },
    indicators: [
      {
        row: 12,
        scoreCell: "I13",
        level1: "产出指标（50）",
        level2: "数量指标",
        level3: "全区科普信息员人数",
        target: "≥30万人",
        actual: "44.9204万人",
        weight: 3,
        kind: "GE",
        completion: 449204 / 300000,
        score: 3,
        reportedScore: 3,
        countedScore: 3,
        explanation: { "zh-CN": "实际 ≥ 目标，得满分 3。", en: "Actual ≥ target: full 3 points." },
        codes: [],
      },
      {
        row: 18,
        scoreCell: "I19",
        level1: "产出指标（50）",
        level2: "数量指标",
        level3: "基层科技馆新增的展品",
        target: "≥12套",
        actual: "314套",
        weight: 3,
        kind: "GE",
        completion: 314 / 12,
        score: 3,
        reportedScore: 3,
        countedScore: 3,
        explanation: { "zh-CN": "实际 ≥ 目标，得满分 3。", en: "Actual ≥ target: full 3 points." },
        codes: ["OVER_TARGET", "NOTE_MISSING"],
      },
      {
        row: 27,
        scoreCell: "I28",
        level1: "产出指标（50）",
        level2: "质量指标",
        level3: "全区科协系统干部培训班培训的科协系统和基层组织干部人次",
        target: "≥600人次",
        actual: "256人次",
        weight: 2,
        kind: "GE",
        completion: 256 / 600,
        score: 0.85,
        reportedScore: 0.85,
        countedScore: 0.85,
        explanation: {
          "zh-CN": "256 ÷ 600 × 2 = 0.8533…，四舍五入得 0.85。",
          en: "256 ÷ 600 × 2 = 0.8533…, rounded to 0.85.",
        },
        codes: ["SHORTFALL"],
      },
    ],
    total: 98.83,
    grade: "优",
    provisional: false,
    reportedTotal: 98.83,
    reportedGrade: null,
    totalCell: "I38",
    gradeCell: null,
    findings: [overTarget, shortfall, noteMissing, info],
  };
}

export function seedResult(evaluation = seedEvaluation()): RecomputeResult {
  const plan = { sheetName: evaluation.sheetName, writes: [], marks: [], skipped: [] };
  return {
    sheet: { name: evaluation.sheetName },
    forms: [{ evaluation, plan }],
    evaluation,
    plan,
    resolved: {
      sheetName: evaluation.sheetName,
      cells: [],
      snapshot: { sheetName: evaluation.sheetName, cells: {} },
    },
    writtenCells: 7,
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A service whose calls the test settles by hand; every call is recorded. */
export class FakeService implements RecomputeService {
  readonly recomputeCalls: (RecomputeOptions | undefined)[] = [];
  readonly revertCalls: number[] = [];
  readonly pendingRecompute: Deferred<RecomputeResult>[] = [];
  readonly pendingRevert: Deferred<number>[] = [];

  recompute(options?: RecomputeOptions): Promise<RecomputeResult> {
    this.recomputeCalls.push(options);
    const d = deferred<RecomputeResult>();
    this.pendingRecompute.push(d);
    return d.promise;
  }

  revert(): Promise<number> {
    this.revertCalls.push(Date.now());
    const d = deferred<number>();
    this.pendingRevert.push(d);
    return d.promise;
  }
}

/** The App needs a port only to build its own service; these tests always inject one. */
export const unusedPort: WorkbookPort = {
  listSheets: () => Promise.reject(new Error("not used")),
  readGrid: () => Promise.reject(new Error("not used")),
  write: () => Promise.reject(new Error("not used")),
  revert: () => Promise.reject(new Error("not used")),
  readSnapshot: () => Promise.reject(new Error("not used")),
};
