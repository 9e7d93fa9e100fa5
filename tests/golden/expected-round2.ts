/**
 * Expectations for the second round of real-form shapes (stacked forms, funds labels, placeholders,
 * breakdown rows, ambiguous quantities, 不适用 rows), written by hand from RULES A/B and each
 * fixture's header comment — never copied from the engine. One entry per sheet, one `forms` item per
 * 自评表 on it, top to bottom. Cells are A1 on the sheet; findings are code@cell.
 */
import type { CellValue } from "../../src/domain/grid";
import type { Grade } from "../../src/domain/model";
import type { SheetSpec } from "../fixtures/sheet-spec";
import { ambiguous } from "../fixtures/forms/round2/ambiguous";
import { breakdowns } from "../fixtures/forms/round2/breakdowns";
import { fundsLabels } from "../fixtures/forms/round2/funds-labels";
import { notApplicable } from "../fixtures/forms/round2/not-applicable";
import { roadPlaceholders, stackedThree, stackedTwo } from "../fixtures/forms/round2/stacked";

export interface FormExpectation {
  range: string;
  project: string | null;
  budget: { rate: number | null; score: number | null } | null;
  /** 得分 cell → computed score. */
  scores: Record<string, number | null>;
  total: number | null;
  grade: Grade | null;
  provisional: boolean;
  findings: string[];
  /** Breakdown rows as "row<parent" (1-based). */
  breakdowns?: string[];
}

export interface SheetExpectation {
  id: string;
  spec: SheetSpec;
  profile: string;
  forms: FormExpectation[];
  /** Cells the plan writes, with their values (only those listed are checked). */
  writes?: Record<string, CellValue>;
  /** Cells the plan must leave alone: address → skip reason, or null for "not planned at all". */
  untouched?: Record<string, "placeholder" | "formula" | null>;
}

function rows(
  col: string,
  first: number,
  scores: (number | null)[]
): Record<string, number | null> {
  return Object.fromEntries(scores.map((s, i) => [`${col}${first + i}`, s]));
}

const ROAD: FormExpectation = {
  range: "B1:J17",
  project: "乡村道路养护",
  // 180 / 200 = 0.9 → 10 × 0.9 = 9
  budget: { rate: 0.9, score: 9 },
  scores: rows("I", 13, [27, 20, 30, 10]),
  total: 96,
  grade: "优",
  provisional: false,
  findings: ["SHORTFALL@I13"],
};

const water = (top: number): FormExpectation => ({
  range: `B${top}:J${top + 16}`,
  project: "农村饮水安全巩固",
  budget: { rate: 1, score: 10 },
  // 8 / 10 × 25 = 20; the rest full marks
  scores: rows("I", top + 12, [20, 25, 30, 10]),
  total: 95,
  grade: "优",
  provisional: false,
  findings: [`SHORTFALL@I${top + 12}`, `NOTE_MISSING@J${top + 12}`, `SCORE_MISMATCH@I${top + 12}`],
});

const vector = (top: number): FormExpectation => ({
  range: `B${top}:J${top + 17}`,
  project: "病媒生物防制",
  // 40 / 50 = 0.8 → 8
  budget: { rate: 0.8, score: 8 },
  // 81 / 90 × 10 = 9
  scores: rows("I", top + 12, [30, 20, 27, 9]),
  total: 94,
  grade: "优",
  provisional: false,
  findings: [`SHORTFALL@I${top + 15}`, `GRADE_MISMATCH@H${top + 17}`],
});

/** One-indicator forms of funds-labels.ts: 完成项目数 → 90. */
const small = (
  top: number,
  bottom: number,
  project: string,
  rate: number,
  budget: number,
  findings: string[] = []
): FormExpectation => ({
  range: `B${top}:J${bottom}`,
  project,
  budget: { rate, score: budget },
  scores: { [`I${bottom - 1}`]: 90 },
  total: Number((budget + 90).toFixed(2)),
  grade: "优",
  provisional: false,
  findings,
});

export const ROUND2: SheetExpectation[] = [
  {
    id: "stacked-two",
    spec: stackedTwo,
    profile: "mof-2020",
    forms: [ROAD, water(20)],
    // The second form's empty total and its 得分 are written like the first form's.
    writes: { I17: 96, I32: 20, I36: 95, H25: "100.00%", I25: 10 },
  },
  {
    id: "stacked-three",
    spec: stackedThree,
    profile: "mof-2020",
    forms: [ROAD, water(20), vector(39)],
    writes: { I36: 95, I55: 94, H56: "优", I6: 9, I44: 8 },
  },
  {
    id: "funds-labels",
    spec: fundsLabels,
    profile: "mof-2020",
    forms: [
      small(1, 13, "项目甲", 110 / 120, 9.17),
      small(16, 28, "项目乙", 0.9, 9, ["RATE_MISMATCH@H22", "RATE_MISMATCH@I22"]),
      small(31, 43, "项目丙", 0.8, 8),
      small(46, 59, "項目丁", 0.95, 9.5),
    ],
    writes: { I6: 9.17, H7: 0.9, I21: 9, H22: 0.9, I22: 9, I36: 8, I51: 9.5, I59: 99.5 },
    untouched: { I7: null, H8: null, I8: null, H21: "placeholder", H37: null, I37: null },
  },
  {
    id: "owned-placeholders",
    spec: roadPlaceholders,
    profile: "mof-2020",
    forms: [{ ...ROAD, range: "B1:J18" }],
    writes: { I14: 20, I17: 96 },
    untouched: { H18: "placeholder" },
  },
  {
    id: "breakdowns",
    spec: breakdowns,
    profile: "mof-2020",
    forms: [
      {
        range: "B1:J24",
        project: "高标准农田建设",
        budget: { rate: 1, score: 10 },
        scores: { I13: 20, I16: 20, I19: 10, I20: 30, I22: 10 },
        total: 100,
        grade: "优",
        provisional: false,
        findings: ["BREAKDOWN_SUM@G13", "BREAKDOWN_SUM@F20", "BREAKDOWN_SUM@G20"],
        breakdowns: ["14<13", "15<13", "17<16", "18<16", "21<20", "23<22"],
      },
    ],
    // Breakdown rows get no score written.
    untouched: { I14: null, I15: null, I17: null, I18: null, I21: null, I23: null },
  },
  {
    id: "ambiguous",
    spec: ambiguous,
    profile: "mof-2020",
    forms: [
      {
        range: "B1:J19",
        project: "城乡居民医疗保险宣传",
        budget: { rate: 1, score: 10 },
        scores: rows("I", 13, [20, 10, 10, 10, 24, 10]),
        total: 94,
        grade: "优",
        provisional: false,
        findings: [
          "UNIT_ASSUMED@G13",
          "OVER_TARGET@G13",
          "UNIT_ASSUMED@G14",
          "UNIT_ASSUMED@G15",
          "SHORTFALL@I17",
        ],
      },
    ],
  },
  {
    id: "not-applicable",
    spec: notApplicable,
    profile: "mof-2020",
    forms: [
      {
        range: "B1:J18",
        project: "农村危房改造",
        budget: { rate: 0.9, score: 9 },
        scores: rows("I", 13, [20, 20, null, 24, 10]),
        total: 83,
        grade: "良",
        provisional: true,
        findings: ["UNPARSEABLE@G15", "SHORTFALL@I16", "TOTAL_MISMATCH@I18"],
      },
    ],
    writes: { I18: 83 },
    untouched: { I15: null },
  },
  {
    id: "not-applicable",
    spec: notApplicable,
    profile: "rescale-na",
    forms: [
      {
        range: "B1:J18",
        project: "农村危房改造",
        budget: { rate: 0.9, score: 9 },
        scores: rows("I", 13, [20, 20, null, 24, 10]),
        total: 92.22,
        grade: "优",
        provisional: false,
        findings: ["NOT_APPLICABLE@I15", "SHORTFALL@I16"],
      },
    ],
    writes: { I18: 92.22 },
    untouched: { I15: null },
  },
];
