import { interpolate, t, translate } from "../../src/i18n";

describe("t()", () => {
  test("defaults to the Chinese text and interpolates parameters", () => {
    expect(t("zh-CN", "status.done", { total: "98.83", grade: "优" })).toBe(
      "计算完成：总分 98.83，等级 优。"
    );
    expect(t("en", "status.reverted", { count: 3 })).toBe("Scores reverted: 3 cells restored.");
  });

  test("a placeholder without a value stays visible", () => {
    expect(interpolate("总分 {total}", {})).toBe("总分 {total}");
  });

  test("falls back to zh-CN, then to the key, when a catalogue has a gap", () => {
    const cat = { "zh-CN": { a: "甲", b: "乙" }, en: { a: "A" } } as any;
    expect(translate(cat, "en", "a")).toBe("A");
    expect(translate(cat, "en", "b")).toBe("乙");
    expect(translate(cat, "en", "c")).toBe("c");
  });
});
