/**
 * Per-fixture layout expectations, written from the fixtures' documented rows and columns
 * (Excel rows are 1-based here; the model is 0-based).
 */
import { gridFromSpec } from "../fixtures/sheet-spec";
import { detectLayout } from "../../src/domain/detect";
import {
  ALL_FORMS,
  empty,
  fundsYuan,
  fundsZeroTotal,
  gradeCell,
  noTable,
  parentRows,
  percentFormat,
  placeholders,
  qualitative,
  reverseCostDeadline,
  splitColumns,
  traditional,
  weightFirst,
  weights110,
} from "../fixtures/forms";
import { col, indicatorRows, layoutOf, range, sectionsOf, skipped } from "./helpers";

const STANDARD_SECTIONS = (p: number[], b: number[], s: number[]) => [
  ["产出指标(50)", "50", p[0], p],
  ["效益指标(30)", "30", b[0], b],
  ["满意度指标(10)", "10", s[0], s],
];

describe("weight-first: 分值 before 年度目标值, header synonyms, table from column A", () => {
  const layout = layoutOf(weightFirst);
  test("columns follow the header text, not the MOF order", () => {
    expect(layout.indicatorHeaderRow + 1).toBe(11);
    expect(layout.columns).toEqual({
      level1: col("A"),
      level2: col("B"),
      level3: col("C"),
      weight: col("D"),
      target: col("E"),
      actual: col("F"),
      score: col("G"),
      note: col("H"),
      nature: null,
      unit: null,
    });
  });
  test("rows, sections with 分 in the label, total", () => {
    expect(indicatorRows(layout)).toEqual(range(12, 19));
    expect(sectionsOf(layout)).toEqual([
      ["产出指标(50分)", "50", 12, range(12, 16)],
      ["效益指标(30分)", "30", 17, [17, 18]],
      ["满意度指标(10分)", "10", 19, [19]],
    ]);
    expect(layout.total).toEqual({ row: 19, weightCol: col("D"), scoreCol: col("G") });
    const row13 = layout.indicators[1];
    expect([
      row13.targetText,
      row13.actualText,
      row13.weightCell.value,
      row13.scoreCell.value,
    ]).toEqual(["≥3万人", "2.8万人", 10, 9.33]);
    expect(row13.noteText).toBe("部分村组整体搬迁，受益人口略低于预期");
  });
  test("funds: 当年财政拨款 is the fiscal row, label column B", () => {
    expect(layout.funds!.columns.label).toBe(col("B"));
    expect(layout.funds!.totalRow!.row + 1).toBe(6);
    expect(layout.funds!.subRows.map((r) => [r.row + 1, r.kind])).toEqual([
      [7, "fiscal"],
      [8, "other"],
    ]);
  });
});

describe("split-columns: 指标性质 | 指标值 | 度量单位 under a two-row header", () => {
  const layout = layoutOf(splitColumns);
  test("the second header row supplies 指标性质, 指标值 and 度量单位", () => {
    expect(layout.indicatorHeaderRow + 1).toBe(10);
    expect(layout.columns).toEqual({
      level1: col("A"),
      level2: col("B"),
      level3: col("C"),
      nature: col("D"),
      target: col("E"),
      unit: col("F"),
      actual: col("G"),
      weight: col("H"),
      score: col("I"),
      note: col("J"),
    });
    expect(indicatorRows(layout)).toEqual(range(12, 18));
  });
  test("targets join nature + value + unit; 定性 keeps the words only", () => {
    expect(layout.indicators.map((i) => [i.targetText, i.unitText])).toEqual([
      ["≥20个", "个"],
      ["≥95%", "%"],
      ["=100%", "%"],
      ["≤50万元", "万元"],
      ["≥1000元/户", "元/户"],
      ["效果明显", ""],
      ["≥90%", "%"],
    ]);
    expect(layout.indicators[0].actualCell.value).toBe(22);
  });
  test("调整后预算数 / 预算执行数 / 本年财政拨款; no declared section weights", () => {
    const funds = layout.funds!;
    expect(funds.headerRow + 1).toBe(3);
    expect([funds.columns.initial, funds.columns.adjusted, funds.columns.executed]).toEqual([
      col("C"),
      col("D"),
      col("E"),
    ]);
    expect(funds.subRows[0]).toMatchObject({ row: 4, kind: "fiscal" });
    expect(layout.sections).toEqual([]);
    expect(layout.total).toEqual({ row: 18, weightCol: col("H"), scoreCol: col("I") });
  });
});

describe("funds-yuan: 项目资金（元）", () => {
  const layout = layoutOf(fundsYuan);
  test("the unit comes from the label", () => {
    expect(layout.funds!.unit).toBe("元");
    expect(layout.funds!.totalRow!.row + 1).toBe(6);
  });
  test("the text amount 4753.66万元 stays the cost row's actual", () => {
    expect(indicatorRows(layout)).toEqual(range(13, 18));
    expect(layout.indicators[3].actualText).toBe("4753.66万元");
    expect(layout.total!.row + 1).toBe(19);
  });
});

describe("funds-zero-total", () => {
  test("the zero 年度资金总额 row is still the total row; 财政拨款 follows", () => {
    const layout = layoutOf(fundsZeroTotal);
    expect(layout.funds!.totalRow).toEqual({ row: 5, kind: "total", label: "年度资金总额" });
    expect(layout.funds!.subRows.map((r) => [r.row + 1, r.kind])).toEqual([
      [7, "fiscal"],
      [8, "carryover"],
      [9, "other"],
    ]);
    expect(indicatorRows(layout)).toEqual(range(13, 17));
    expect(layout.total!.row + 1).toBe(18);
  });
});

describe("weights-110", () => {
  test("sections keep the declared weight even when the rows add up to more", () => {
    const layout = layoutOf(weights110);
    expect(sectionsOf(layout)).toEqual(STANDARD_SECTIONS(range(13, 16), [17], [18]));
    expect(layout.indicators.slice(0, 4).map((i) => i.weightCell.value)).toEqual([20, 15, 15, 10]);
    expect(layout.total!.row + 1).toBe(19);
  });
});

describe("percent-format", () => {
  test("percent cells are passed as cells with their displayed text", () => {
    const layout = layoutOf(percentFormat);
    const first = layout.indicators[0];
    expect(first.targetCell).toMatchObject({ value: 0.95, numberFormat: "0.00%", text: "95.00%" });
    expect(first.targetText).toBe("95.00%");
    expect(first.actualText).toBe("97.30%");
    expect(layout.indicators[1].targetText).toBe("100%");
    expect(layout.indicators[3].actualText).toBe("98.5%");
    expect(layout.funds!.columns.rate).toBe(col("H"));
    expect(indicatorRows(layout)).toEqual(range(13, 17));
  });
});

describe("empty template", () => {
  test("detects the table with no indicators: every slot row is a placeholder", () => {
    const layout = layoutOf(empty);
    expect(layout.projectName).toBeNull();
    expect(layout.indicators).toEqual([]);
    expect(skipped(layout)).toEqual(range(13, 39).map((r) => [r, "placeholder"]));
    expect(layout.sections).toEqual([]);
    expect(layout.total).toEqual({ row: 39, weightCol: col("H"), scoreCol: col("I") });
  });
});

describe("qualitative", () => {
  test("qualitative rows are indicators; a blank 二级 cell repeats the label above", () => {
    const layout = layoutOf(qualitative);
    expect(indicatorRows(layout)).toEqual(range(13, 20));
    expect(layout.indicators.map((i) => i.level2)).toEqual([
      "数量指标",
      "质量指标",
      "社会效益指标",
      "社会效益指标",
      "生态效益指标",
      "生态效益指标",
      "可持续影响指标",
      "服务对象满意度指标",
    ]);
    expect(sectionsOf(layout)).toEqual([
      ["产出指标(30)", "30", 13, [13, 14]],
      ["效益指标(50)", "50", 15, range(15, 19)],
      ["满意度指标(10)", "10", 20, [20]],
    ]);
    expect(layout.indicators[7].actualText).toBe("大部分群众表示认可");
  });
});

describe("reverse-cost-deadline", () => {
  test("cost and time rows carry their 二级 label for the LE default", () => {
    const layout = layoutOf(reverseCostDeadline);
    expect(indicatorRows(layout)).toEqual(range(13, 21));
    expect(layout.indicators.slice(0, 7).map((i) => [i.level2, i.targetText])).toEqual([
      ["成本指标", "≤2000元/平方米"],
      ["成本指标", "≤300万元"],
      ["成本指标", "120万元"],
      ["时效指标", "2023年12月"],
      ["时效指标", "2021年12月31日"],
      ["时效指标", "12月底之前完成"],
      ["时效指标", "≤6月"],
    ]);
    expect(layout.indicators[4].noteText).toBe("");
  });
});

describe("parent-rows", () => {
  const layout = layoutOf(parentRows);
  test("一、 and 二、 rows followed by numbered children are parents, not indicators", () => {
    expect(skipped(layout)).toEqual([
      [13, "parent"],
      [17, "parent"],
    ]);
    expect(indicatorRows(layout)).toEqual([14, 15, 16, 18, 19, 20, 21, 22]);
  });
  test("sections count the children only", () => {
    // The 一级 label cell is C13, on the parent row.
    expect(sectionsOf(layout)).toEqual([
      ["产出指标(50)", "50", 13, [14, 15, 16, 18, 19]],
      ["效益指标(30)", "30", 20, [20, 21]],
      ["满意度指标(10)", "10", 22, [22]],
    ]);
    const weights = layout.indicators.slice(0, 5).map((i) => i.weightCell.value as number);
    expect(weights.reduce((a, b) => a + b, 0)).toBe(50);
  });
});

describe("traditional", () => {
  const layout = layoutOf(traditional);
  test("Traditional headers and labels are recognised", () => {
    expect(layout.indicatorHeaderRow + 1).toBe(10);
    expect(layout.columns.level1).toBe(col("C"));
    expect(layout.columns.actual).toBe(col("G"));
    expect(layout.columns.note).toBe(col("J"));
    expect(layout.projectName).toBe("社區居家養老服務補助");
    expect(layout.funds!.unit).toBe("万元");
    expect(layout.funds!.totalRow!.row + 1).toBe(5);
    expect(layout.funds!.subRows.map((r) => r.kind)).toEqual(["fiscal", "carryover", "other"]);
  });
  test("level labels come out Simplified and without line breaks", () => {
    expect(indicatorRows(layout)).toEqual(range(11, 16));
    expect(layout.indicators.map((i) => [i.level1, i.level2])).toEqual([
      ["产出指标(50分)", "数量指标"],
      ["产出指标(50分)", "质量指标"],
      ["产出指标(50分)", "时效指标"],
      ["效益指标30分)", "经济效益指标"],
      ["效益指标30分)", "社会效益指标"],
      ["满意度指标(10分)", "服务对象满意度指标"],
    ]);
  });
  test("the lost bracket still declares 30; 總分 ends the table", () => {
    expect(sectionsOf(layout)).toEqual([
      ["產出指標(50分)", "50", 11, [11, 12, 13]],
      ["效益指标30分)", "30", 14, [14, 15]],
      ["滿意度指標(10分)", "10", 16, [16]],
    ]);
    expect(layout.total!.row + 1).toBe(17);
  });
});

describe("grade-cell", () => {
  test("the cell right of the merged 自评等级 label is the grade cell", () => {
    const layout = layoutOf(gradeCell);
    expect(layout.total!.row + 1).toBe(19);
    expect(layout.gradeCell).toEqual({ row: 19, col: col("H") });
    expect(indicatorRows(layout)).toEqual(range(13, 18));
  });
});

describe("no-table", () => {
  test("a memo is not a table and not an error", () => {
    expect(detectLayout(gridFromSpec(noTable))).toEqual({ ok: false, reason: "no-table" });
  });
});

describe("placeholders", () => {
  const layout = layoutOf(placeholders);
  test("slots, ……, a 二级 label alone and / / / are skipped; a blank row inside is empty", () => {
    expect(skipped(layout)).toEqual([
      [14, "placeholder"],
      [16, "placeholder"],
      [18, "placeholder"],
      [20, "placeholder"],
      [21, "empty"],
    ]);
    expect(indicatorRows(layout)).toEqual([13, 15, 17, 19, 22, 23]);
  });
  test("无 notes are passed through for the rules to treat as empty", () => {
    expect(layout.indicators.map((i) => i.noteText)).toEqual(["无", "无", "无", "无", "无", "无"]);
    expect(sectionsOf(layout)).toEqual(STANDARD_SECTIONS([13, 15, 17], [19], [22, 23]));
    expect(layout.total!.row + 1).toBe(24);
  });
});

describe("ALL_FORMS", () => {
  test("ids are unique and every form but the memo has a table", () => {
    const ids = ALL_FORMS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(15);
    const withoutTable = ALL_FORMS.filter((f) => !detectLayout(gridFromSpec(f.spec)).ok).map(
      (f) => f.id
    );
    expect(withoutTable).toEqual(["no-table"]);
  });
});
