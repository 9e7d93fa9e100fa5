import { parseValue, timeOrdinal } from "../../src/domain/parse";
import type { TimePoint } from "../../src/domain/model";

function time(text: string): { comparator: string | null; point: TimePoint } {
  const v = parseValue(text);
  if (v.kind !== "time") throw new Error(`expected a time for ${text}, got ${JSON.stringify(v)}`);
  return { comparator: v.comparator, point: v.point };
}

describe("time forms (A2.8)", () => {
  test.each<[string, string | null, TimePoint]>([
    ["≤6月", "LE", { month: 6 }],
    ["5月", null, { month: 5 }],
    ["≤10月", "LE", { month: 10 }],
    ["9月", null, { month: 9 }],
    ["2023年12月", null, { year: 2023, month: 12 }],
    ["2023年10月", null, { year: 2023, month: 10 }],
    ["2021年12月31日", null, { year: 2021, month: 12, day: 31 }],
    ["12月底之前完成", "LE", { month: 12 }],
    ["6月底前", "LE", { month: 6 }],
    ["6月前完成", "LE", { month: 6 }],
    ["6月以内", "LE", { month: 6 }],
    ["不晚于6月", "LE", { month: 6 }],
    ["于2023年11月30日前完成", "LE", { year: 2023, month: 11, day: 30 }],
    ["2023-12-31", null, { year: 2023, month: 12, day: 31 }],
    ["2023/6", null, { year: 2023, month: 6 }],
    ["2022年底", null, { year: 2022, month: 12 }],
    ["2023年度内完成", "LE", { year: 2023, month: 12 }],
    ["2023年12月底前", "LE", { year: 2023, month: 12 }],
    ["6月中旬", null, { month: 6, day: 20 }],
    ["１２月", null, { month: 12 }],
  ])("%s", (text, comparator, point) => {
    expect(time(text)).toEqual({ comparator, point });
  });

  test.each(["13月", "2023年2月30日", "按时完成", "2023.12"])("%s is not a time", (text) => {
    expect(parseValue(text).kind).not.toBe("time");
  });

  test("a year-month is the end of that month", () => {
    expect(timeOrdinal({ year: 2021, month: 12 })).toBe(
      timeOrdinal({ year: 2021, month: 12, day: 31 })
    );
    expect(timeOrdinal({ year: 2024, month: 2 })).toBe(20240229);
    expect(timeOrdinal({ year: 2023, month: 2 })).toBe(20230228);
    expect(timeOrdinal({ year: 2023, month: 10 })).toBeLessThan(
      timeOrdinal({ year: 2023, month: 12 })
    );
    expect(timeOrdinal({ year: 2023, month: 12, day: 1 })).toBeLessThan(
      timeOrdinal({ year: 2023, month: 12 })
    );
  });

  test("month-only values compare by month; the reference year fills a missing year", () => {
    expect(timeOrdinal({ month: 5 })).toBeLessThan(timeOrdinal({ month: 6 }));
    expect(timeOrdinal({ month: 6 }, 2021)).toBe(20210630);
    expect(timeOrdinal({ month: 6, day: 15 }, 2021)).toBeLessThan(
      timeOrdinal({ year: 2021, month: 6 })
    );
    expect(timeOrdinal({ year: 2022, month: 1 }, 2021)).toBe(20220131);
  });
});
