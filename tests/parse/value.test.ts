import { parseValue } from "../../src/domain/parse";
import { cell, num, view } from "./helpers";

// Expected values are written from RULES A2 and Part C by hand: value with the multiplier applied,
// percentages as fractions, unit without multiplier or "/".
describe("numbers from the seed table and RULES A2 / Part C", () => {
  test.each([
    ["≥30万人", "GE", "300000", false, "人"],
    ["44.9204万人\u3000", null, "449204", false, "人"],
    ["≤200万元", "LE", "2000000", false, "元"],
    ["160万", null, "1600000", false, ""],
    ["45万", null, "450000", false, ""],
    ["≥1000万次", "GE", "10000000", false, "次"],
    ["1100万次", null, "11000000", false, "次"],
    ["≥10000次", "GE", "10000", false, "次"],
    ["≤1867万元", "LE", "18670000", false, "元"],
    ["1861.43万元", null, "18614300", false, "元"],
    ["≥12套", "GE", "12", false, "套"],
    ["≥50000人次", "GE", "50000", false, "人次"],
    ["40万人次", null, "400000", false, "人次"],
    ["20000/人次", null, "20000", false, "人次"],
    ["≥5万人", "GE", "50000", false, "人"],
    ["94844人", null, "94844", false, "人"],
    ["10万人次", null, "100000", false, "人次"],
    ["2.6亿元", null, "260000000", false, "元"],
    ["2.45亿元", null, "245000000", false, "元"],
    ["≤90万元", "LE", "900000", false, "元"],
    ["90", null, "90", false, ""],
    ["≥50个", "GE", "50", false, "个"],
    ["50", null, "50", false, ""],
    ["≥266米", "GE", "266", false, "米"],
    ["每亩300", null, "300", false, "亩"],
    ["3,106.43", null, "3106.43", false, ""],
    ["3千人", null, "3000", false, "人"],
    ["1,205个", null, "1205", false, "个"],
    ["  ≥275次", "GE", "275", false, "次"],
  ])("%s", (text, comparator, value, percent, unit) => {
    expect(view(num(text))).toEqual({ comparator, value, percent, unit });
  });
});

describe("percentages are fractions", () => {
  test.each([
    ["≥90%", "GE", "0.9"],
    ["90%", null, "0.9"],
    ["97.30%", null, "0.973"],
    ["97.3％", null, "0.973"],
    ["≥100百分比", "GE", "1"],
    ["100%(百分比)", null, "1"],
    ["≥95%（百分比）", "GE", "0.95"],
    ["≤5%", "LE", "0.05"],
    ["0.5%", null, "0.005"],
    ["≤3‰", "LE", "0.003"],
  ])("%s", (text, comparator, value) => {
    expect(view(num(text))).toEqual({ comparator, value, percent: true, unit: "" });
  });
});

describe("comparators", () => {
  test.each([
    ["≥5", "GE"],
    ["≧5", "GE"],
    [">=5", "GE"],
    ["＞＝5", "GE"],
    ["不少于5", "GE"],
    ["不低于5", "GE"],
    ["至少5", "GE"],
    ["5个以上", "GE"],
    [">5", "GT"],
    ["＞5", "GT"],
    ["≤5", "LE"],
    ["≦5", "LE"],
    ["<=5", "LE"],
    ["不超过5", "LE"],
    ["不高于5", "LE"],
    ["不大于5", "LE"],
    ["控制在5万元以内", "LE"],
    ["5个以内", "LE"],
    ["5个以下", "LE"],
    ["<5", "LT"],
    ["=5", "EQ"],
    ["═5", "EQ"],
    ["﹦5", "EQ"],
    ["＝5", "EQ"],
    ["5", null],
  ])("%s → %s", (text, comparator) => {
    expect(num(text).comparator).toBe(comparator);
    expect(num(text).value.toFixed()).toBe(text.includes("万") ? "50000" : "5");
  });

  test("the comparator phrase does not leak into the unit", () => {
    expect(view(num("控制在200万元以内"))).toEqual({
      comparator: "LE",
      value: "2000000",
      percent: false,
      unit: "元",
    });
    expect(view(num("300人以上"))).toEqual({
      comparator: "GE",
      value: "300",
      percent: false,
      unit: "人",
    });
    expect(view(num("≥90%(含)"))).toEqual({
      comparator: "GE",
      value: "0.9",
      percent: true,
      unit: "",
    });
  });

  test("full-width digits and spaces are normalised", () => {
    expect(view(num("≥ ３０ 万人"))).toEqual({
      comparator: "GE",
      value: "300000",
      percent: false,
      unit: "人",
    });
  });
});

describe("placeholders are empty", () => {
  test.each([
    "",
    "—",
    "–",
    "-",
    "/",
    "／",
    "……",
    "...",
    "无",
    "暂无",
    "*",
    "/ / /",
    "\u3000",
    " \n ",
  ])("%p", (text) => {
    expect(parseValue(text)).toEqual({ kind: "empty", raw: text });
  });
});

describe("qualitative text stays text", () => {
  test.each([
    "定性优良中低差",
    "优",
    "达成预期指标",
    "有效提升",
    "按时完成",
    "指标2:",
    "满意度高",
    "10-20人",
    "第3季度",
    "1e5",
  ])("%s", (text) => {
    const v = parseValue(text);
    expect(v.kind).toBe("text");
    if (v.kind === "text") expect(v.text).toBe(text);
  });

  test("the text is normalised without inner whitespace", () => {
    expect(parseValue("  效果 明显\u3000")).toEqual({
      kind: "text",
      raw: "  效果 明显\u3000",
      text: "效果明显",
    });
  });
});

describe("cells: the displayed text and the stored value together (A2.7)", () => {
  test("a number cell formatted 0.00% is a percentage", () => {
    expect(view(num("97.30%", cell(0.973, "97.30%", "0.00%")))).toEqual({
      comparator: null,
      value: "0.973",
      percent: true,
      unit: "",
    });
  });

  test("a percent cell keeps the stored value, not the rounded display", () => {
    expect(num("97.81%", cell(0.97809, "97.81%", "0.00%")).value.toFixed()).toBe("0.97809");
  });

  test("a General number cell is a plain number", () => {
    expect(view(num("100", cell(100, "100")))).toEqual({
      comparator: null,
      value: "100",
      percent: false,
      unit: "",
    });
    expect(view(num("1", cell(1, "1")))).toEqual({
      comparator: null,
      value: "1",
      percent: false,
      unit: "",
    });
  });

  test("float noise in a stored value does not leak", () => {
    expect(num("0.3", cell(0.1 + 0.2, "0.3")).value.toFixed()).toBe("0.3");
  });

  test("a unit in the number format is read from the display", () => {
    expect(view(num("4753.66万元", cell(4753.66, "4753.66万元", '0.00"万元"')))).toEqual({
      comparator: null,
      value: "47536600",
      percent: false,
      unit: "元",
    });
  });

  test("a number cell without rendered text is still read", () => {
    expect(view(num("", cell(0.9, "", "0%")))).toEqual({
      comparator: null,
      value: "0.9",
      percent: true,
      unit: "",
    });
    expect(num("", cell(42, "")).value.toFixed()).toBe("42");
  });

  test("a text cell is read from its text", () => {
    expect(view(num("≥90%", cell("≥90%", "≥90%", "@")))).toEqual({
      comparator: "GE",
      value: "0.9",
      percent: true,
      unit: "",
    });
  });

  test("a date-formatted serial is a time (45291 = 2023-12-31)", () => {
    expect(parseValue("2023/12/31", cell(45291, "2023/12/31", "yyyy/m/d"))).toMatchObject({
      kind: "time",
      point: { year: 2023, month: 12, day: 31 },
    });
    expect(parseValue("", cell(45291, "", 'yyyy"年"m"月"'))).toMatchObject({
      kind: "time",
      point: { year: 2023, month: 12 },
    });
  });

  test("an empty or placeholder cell is empty", () => {
    expect(parseValue("", cell(null, ""))).toEqual({ kind: "empty", raw: "" });
    expect(parseValue("—", cell("—", "—"))).toEqual({ kind: "empty", raw: "—" });
  });
});

describe("Part C: copied and decorated text", () => {
  test("a comparator symbol after a short label starts the value", () => {
    expect(view(num("满意度≥90%"))).toEqual({
      comparator: "GE",
      value: "0.9",
      percent: true,
      unit: "",
    });
    expect(view(num("受益人数≥500人"))).toEqual({
      comparator: "GE",
      value: "500",
      percent: false,
      unit: "人",
    });
  });

  test("traditional characters from web mirrors", () => {
    expect(view(num("≥30萬人"))).toEqual({
      comparator: "GE",
      value: "300000",
      percent: false,
      unit: "人",
    });
    expect(view(num("不少於50個"))).toEqual({
      comparator: "GE",
      value: "50",
      percent: false,
      unit: "个",
    });
    expect(view(num("控制在2億元以內"))).toEqual({
      comparator: "LE",
      value: "200000000",
      percent: false,
      unit: "元",
    });
  });

  test("zero-width characters from web pages are dropped", () => {
    expect(view(num("44.9204\u200b万人\ufeff"))).toEqual({
      comparator: null,
      value: "449204",
      percent: false,
      unit: "人",
    });
  });

  test("a typographic minus is a minus", () => {
    expect(num("\u22125").value.toFixed()).toBe("-5");
    expect(num("-5").value.toFixed()).toBe("-5");
  });

  test("approximate and neutral words before the value", () => {
    expect(view(num("约300人"))).toEqual({
      comparator: null,
      value: "300",
      percent: false,
      unit: "人",
    });
    expect(view(num("≈300人"))).toEqual({
      comparator: null,
      value: "300",
      percent: false,
      unit: "人",
    });
    expect(view(num("达到95%以上"))).toEqual({
      comparator: "GE",
      value: "0.95",
      percent: true,
      unit: "",
    });
  });
});
