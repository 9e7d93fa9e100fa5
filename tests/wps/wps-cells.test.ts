/** The pure conversions of the WPS host, against values the ET reference documents. */
import {
  asMatrix,
  bgrToHex,
  firstCellOf,
  formulaFromEt,
  hexToBgr,
  textFromEt,
  valueFromEt,
} from "../../src/hosts/wps/wps-cells";

describe("WPS cell conversions", () => {
  test("Interior.Color is BGR: VBA's RGB(255, 0, 0) = 255 is red", () => {
    expect(bgrToHex(255)).toBe("#FF0000");
    expect(bgrToHex(0xff0000)).toBe("#0000FF");
    expect(bgrToHex(65535)).toBe("#FFFF00"); // vbYellow
    expect(hexToBgr("#FFC7CE")).toBe(0xcec7ff);
    for (const hex of ["#FFC7CE", "#FFEB9C", "#000000", "#FFFFFF"])
      expect(bgrToHex(hexToBgr(hex))).toBe(hex);
    expect(() => hexToBgr("red")).toThrow(/#RRGGBB/);
  });

  test("Value2 of one cell is a scalar, of a block a 2-D array; gaps read as empty", () => {
    expect(asMatrix(5, 1, 1)).toEqual([[5]]);
    expect(asMatrix(undefined, 1, 1)).toEqual([[undefined]]);
    expect(asMatrix([[1, 2], [3]], 2, 2)).toEqual([
      [1, 2],
      [3, undefined],
    ]);
  });

  test("empty cells, error values and numbers", () => {
    expect(valueFromEt(undefined, "")).toBeNull();
    expect(valueFromEt("", "")).toBeNull();
    expect(valueFromEt(-2146826281, "#DIV/0!")).toBe("#DIV/0!");
    expect(valueFromEt(-2146826281, "-2146826281")).toBe(-2146826281);
    expect(valueFromEt(0.973, "97.30%")).toBe(0.973);
    expect(valueFromEt(true, "TRUE")).toBe(true);
  });

  test("a number shown as #### (narrow column) is rendered from its format", () => {
    expect(textFromEt("####", 0.973, "0.00%")).toBe("97.30%");
    expect(textFromEt("97.30%", 0.973, "0.00%")).toBe("97.30%");
    expect(textFromEt("###", "###", "General")).toBe("###");
  });

  test("formulas and addresses", () => {
    expect(formulaFromEt("=SUM(I6:I37)")).toBe("SUM(I6:I37)");
    expect(formulaFromEt("12")).toBeUndefined();
    expect(formulaFromEt("=")).toBeUndefined();
    expect(firstCellOf("$I$28")).toEqual({ row: 28, col: 9 });
    expect(firstCellOf("'自评表'!$AB$3:$AC$4")).toEqual({ row: 3, col: 28 });
  });
});
