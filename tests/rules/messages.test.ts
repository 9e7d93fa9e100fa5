/** The finding catalogue: every code has zh and en, placeholders agree and all get interpolated. */
import { FINDING_CODES } from "../../src/domain/model";
import { EXPLANATIONS, FINDING_MESSAGES, interpolate } from "../../src/domain/messages";
import { FINDING_SEVERITY, makeFinding } from "../../src/domain/findings";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("finding catalogue", () => {
  test("every code has a severity and a default message in both languages", () => {
    for (const code of FINDING_CODES) {
      expect(["error", "warning", "info"]).toContain(FINDING_SEVERITY[code]);
      expect(FINDING_MESSAGES[code].default["zh-CN"].length).toBeGreaterThan(5);
      expect(FINDING_MESSAGES[code].default.en.length).toBeGreaterThan(5);
    }
    expect(Object.keys(FINDING_MESSAGES).sort()).toEqual([...FINDING_CODES].sort());
  });

  test("each variant starts with the cell and uses the same placeholders in zh and en", () => {
    expect(placeholders(FINDING_MESSAGES.QUALITATIVE_REVIEW.default.en)).toContain("tierEn");
    for (const code of FINDING_CODES) {
      for (const [variant, text] of Object.entries(FINDING_MESSAGES[code])) {
        const zh = placeholders(text["zh-CN"]);
        // Names ending in "En" are the English form of a zh param (tierEn for tier).
        const en = [...new Set(placeholders(text.en).filter((n) => !n.endsWith("En")))].sort();
        expect({ code, variant, zh: [...new Set(zh)].sort() }).toEqual({ code, variant, zh: en });
        expect(text["zh-CN"].startsWith("{cell}：")).toBe(true);
        expect(text.en.startsWith("{cell}: ")).toBe(true);
        // Every message tells the user what to do.
        expect({ code, variant, asks: text["zh-CN"].includes("请") }).toEqual({
          code,
          variant,
          asks: true,
        });
      }
    }
  });

  test("makeFinding interpolates every placeholder of every variant", () => {
    for (const code of FINDING_CODES) {
      for (const [variant, text] of Object.entries(FINDING_MESSAGES[code])) {
        const params: Record<string, string> = { variant };
        for (const name of placeholders(text["zh-CN"] + text.en))
          if (name !== "cell") params[name] = `<${name}>`;
        const f = makeFinding(code, 12, 9, params);
        expect(f.cell).toBe("J13");
        expect(f.message["zh-CN"]).not.toMatch(/\{\w+\}/);
        expect(f.message.en).not.toMatch(/\{\w+\}/);
        expect(f.message["zh-CN"].startsWith("J13：")).toBe(true);
      }
    }
  });

  test("the NOTE_MISSING example of the brief, word for word", () => {
    const f = makeFinding(
      "NOTE_MISSING",
      12,
      9,
      { variant: "overTarget", completion: "149.73%", over: "30%" },
      "warning"
    );
    expect(f.message["zh-CN"]).toBe(
      "J13：完成率 149.73%，超出目标 30% 以上，请在偏差原因分析中说明原因。"
    );
    expect(f.severity).toBe("warning");
    expect(makeFinding("NOTE_MISSING", 0, 0, {}).severity).toBe("error");
  });

  test("a missing param stays visible instead of vanishing", () => {
    expect(interpolate("{cell}: {x}", { cell: "A1" })).toBe("A1: {x}");
  });
});

describe("explanation templates", () => {
  test("zh and en use the same placeholders", () => {
    for (const [key, text] of Object.entries(EXPLANATIONS)) {
      expect({ key, p: [...new Set(placeholders(text["zh-CN"]))].sort() }).toEqual({
        key,
        p: [...new Set(placeholders(text.en))].sort(),
      });
    }
  });
});
