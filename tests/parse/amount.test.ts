import { parseAmount, parseRate } from "../../src/domain/parse";
import { cell } from "./helpers";

function amount(c: ReturnType<typeof cell>) {
  const r = parseAmount(c);
  return r.kind === "number" ? r.value.toFixed() : r;
}
function rate(c: ReturnType<typeof cell>) {
  const r = parseRate(c);
  return r.kind === "number" ? r.value.toFixed() : r;
}

describe("parseAmount", () => {
  test.each([
    [cell(3112, "3112"), "3112"],
    [cell(3106.43, "3,106.43", "#,##0.00"), "3106.43"],
    [cell("3112", "3112", "@"), "3112"],
    [cell("3,106.43", "3,106.43", "@"), "3106.43"],
    [cell("4753.66万元", "4753.66万元"), "4753.66"],
    [cell("9.98", "9.98"), "9.98"],
    [cell("10分", "10分"), "10"],
    [cell(" １０ ", " １０ "), "10"],
    [cell(0.1 + 0.2, "0.3"), "0.3"],
    [cell(0, "0"), "0"],
  ])("%j → %s", (c, expected) => expect(amount(c)).toBe(expected));

  test.each(["", "—", "-", "/", "无"])("placeholder %p → empty", (t) => {
    expect(parseAmount(cell(t === "" ? null : t, t))).toEqual({ kind: "empty" });
  });

  test("text that is not an amount is unparseable, with its raw text", () => {
    expect(parseAmount(cell("约三千", "约三千"))).toEqual({ kind: "unparseable", raw: "约三千" });
    expect(parseAmount(cell("#DIV/0!", "#DIV/0!"))).toEqual({
      kind: "unparseable",
      raw: "#DIV/0!",
    });
    expect(parseAmount(cell(true, "TRUE"))).toEqual({ kind: "unparseable", raw: "TRUE" });
  });
});

describe("parseRate", () => {
  test.each([
    [cell("99.82%", "99.82%"), "0.9982"],
    [cell(0.9982, "99.82%", "0.00%"), "0.9982"],
    [cell("99.82", "99.82"), "0.9982"],
    [cell(99.82, "99.82"), "0.9982"],
    [cell(1, "1"), "1"],
    [cell("100%", "100%"), "1"],
    [cell("80.45％", "80.45％"), "0.8045"],
    [cell(0.9982, "0.9982"), "0.9982"],
  ])("%j → %s", (c, expected) => expect(rate(c)).toBe(expected));

  test("placeholders and garbage", () => {
    expect(parseRate(cell(null, ""))).toEqual({ kind: "empty" });
    expect(parseRate(cell("—", "—"))).toEqual({ kind: "empty" });
    expect(parseRate(cell("约百分之百", "约百分之百"))).toEqual({
      kind: "unparseable",
      raw: "约百分之百",
    });
  });
});
