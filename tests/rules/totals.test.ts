/** RULES A7 totals, weights and grade; A8 total and grade checks. */
import Decimal from "decimal.js";
import { gradeOf, sumTotal, weightFindings } from "../../src/domain/rules/totals";
import { readGrade, totalFindings } from "../../src/domain/rules/consistency";
import { DEFAULT_PROFILE } from "../../src/domain/profiles";
import type { TableLayout } from "../../src/domain/model";
import { COLUMNS } from "./helpers";

const d = (v: number) => new Decimal(v);

const layout: TableLayout = {
  sheetName: "t",
  projectName: null,
  funds: null,
  indicatorHeaderRow: 11,
  columns: COLUMNS,
  indicators: [],
  sections: [{ label: "产出指标（50）", weight: d(50), cell: { row: 12, col: 2 }, rows: [12, 13] }],
  total: { row: 20, weightCol: 7, scoreCol: 8 },
  gradeCell: { row: 20, col: 9 },
  skippedRows: [],
  breakdowns: [],
  form: 1,
  range: { top: 0, left: 0, bottom: 20, right: 9 },
};

describe("sumTotal", () => {
  test("seed: 9.98 + 88.85 = 98.83", () => {
    const rows = [
      ...Array(24)
        .fill(null)
        .map(() => d(0)),
      d(0.85),
    ];
    rows[0] = d(88);
    expect(sumTotal(d(9.98), rows)!.toNumber()).toBe(98.83);
  });
  test("unscored rows without a reported score add nothing; nothing at all → null", () => {
    expect(sumTotal(null, [d(1.5), null])!.toNumber()).toBe(1.5);
    expect(sumTotal(null, [])).toBeNull();
  });
  test("0.1 + 0.2 is 0.3 exactly", () => {
    expect(sumTotal(d(0.1), [d(0.2)])!.toFixed()).toBe("0.3");
  });
});

test("gradeOf: 90 优, 89.99 良, 80 良, 79.99 中, 60 中, 59.99 差", () => {
  const g = (v: number) => gradeOf(d(v), DEFAULT_PROFILE.gradeBands);
  expect([g(90), g(89.99), g(80), g(79.99), g(60), g(59.99)]).toEqual([
    "优",
    "良",
    "良",
    "中",
    "中",
    "差",
  ]);
});

describe("weightFindings", () => {
  test("10 + 20 + 30 + 40 = 100 with a matching section → nothing", () => {
    const weights = new Map([
      [12, d(20)],
      [13, d(30)],
      [14, d(40)],
    ]);
    expect(weightFindings(layout, weights, d(10), 0.005)).toEqual([]);
  });
  test("weights adding to 110 → WEIGHT_SUM at the total's weight cell", () => {
    const weights = new Map([
      [12, d(20)],
      [13, d(30)],
      [14, d(40)],
    ]);
    const f = weightFindings(layout, weights, d(20), 0.005);
    expect(f.map((x) => `${x.code}@${x.cell}`)).toEqual(["WEIGHT_SUM@H21"]);
    expect(f[0].params.sum).toBe("110");
  });
  test("a section declaring 50 over rows of 20 + 25 → WEIGHT_SUM naming the section", () => {
    const weights = new Map([
      [12, d(20)],
      [13, d(25)],
      [14, d(45)],
    ]);
    const f = weightFindings(layout, weights, d(10), 0.005);
    expect(f.map((x) => `${x.code}@${x.cell}`)).toEqual(["WEIGHT_SUM@C13"]);
    expect(f[0].message["zh-CN"]).toBe(
      "C13：“产出指标（50）”标明 50 分，但其下指标分值合计 45；请核对分值。"
    );
  });
});

describe("readGrade", () => {
  test.each([
    ["优", "优"],
    ["优秀", "优"],
    ["良好", "良"],
    ["评价等级：中", "中"],
    ["不合格", "差"],
    ["合格", "中"],
    ["A", null],
  ])("%s → %s", (text, grade) => expect(readGrade(text)).toBe(grade));
});

describe("totalFindings", () => {
  test("printed total 100 against 98.83 → TOTAL_MISMATCH", () => {
    const f = totalFindings(layout, { total: d(100), gradeText: null }, d(98.83), DEFAULT_PROFILE);
    expect(f.map((x) => `${x.code}@${x.cell}`)).toEqual(["TOTAL_MISMATCH@I21"]);
  });
  test("within 0.005 is not a mismatch", () => {
    expect(
      totalFindings(layout, { total: d(98.834), gradeText: null }, d(98.83), DEFAULT_PROFILE)
    ).toEqual([]);
  });
  test("printed 优 with a computed 89 → GRADE_MISMATCH expecting 良", () => {
    const f = totalFindings(layout, { total: d(89), gradeText: "优" }, d(89), DEFAULT_PROFILE);
    expect(f.map((x) => x.code)).toEqual(["GRADE_MISMATCH"]);
    expect(f[0].params.expected).toBe("良");
  });
  test("a grade that follows from the computed total but not from the printed one is flagged", () => {
    const f = totalFindings(layout, { total: d(85), gradeText: "优" }, d(92), DEFAULT_PROFILE);
    expect(f.map((x) => x.code)).toEqual(["TOTAL_MISMATCH", "GRADE_MISMATCH"]);
  });
  test("consistent printed total and grade → nothing", () => {
    expect(
      totalFindings(layout, { total: d(98.83), gradeText: "优" }, d(98.83), DEFAULT_PROFILE)
    ).toEqual([]);
  });
});
