/** Comparator resolution (A2.3) and deadlines (A2.8). */
import { resolveComparator } from "../../src/domain/rules/kind";
import { isLate } from "../../src/domain/rules/time";

describe("resolveComparator", () => {
  test("a written comparator wins", () => {
    expect(resolveComparator("GE", "成本指标", { isTime: false, unit: "元" })).toBe("GE");
  });
  test("none → EQ", () => {
    expect(resolveComparator(null, "数量指标", { isTime: false, unit: "个" })).toBe("EQ");
  });
  test("none under 成本指标 → LE (also with a line break in the label)", () => {
    expect(resolveComparator(null, "成本指标", { isTime: false, unit: "元" })).toBe("LE");
    expect(resolveComparator(null, "经济成本\n指标", { isTime: false, unit: "元" })).toBe("LE");
  });
  test("a deadline under 时效指标 → LE; a rate there stays EQ", () => {
    expect(resolveComparator(null, "时效指标", { isTime: true, unit: "" })).toBe("LE");
    expect(resolveComparator(null, "时效指标", { isTime: false, unit: "天" })).toBe("LE");
    expect(resolveComparator(null, "时效指标", { isTime: false, unit: "" })).toBe("EQ");
  });
});

describe("isLate", () => {
  test("≤6月 vs 5月 is on time; 7月 is late", () => {
    expect(isLate({ month: 6 }, { month: 5 })).toBe(false);
    expect(isLate({ month: 6 }, { month: 6 })).toBe(false);
    expect(isLate({ month: 6 }, { month: 7 })).toBe(true);
  });
  test("2023年12月 vs 2023年10月 is on time; a year-month means its last day", () => {
    expect(isLate({ year: 2023, month: 12 }, { year: 2023, month: 10 })).toBe(false);
    expect(isLate({ year: 2023, month: 12 }, { year: 2023, month: 12, day: 31 })).toBe(false);
    expect(isLate({ year: 2021, month: 12, day: 31 }, { year: 2022, month: 1 })).toBe(true);
  });
  test("a month without a year borrows the other side's year", () => {
    expect(isLate({ month: 12 }, { year: 2023, month: 12, day: 15 })).toBe(false);
    expect(isLate({ year: 2023, month: 6 }, { month: 7 })).toBe(true);
  });
});
