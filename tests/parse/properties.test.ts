import fc from "fast-check";
import Decimal from "decimal.js";
import {
  alignUnits,
  classifyQualitative,
  parseAmount,
  parseRate,
  parseValue,
} from "../../src/domain/parse";
import type { Cell } from "../../src/domain/grid";
import { num } from "./helpers";

const KINDS = ["empty", "number", "time", "text"];

/**
 * The exact decimal string of intDigits.fracDigits × 10^shift, computed by moving the point in
 * the digit string (an oracle independent of decimal.js arithmetic).
 */
function movePoint(intDigits: string, fracDigits: string, shift: number): string {
  const digits = intDigits + fracDigits;
  let point = intDigits.length + shift;
  let all = digits;
  if (point <= 0) {
    all = "0".repeat(1 - point) + all;
    point = 1;
  }
  if (point >= all.length) all = all + "0".repeat(point - all.length);
  let int = all.slice(0, point).replace(/^0+(?=\d)/, "");
  let frac = all.slice(point).replace(/0+$/, "");
  if (int === "") int = "0";
  return frac === "" ? int : `${int}.${frac}`;
}

const intDigits = fc.stringMatching(/^(0|[1-9]\d{0,11})$/);
const fracDigits = fc.stringMatching(/^\d{0,8}$/);
const groupThousands = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

describe("parseValue never throws", () => {
  const kindOk = (text: string, cell?: Cell) => {
    const v = parseValue(text, cell);
    expect(KINDS).toContain(v.kind);
    if (v.kind === "number") expect(v.value.isFinite()).toBe(true);
  };

  test("on arbitrary unicode strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => kindOk(s)),
      { numRuns: 3000 }
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => kindOk(s)),
      { numRuns: 3000 }
    );
  });

  test("on strings built from the parser's own vocabulary", () => {
    const piece = fc.constantFrom(
      "≥",
      "≤",
      ">",
      "<",
      "=",
      "═",
      "﹦",
      "不少于",
      "控制在",
      "以内",
      "以上",
      "以下",
      "万",
      "亿",
      "千",
      "%",
      "％",
      "百分比",
      "(",
      ")",
      "人次",
      "元",
      "/",
      "每",
      "亩",
      "年",
      "月",
      "日",
      "底",
      "之前",
      "完成",
      ".",
      ",",
      "-",
      "0",
      "1",
      "9",
      "12",
      "31",
      "2023",
      "未",
      "达成",
      "　",
      "\n",
      "…",
      "e",
      "∞"
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => kindOk(parts.join(""))),
      { numRuns: 5000 }
    );
  });

  test("with arbitrary cells", () => {
    const value = fc.oneof(
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(Infinity, -Infinity, NaN, 1e308, 5e-324)
    );
    const format = fc.oneof(
      fc.constantFrom(
        "General",
        "0.00%",
        "0%",
        "#,##0.00",
        'yyyy"年"m"月"',
        "yyyy/m/d",
        "@",
        '0"万元"'
      ),
      fc.string()
    );
    fc.assert(
      fc.property(value, fc.string(), format, (v, text, numberFormat) => {
        kindOk(text, { value: v, text, numberFormat });
        expect(["empty", "number", "unparseable"]).toContain(
          parseAmount({ value: v, text, numberFormat }).kind
        );
        expect(["empty", "number", "unparseable"]).toContain(
          parseRate({ value: v, text, numberFormat }).kind
        );
      }),
      { numRuns: 3000 }
    );
  });

  test("classifyQualitative and alignUnits never throw", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => {
        expect([null, "achieved", "partial", "notAchieved"]).toContain(classifyQualitative(s));
      })
    );
    const numberText = fc
      .tuple(
        fc.constantFrom("", "≥", "≤"),
        intDigits,
        fc.constantFrom("", "万", "亿", "%", "百分比"),
        fc.constantFrom("", "人", "元", "个")
      )
      .map(([c, d, m, u]) => c + d + (m === "%" || m === "百分比" ? m : m + u));
    fc.assert(
      fc.property(numberText, numberText, fc.option(fc.string()), (t, a, col) => {
        const r = alignUnits(num(t), num(a), col ?? undefined);
        expect(typeof r.ok).toBe("boolean");
      })
    );
  });
});

describe("numbers are exact", () => {
  const multiplier = fc.constantFrom<[string, number]>(["", 0], ["千", 3], ["万", 4], ["亿", 8]);
  const unit = fc.constantFrom("", "人", "人次", "元", "个", "套", "平方米");
  const comparator = fc.constantFrom("", "≥", "≤", "＞＝", "不少于", "=");

  test("a number written with a random multiplier and unit round-trips", () => {
    fc.assert(
      fc.property(
        comparator,
        intDigits,
        fracDigits,
        fc.boolean(),
        multiplier,
        unit,
        (cmp, i, f, grouped, [m, power], u) => {
          const written = (grouped ? groupThousands(i) : i) + (f ? `.${f}` : "");
          const v = num(`${cmp}${written}${m}${u}`);
          expect(v.value.toFixed()).toBe(movePoint(i, f, power));
          expect(v.unit).toBe(u);
          expect(v.percent).toBe(false);
        }
      ),
      { numRuns: 3000 }
    );
  });

  test("x% is exactly x / 100", () => {
    fc.assert(
      fc.property(
        intDigits,
        fracDigits,
        fc.constantFrom("%", "％", "百分比", "%(百分比)"),
        (i, f, sign) => {
          const v = num(`${i}${f ? `.${f}` : ""}${sign}`);
          expect(v.percent).toBe(true);
          expect(v.value.toFixed()).toBe(movePoint(i, f, -2));
        }
      ),
      { numRuns: 2000 }
    );
  });

  test("sums of parsed values carry no float error (0.1 + 0.2 = 0.3)", () => {
    expect(num("0.1").value.plus(num("0.2").value).toFixed()).toBe("0.3");
    const cents = fc.bigInt({ min: 0n, max: 10n ** 12n });
    fc.assert(
      fc.property(cents, cents, (a, b) => {
        const text = (n: bigint) => movePoint(n.toString(), "", -4);
        const sum = num(text(a)).value.plus(num(text(b)).value);
        expect(sum.toFixed()).toBe(text(a + b));
      }),
      { numRuns: 2000 }
    );
  });

  test("a percent-formatted number cell reads its stored value at Excel's 15 digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), (basisPoints) => {
        const stored = basisPoints / 10000; // a float, as Excel stores it
        const v = num("", { value: stored, text: "", numberFormat: "0.00%" });
        expect(v.value.equals(new Decimal(basisPoints).dividedBy(10000))).toBe(true);
      })
    );
  });
});
