import { classifyQualitative, QUALITATIVE_WORDS } from "../../src/domain/parse";

describe("RULES A4 tier words", () => {
  // Every word of the A4 table, copied from RULES.md by hand.
  const achieved = [
    "达成",
    "达成预期指标",
    "达成年度指标",
    "已达成",
    "完成",
    "已完成",
    "按时完成",
    "有效",
    "显著",
    "显著提升",
    "效果明显",
    "明显",
    "良好",
    "好",
    "是",
    "优",
    "合格",
    "符合",
    "符合相关规定",
  ];
  const partial = [
    "部分达成",
    "部分达成年度指标并具有一定效果",
    "基本达成",
    "基本完成",
    "较好",
    "良",
    "中",
    "一般",
  ];
  const notAchieved = [
    "未达成",
    "未达成年度指标且效果较差",
    "未完成",
    "否",
    "差",
    "低",
    "较差",
    "无效",
  ];

  test.each(achieved)("%s → achieved", (w) => expect(classifyQualitative(w)).toBe("achieved"));
  test.each(partial)("%s → partial", (w) => expect(classifyQualitative(w)).toBe("partial"));
  test.each(notAchieved)("%s → notAchieved", (w) =>
    expect(classifyQualitative(w)).toBe("notAchieved")
  );

  test("the word lists are exported as data and cover A4", () => {
    const all = (t: keyof typeof QUALITATIVE_WORDS) => [
      ...QUALITATIVE_WORDS[t].phrases,
      ...QUALITATIVE_WORDS[t].exact,
    ];
    for (const w of achieved) expect(all("achieved")).toContain(w);
    for (const w of partial) expect(all("partial")).toContain(w);
    for (const w of notAchieved) expect(all("notAchieved")).toContain(w);
  });
});

describe("words inside longer text", () => {
  test.each([
    ["有效提升", "achieved"],
    ["效果显著提升。", "achieved"],
    ["已按时完成", "achieved"],
    ["达成預期指標", "achieved"],
    ["達成", "achieved"],
    ["優", "achieved"],
    ["  完 成 ", "achieved"],
    ["较好完成", "partial"],
    ["基本完成，部分延后", "partial"],
    ["未按时完成", "notAchieved"],
    ["效果不明显", "notAchieved"],
    ["没有完成", "notAchieved"],
    ["不合格", "notAchieved"],
    ["未達成", "notAchieved"],
  ])("%s → %s", (text, tier) => expect(classifyQualitative(text)).toBe(tier));

  test.each(["定性优良中低差", "", "中心", "差异", "优良中低差", "12345", "提高"])(
    "%p names no tier",
    (text) => {
      expect(classifyQualitative(text)).toBeNull();
    }
  );

  test("未达成 is never read as 达成", () => {
    expect(classifyQualitative("未达成")).toBe("notAchieved");
    expect(classifyQualitative("部分达成")).toBe("partial");
    expect(classifyQualitative("基本达成")).toBe("partial");
  });
});
