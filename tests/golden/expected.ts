/**
 * Expected evaluations, written by hand from RULES A and C (not copied from the engine's output).
 * The arithmetic behind each number is in the comment above it and in each fixture's header.
 * `scores` maps each indicator's 得分 cell to its computed score (null = not scored); `counted`
 * lists only rows whose counted score differs from the computed one. Findings are code@cell.
 */
import type { Grade } from "../../src/domain/model";

export interface GoldenExpectation {
  /** Fixture id (ALL_FORMS or GOLDEN_FORMS). */
  form: string;
  profile: string;
  detect?: "no-table" | "no-indicator-header";
  budget?: { rate: number | null; score: number | null } | null;
  scores?: Record<string, number | null>;
  counted?: Record<string, number | null>;
  total?: number | null;
  grade?: Grade | null;
  provisional?: boolean;
  findings?: string[];
}

/** n rows from `first` (1-based) in column `col`, all with `score`. */
function rows(
  col: string,
  first: number,
  scores: (number | null)[]
): Record<string, number | null> {
  return Object.fromEntries(scores.map((s, i) => [`${col}${first + i}`, s]));
}

const SEED_OVER = [13, 16, 17, 19, 22, 24, 26, 27, 29, 31, 32, 33, 36];
const SEED_NOTE = SEED_OVER.filter((r) => r !== 31); // row 31 has a note

export const EXPECTED: GoldenExpectation[] = [
  {
    form: "seed",
    profile: "mof-2020",
    // 3106.43 / 3112 = 0.998210154…; 10 × 0.99821 = 9.9821 → 9.98
    budget: { rate: 3106.43 / 3112, score: 9.98 },
    // every row full marks except row 28: 256 / 600 × 2 = 0.8533 → 0.85
    scores: rows(
      "I",
      13,
      [3, 2, 3, 3, 2, 2, 3, 3, 3, 2, 2, 2, 2, 2, 2, 0.85, 2, 2, 3, 2, 3, 10, 10, 10, 10]
    ),
    // 9.98 + 90 − 2 + 0.85 = 98.83
    total: 98.83,
    grade: "优",
    provisional: false,
    findings: [
      ...SEED_OVER.map((r) => `OVER_TARGET@G${r}`),
      ...SEED_NOTE.map((r) => `NOTE_MISSING@J${r}`),
      "SHORTFALL@I28",
    ],
  },
  {
    form: "weight-first",
    profile: "mof-2020",
    // 469.5 / 480 = 0.978125 → 9.78
    budget: { rate: 0.978125, score: 9.78 },
    // row 13: 28000 / 30000 × 10 = 9.333 → 9.33
    scores: rows("G", 12, [15, 9.33, 10, 5, 10, 15, 15, 10]),
    total: 99.11,
    grade: "优",
    provisional: false,
    findings: ["SHORTFALL@G13"],
  },
  {
    form: "split-columns",
    profile: "mof-2020",
    // 调整后预算数: 950 / 1000
    budget: { rate: 0.95, score: 9.5 },
    scores: rows("I", 12, [15, 15, 10, 10, 15, 15, 10]),
    total: 99.5,
    grade: "优",
    provisional: false,
    findings: [],
  },
  {
    form: "split-columns",
    profile: "jinan-beijing",
    // 年初预算数: 950 / 1200 = 0.791666… → 7.9166 → 7.92; printed 95.00% and 9.5 now disagree
    budget: { rate: 950 / 1200, score: 7.92 },
    scores: rows("I", 12, [15, 15, 10, 10, 15, 15, 10]),
    // 7.92 + 90
    total: 97.92,
    grade: "优",
    provisional: false,
    findings: ["RATE_MISMATCH@G4", "RATE_MISMATCH@H4", "TOTAL_MISMATCH@I19"],
  },
  {
    form: "funds-yuan",
    profile: "mof-2020",
    // 47 536 600 / 48 000 000 = 0.9903458… → 9.90
    budget: { rate: 47536600 / 48000000, score: 9.9 },
    scores: rows("I", 13, [20, 10, 10, 10, 30, 10]),
    total: 99.9,
    grade: "优",
    provisional: false,
    findings: [],
  },
  {
    form: "funds-zero-total",
    profile: "mof-2020",
    // sub-rows: 186.4 / 200 = 0.932 → 9.32
    budget: { rate: 0.932, score: 9.32 },
    scores: rows("I", 13, [20, 15, 15, 30, 10]),
    total: 99.32,
    grade: "优",
    provisional: false,
    findings: [
      "BUDGET_TOTAL_MISMATCH@F6",
      "RATE_MISMATCH@H6",
      "RATE_MISMATCH@I6",
      "TOTAL_MISMATCH@I18",
    ],
  },
  {
    form: "weights-110",
    profile: "mof-2020",
    budget: { rate: 1, score: 10 },
    scores: rows("I", 13, [20, 15, 15, 10, 30, 10]),
    // 10 + 100; 产出 declares 50 over 20 + 15 + 15 + 10 = 60; weights 110
    total: 110,
    grade: "优",
    provisional: false,
    findings: ["WEIGHT_SUM@C13", "WEIGHT_SUM@H19", "TOTAL_MISMATCH@I19"],
  },
  {
    form: "percent-format",
    profile: "mof-2020",
    // 978.09 / 1000 = 97.809% (printed 97.81%, agrees) → 9.7809 → 9.78; printed score 9
    budget: { rate: 0.97809, score: 9.78 },
    // row 14: 90% / 100% × 15 = 13.5
    scores: rows("I", 13, [20, 13.5, 15, 30, 10]),
    total: 98.28,
    grade: "优",
    provisional: false,
    findings: ["RATE_MISMATCH@I6", "SHORTFALL@I14", "TOTAL_MISMATCH@I18"],
  },
  {
    form: "empty",
    profile: "mof-2020",
    // nothing filled in: MISSING_VALUE for the budget, and no score, total or grade is invented
    budget: { rate: null, score: null },
    scores: {},
    total: null,
    grade: null,
    provisional: true,
    findings: ["MISSING_VALUE@E6"],
  },
  {
    form: "qualitative",
    profile: "mof-2020",
    budget: { rate: 1, score: 10 },
    // 13 met; 14 keep 10; 15 达成 outside → 10; 16 keep 7; 17 部分 outside → 7; 18 keep 5;
    // 19 未达成 outside → 3; 20 unparseable (counts 9)
    scores: rows("I", 13, [20, 10, 10, 7, 7, 5, 3, null]),
    counted: { I20: 9 },
    // 10 + 20 + 10 + 10 + 7 + 7 + 5 + 3 + 9 = 81
    total: 81,
    grade: "良",
    provisional: true,
    findings: [
      "SCORE_MISMATCH@I15",
      "SHORTFALL@I16",
      "SHORTFALL@I17",
      "NOTE_MISSING@J17",
      "SCORE_MISMATCH@I17",
      "QUALITATIVE_REVIEW@I17",
      "SHORTFALL@I18",
      "SHORTFALL@I19",
      "NOTE_MISSING@J19",
      "SCORE_MISMATCH@I19",
      "QUALITATIVE_REVIEW@I19",
      "UNPARSEABLE@G20",
      "TOTAL_MISMATCH@I21",
    ],
  },
  {
    form: "qualitative",
    profile: "tiers-80-50",
    budget: { rate: 1, score: 10 },
    // bands [8,10] [5,8) [0,5): row 18 未达成 with 5 is now outside → 3, review
    scores: rows("I", 13, [20, 10, 10, 7, 7, 3, 3, null]),
    counted: { I20: 9 },
    // 10 + 20 + 10 + 10 + 7 + 7 + 3 + 3 + 9 = 79
    total: 79,
    grade: "中",
    provisional: true,
    findings: [
      "SCORE_MISMATCH@I15",
      "SHORTFALL@I16",
      "SHORTFALL@I17",
      "NOTE_MISSING@J17",
      "SCORE_MISMATCH@I17",
      "QUALITATIVE_REVIEW@I17",
      "SHORTFALL@I18",
      "SCORE_MISMATCH@I18",
      "QUALITATIVE_REVIEW@I18",
      "SHORTFALL@I19",
      "NOTE_MISSING@J19",
      "SCORE_MISMATCH@I19",
      "QUALITATIVE_REVIEW@I19",
      "UNPARSEABLE@G20",
      "TOTAL_MISMATCH@I21",
    ],
  },
  {
    form: "reverse-cost-deadline",
    profile: "mof-2020",
    // 330 / 330 (全年预算数)
    budget: { rate: 1, score: 10 },
    // 14: 300/330 × 10 = 9.0909 → 9.09; 15: 120/125 × 10 = 9.6; 17 and 19 late → 0
    scores: rows("I", 13, [10, 9.09, 9.6, 5, 0, 5, 0, 30, 10]),
    total: 88.69,
    grade: "良",
    provisional: false,
    findings: [
      "SHORTFALL@I14",
      "SHORTFALL@I15",
      "SHORTFALL@I17",
      "NOTE_MISSING@J17",
      "LATE@G17",
      "SHORTFALL@I19",
      "NOTE_MISSING@J19",
      "LATE@G19",
      "SCORE_MISMATCH@I19",
      "TOTAL_MISMATCH@I22",
    ],
  },
  {
    form: "reverse-cost-deadline",
    profile: "linear-reverse",
    budget: { rate: 1, score: 10 },
    // 14: (2 − 330/300) × 10 = 9; 15: (2 − 125/120) × 10 = 9.5833 → 9.58
    scores: rows("I", 13, [10, 9, 9.58, 5, 0, 5, 0, 30, 10]),
    // 10 + 10 + 9 + 9.58 + 5 + 0 + 5 + 0 + 30 + 10
    total: 88.58,
    grade: "良",
    provisional: false,
    findings: [
      "SHORTFALL@I14",
      "SCORE_MISMATCH@I14",
      "SHORTFALL@I15",
      "SCORE_MISMATCH@I15",
      "SHORTFALL@I17",
      "NOTE_MISSING@J17",
      "LATE@G17",
      "SHORTFALL@I19",
      "NOTE_MISSING@J19",
      "LATE@G19",
      "SCORE_MISMATCH@I19",
      "TOTAL_MISMATCH@I22",
    ],
  },
  {
    form: "parent-rows",
    profile: "mof-2020",
    budget: { rate: 1, score: 10 },
    // parents 13 and 17 skipped; 18: 9000/10000 × 20 = 18; 20: 260/200 = 130% → OVER_TARGET
    scores: { I14: 5, I15: 5, I16: 5, I18: 18, I19: 15, I20: 15, I21: 15, I22: 10 },
    total: 98,
    grade: "优",
    provisional: false,
    findings: ["SHORTFALL@I18", "OVER_TARGET@G20", "NOTE_MISSING@J20"],
  },
  {
    form: "traditional",
    profile: "mof-2020",
    // 58 / 60 = 0.96666… → 9.67
    budget: { rate: 58 / 60, score: 9.67 },
    // 11: 1800/2000 × 15 = 13.5
    scores: rows("I", 11, [13.5, 20, 15, 15, 15, 10]),
    total: 98.17,
    grade: "优",
    provisional: false,
    findings: ["SHORTFALL@I11"],
  },
  {
    form: "grade-cell",
    profile: "mof-2020",
    // 170 / 200 = 0.85 → 8.5
    budget: { rate: 0.85, score: 8.5 },
    // 16/20 × 20 = 16; late → 0; 46/50 × 15 = 13.8; 88/90 × 10 = 9.777… → 9.78
    scores: rows("I", 13, [16, 15, 0, 13.8, 15, 9.78]),
    // 8.5 + 16 + 15 + 0 + 13.8 + 15 + 9.78 = 78.08 → 中 (printed 良)
    total: 78.08,
    grade: "中",
    provisional: false,
    findings: [
      "SHORTFALL@I13",
      "SHORTFALL@I15",
      "LATE@G15",
      "SHORTFALL@I16",
      "SHORTFALL@I18",
      "NOTE_MISSING@J18",
      "GRADE_MISMATCH@H20",
    ],
  },
  { form: "no-table", profile: "mof-2020", detect: "no-table" },
  {
    form: "placeholders",
    profile: "mof-2020",
    budget: { rate: 1, score: 10 },
    scores: { I13: 20, I15: 15, I17: 15, I19: 30, I22: 5, I23: 5 },
    total: 100,
    grade: "优",
    provisional: false,
    findings: [],
  },
  {
    form: "sichuan-rate",
    profile: "sichuan",
    budget: { rate: 0.85, score: 8.5 },
    scores: { I13: null, I14: 30, I15: 30, I16: null },
    counted: { I13: 20, I16: 10 },
    total: 98.5,
    grade: "优",
    provisional: true,
    findings: [
      "RATE_REASON_MISSING@H6",
      "UNIT_MISMATCH@G13",
      "OVER_TARGET@G15",
      "MISSING_VALUE@G16",
    ],
  },
  {
    form: "sichuan-rate",
    profile: "mof-2020",
    budget: { rate: 0.85, score: 8.5 },
    scores: { I13: null, I14: 30, I15: 30, I16: null },
    counted: { I13: 20, I16: 10 },
    total: 98.5,
    grade: "优",
    provisional: true,
    findings: ["UNIT_MISMATCH@G13", "OVER_TARGET@G15", "MISSING_VALUE@G16"],
  },
];
