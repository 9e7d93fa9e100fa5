import { columnLetters, fromA1, toA1 } from "../src/domain/grid";

describe("A1 addresses", () => {
  test("column letters round-trip", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(25)).toBe("Z");
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(701)).toBe("ZZ");
    expect(columnLetters(702)).toBe("AAA");
    for (let c = 0; c < 2000; c += 7) expect(fromA1(toA1(5, c))).toEqual({ row: 5, col: c });
  });
  test("absolute and sheet-qualified addresses parse", () => {
    expect(fromA1("Sheet1!$I$23")).toEqual({ row: 22, col: 8 });
    expect(() => fromA1("23I")).toThrow();
  });
});
