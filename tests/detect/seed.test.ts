import { seed } from "../fixtures/forms/seed";
import { col, indicatorRows, layoutOf, range, sectionsOf, skipped } from "./helpers";

describe("detectLayout on the seed report's table", () => {
  const layout = layoutOf(seed);

  test("finds the project name and the indicator header on row 12", () => {
    expect(layout.sheetName).toBe("项目支出绩效自评表");
    expect(layout.projectName).toBe("基层科普行动计划专项资金");
    expect(layout.indicatorHeaderRow + 1).toBe(12);
  });

  test("maps the indicator columns by header text: C 一级 … J 偏差原因", () => {
    expect(layout.columns).toEqual({
      level1: col("C"),
      level2: col("D"),
      level3: col("E"),
      target: col("F"),
      actual: col("G"),
      weight: col("H"),
      score: col("I"),
      note: col("J"),
      nature: null,
      unit: null,
    });
  });

  test("finds the funds block: header row 5, label column C, rows 6–9, unit 万元", () => {
    const funds = layout.funds!;
    expect(funds.headerRow + 1).toBe(5);
    expect(funds.unit).toBe("万元");
    expect(funds.columns).toEqual({
      label: col("C"),
      initial: col("D"),
      adjusted: col("E"),
      executed: col("F"),
      weight: col("G"),
      rate: col("H"),
      score: col("I"),
    });
    expect(funds.totalRow).toEqual({ row: 5, kind: "total", label: "年度资金总额" });
    expect(funds.subRows.map((r) => [r.row + 1, r.kind])).toEqual([
      [7, "fiscal"],
      [8, "carryover"],
      [9, "other"],
    ]);
  });

  test("reads the 25 indicators on rows 13–37; the goal block's 实际完成情况 is not a column", () => {
    expect(indicatorRows(layout)).toEqual(range(13, 37));
    expect(layout.skippedRows).toEqual([]);
  });

  test("the first indicator keeps its raw texts, including the trailing U+3000", () => {
    const first = layout.indicators[0];
    expect(first.level3).toBe("全区科普信息员人数");
    expect(first.targetText).toBe("≥30万人");
    expect(first.actualText).toBe("44.9204万人\u3000");
    expect(first.weightCell.value).toBe(3);
    expect(first.scoreCell.value).toBe(3);
    expect(first.noteText).toBe("");
  });

  test("carries the merged 一级 label down and reads each row's 二级 label", () => {
    const at = (row: number) => layout.indicators.find((i) => i.row + 1 === row)!;
    expect(at(14).level1).toBe("产出指标(50)");
    expect(at(14).level2).toBe("成本指标");
    expect(at(33).level1).toBe("产出指标(50)");
    expect(at(35).level1).toBe("效益指标(30)");
    expect(at(35).level2).toBe("可持续影响指标");
    expect(at(37).level1).toBe("满意度指标(10)");
    expect(at(37).level2).toBe("服务对象满意度指标");
  });

  test("keeps the seed's special texts and notes", () => {
    const at = (row: number) => layout.indicators.find((i) => i.row + 1 === row)!;
    expect(at(14).actualText).toBe("160万");
    expect(at(27).actualText).toBe("20000/人次");
    expect(at(28).targetText).toBe("≥600人次");
    expect(at(28).actualText).toBe("256人次");
    expect(at(28).scoreCell.value).toBe(0.85);
    expect(at(28).noteText).toBe("受疫情影响，几期线下培训班未举办");
    expect(at(31).noteText).toBe("因活动采取线上加线下，受众人数较多");
    expect(at(34).targetText).toBe("定性优良中低差");
    expect(at(34).actualText).toBe("优");
  });

  test("collects the section weights declared in the 一级 labels", () => {
    expect(sectionsOf(layout)).toEqual([
      ["产出指标(50)", "50", 13, range(13, 33)],
      ["效益指标(30)", "30", 34, range(34, 36)],
      ["满意度指标(10)", "10", 37, [37]],
    ]);
  });

  test("finds the 总分 row 38 with weight in H and score in I; no grade cell", () => {
    expect(layout.total).toEqual({ row: 37, weightCol: col("H"), scoreCol: col("I") });
    expect(layout.gradeCell).toBeNull();
    expect(skipped(layout)).toEqual([]);
  });
});
