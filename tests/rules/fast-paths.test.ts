/**
 * Shortcuts taken for speed must give what the long way gives: each case is the edge where the
 * shortcut and the general code could part ways.
 */
import Decimal from "decimal.js";
import { differs, profileDecimal, toNumber } from "../../src/domain/decimal";
import { bareKey } from "../../src/domain/detect/labels";
import { fundsRowKind } from "../../src/domain/detect/synonyms";
import { makeFinding } from "../../src/domain/findings";
import { explain, renderLocalized } from "../../src/domain/messages";
import { pointsLost } from "../../src/domain/marks";
import { scoreText } from "../../src/domain/plan";

describe("bareKey", () => {
  test("strips a trailing qualifier or colon, and only those", () => {
    expect(bareKey("年度指标值(A)")).toBe("年度指标值");
    expect(bareKey("分值(分)")).toBe("分值");
    expect(bareKey("项目名称:")).toBe("项目名称");
    expect(bareKey("项目名称：")).toBe("项目名称");
    expect(bareKey("分值(分)：")).toBe("分值");
    expect(bareKey("年度指标值")).toBe("年度指标值");
    expect(bareKey("(A)年度指标值")).toBe("(A)年度指标值");
    expect(bareKey("")).toBe("");
  });
});

describe("differs", () => {
  test("equal figures differ only under a negative tolerance, as |0| > tolerance says", () => {
    const a = new Decimal("9.98");
    expect(differs(a, new Decimal("9.98"), 0)).toBe(false);
    expect(differs(a, new Decimal("9.980"), 0.01)).toBe(false);
    expect(differs(a, new Decimal("9.98"), -0.01)).toBe(true);
  });

  test("unequal figures compare their distance with the tolerance", () => {
    expect(differs(new Decimal("10"), new Decimal("9.99"), 0.01)).toBe(false);
    expect(differs(new Decimal("10"), new Decimal("9.98"), 0.01)).toBe(true);
    expect(differs(new Decimal("9.98"), new Decimal("10"), 0.01)).toBe(true);
  });

  test("a profile number is built as new Decimal(number) would be, once", () => {
    expect(profileDecimal(0.1).eq(new Decimal(0.1))).toBe(true);
    expect(profileDecimal(1.3)).toBe(profileDecimal(1.3));
  });

  test("toNumber reads a Decimal as Decimal#toNumber does", () => {
    const third = new Decimal(1).div(3);
    expect(toNumber(third)).toBe(third.toNumber());
    expect(toNumber(third)).toBe(third.toNumber());
    expect(toNumber(new Decimal("-0"))).toBe(new Decimal("-0").toNumber());
  });
});

describe("pointsLost", () => {
  test("is the exact loss, or 0 when the score reaches the weight", () => {
    expect(pointsLost({ weight: 5, score: 4.5 })).toBe(0.5);
    expect(pointsLost({ weight: 0.3, score: 0.1 })).toBe(0.2);
    expect(pointsLost({ weight: 5, score: 5 })).toBe(0);
    expect(pointsLost({ weight: 5, score: 6 })).toBe(0);
    expect(pointsLost({ weight: 0.3, score: 0.1 + 0.2 })).toBe(0);
    expect(pointsLost({ weight: 0.1 + 0.2, score: 0.3 })).toBe(
      new Decimal(0.1 + 0.2).minus(0.3).toNumber()
    );
    expect(pointsLost({ weight: null, score: 1 })).toBe(0);
  });
});

describe("scoreText", () => {
  test("prints the same text however often a score is asked for", () => {
    for (let i = 0; i < 2; i++) {
      expect(scoreText(10)).toBe("10");
      expect(scoreText(0.85)).toBe("0.85");
      expect(scoreText(2.675)).toBe("2.68");
      expect(scoreText(-0)).toBe("0");
    }
  });
});

describe("fundsRowKind", () => {
  test("reads a funds row label the same on every call", () => {
    for (let i = 0; i < 2; i++) {
      expect(fundsRowKind("年度资金总额")).toBe("total");
      expect(fundsRowKind("其中：财政拨款")).toBe("fiscal");
      expect(fundsRowKind("上年结转资金")).toBe("carryover");
      expect(fundsRowKind("其他资金(万元)")).toBe("other");
      expect(fundsRowKind("")).toBeNull();
    }
  });
});

describe("messages", () => {
  test("localized params give each language its own text; a missing one stays visible", () => {
    const text = renderLocalized(
      { "zh-CN": "{actual}（{missing}）", en: "{actual} ({missing})" },
      { actual: { "zh-CN": "256人次", en: "256 人次" } }
    );
    expect(text).toEqual({ "zh-CN": "256人次（{missing}）", en: "256 人次 ({missing})" });
    expect(explain("reasonBadWeight", { text: 5 })).toEqual({
      "zh-CN": "分值“5”无法识别",
      en: 'the weight "5" cannot be read',
    });
  });

  test("a finding's params keep their order and gain the cell last", () => {
    const f = makeFinding("SCORE_MISMATCH", 12, 7, { reported: "9", expected: "10" });
    expect(Object.keys(f.params)).toEqual(["reported", "expected", "cell"]);
    expect(f.params.cell).toBe("H13");
  });
});
