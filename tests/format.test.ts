import { formatNumber } from "../src/domain/format";
import { isPlaceholder, normalizeLabel, normalizeText } from "../src/domain/parse/normalize";

describe("number formats", () => {
  test.each([
    [0.9982, "0.00%", "99.82%"],
    [0.973, "0.00%", "97.30%"],
    [1, "0%", "100%"],
    [9.975, "0.00", "9.98"],
    [3106.43, "#,##0.00", "3,106.43"],
    [98.83, "General", "98.83"],
    [0.1 + 0.2, "General", "0.3"],
    [3112, "General", "3112"],
  ])("%p as %p displays %p", (v, f, t) => {
    expect(formatNumber(v, f)).toBe(t);
  });
});

describe("normalisation", () => {
  test("full-width, U+3000 and line breaks", () => {
    expect(normalizeText("44.9204万人\u3000")).toBe("44.9204万人");
    expect(normalizeLabel("经济效益\n指标")).toBe("经济效益指标");
    expect(normalizeText("（５０）")).toBe("(50)");
  });
  test("placeholders", () => {
    for (const p of ["", "—", "-", "/", "／", "……", "...", "无", "暂无", "*", "/ / /"])
      expect(isPlaceholder(p)).toBe(true);
    for (const p of ["0", "无效", "≥30万人", "优"]) expect(isPlaceholder(p)).toBe(false);
  });
});
