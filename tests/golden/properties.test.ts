/**
 * fast-check properties of the rules: a row score stays in [0, 分值]; scoreGrid is deterministic
 * and leaves its input alone; evaluation does not depend on the order of the indicator columns.
 */
import fc from "fast-check";
import Decimal from "decimal.js";
import { ALL_FORMS } from "../fixtures/forms";
import { gridFromSpec, parseRange, type SheetSpec, type SpecCell } from "../fixtures/sheet-spec";
import { scoreGrid } from "../../src/domain";
import { detectLayout } from "../../src/domain/detect";
import { evaluateLayout } from "../../src/domain/rules/evaluate";
import { evaluateIndicator } from "../../src/domain/rules/indicator";
import { scoreQuantitative } from "../../src/domain/rules/quantitative";
import { DEFAULT_PROFILE, PROFILES } from "../../src/domain/profiles";
import type { Evaluation } from "../../src/domain/model";
import { toA1 } from "../../src/domain/grid";
import { COLUMNS, indicatorRow } from "../rules/helpers";

const COMPARATORS = ["≥", "≤", ">", "<", "=", "", "不少于", "不超过", "控制在"];
const UNITS = ["人", "人次", "个", "万元", "元", "%", "", "万人", "月", "天"];
const LEVEL2 = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标"];
const WORDS = [
  "达成",
  "部分达成",
  "未达成",
  "基本完成",
  "较差",
  "优",
  "良",
  "差",
  "显著",
  "详见报告",
];

const amount = fc
  .tuple(fc.integer({ min: -5000, max: 2_000_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([n, scale]) => new Decimal(n).div(10 ** scale).toFixed());

const valueText = fc.oneof(
  fc
    .tuple(fc.constantFrom(...COMPARATORS), amount, fc.constantFrom(...UNITS))
    .map((p) => p.join("")),
  fc.constantFrom(...WORDS),
  fc.tuple(fc.integer({ min: 1, max: 12 })).map(([m]) => `${m}月`),
  fc.string({ maxLength: 6 })
);

const weight = fc
  .tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 2 }))
  .map(([n, scale]) => new Decimal(n).div(10 ** scale).toNumber());

describe("a row score always lies in [0, 分值]", () => {
  test("through evaluateIndicator, for any profile", () => {
    fc.assert(
      fc.property(
        valueText,
        valueText,
        weight,
        fc.option(weight, { nil: null }),
        fc.constantFrom(...LEVEL2),
        fc.constantFrom(...PROFILES),
        (target, actual, w, reported, level2, profile) => {
          const e = evaluateIndicator(
            indicatorRow({ target, actual, weight: w, score: reported, level2 }),
            COLUMNS,
            profile
          );
          if (e.result.score !== null) {
            expect(e.result.score).toBeGreaterThanOrEqual(0);
            expect(e.result.score).toBeLessThanOrEqual(w);
            // exactly 2 decimals at most
            expect(new Decimal(e.result.score).decimalPlaces()).toBeLessThanOrEqual(2);
            expect(e.result.countedScore).toBe(e.result.score);
          } else {
            expect(e.result.countedScore).toBe(reported);
          }
        }
      ),
      { numRuns: 400 }
    );
  });

  test("through scoreQuantitative, for every comparator and both reverse rules", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("GE", "GT", "EQ", "LE", "LT" as const),
        amount,
        amount,
        weight,
        fc.constantFrom("ratio", "linear" as const),
        (kind, t, a, w, rule) => {
          const s = scoreQuantitative(
            kind,
            new Decimal(t),
            new Decimal(a),
            new Decimal(w),
            rule
          ).score;
          expect(s.gte(0) && s.lte(w)).toBe(true);
        }
      ),
      { numRuns: 500 }
    );
  });
});

const FORMS = ALL_FORMS.filter((f) => f.id !== "no-table");

describe("scoreGrid is deterministic and pure", () => {
  test.each(FORMS.map((f) => [f.id, f.spec] as const))(
    "%s: twice the same, input untouched",
    (_id, spec) => {
      for (const profile of PROFILES) {
        const grid = gridFromSpec(spec);
        const before = JSON.stringify(grid);
        const first = scoreGrid(grid, { profile });
        expect(JSON.stringify(grid)).toBe(before);
        const second = scoreGrid(gridFromSpec(spec), { profile });
        expect(second).toEqual(first);
      }
    }
  );

  test("on randomly edited seed values", () => {
    const seed = ALL_FORMS.find((f) => f.id === "seed")!.spec;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 12, max: 36 }), fc.integer({ min: 5, max: 9 }), valueText),
          {
            maxLength: 8,
          }
        ),
        (edits) => {
          const rows = seed.rows.map((r) => [...r]);
          for (const [r, c, text] of edits) rows[r][c] = text;
          const spec = { ...seed, rows };
          expect(scoreGrid(gridFromSpec(spec))).toEqual(scoreGrid(gridFromSpec(spec)));
        }
      ),
      { numRuns: 40 }
    );
  });
});

/**
 * The spec with the cells of rows [fromRow, toRow] (1-based) in columns C..J reordered; single-column
 * merges move with their column, multi-column merges inside those rows are dropped.
 */
function permute(spec: SheetSpec, fromRow: number, toRow: number, order: number[]): SheetSpec {
  const first = 2;
  const rows = spec.rows.map((line, i) => {
    if (i + 1 < fromRow || i + 1 > toRow) return line;
    const next: SpecCell[] = [...line];
    while (next.length < first + order.length) next.push(null);
    order.forEach((source, k) => (next[first + k] = line[source] ?? null));
    return next;
  });
  const merges = (spec.merges ?? []).flatMap((m) => {
    const a = parseRange(m);
    const inside = a.top + 1 >= fromRow && a.bottom + 1 <= toRow;
    if (!inside) return [m];
    if (a.left !== a.right) return [];
    const k = order.indexOf(a.left);
    if (k < 0) return [m];
    return [`${toA1(a.top, first + k)}:${toA1(a.bottom, first + k)}`];
  });
  return { ...spec, rows, merges };
}

/** Everything that must not depend on where the columns are. */
function essence(e: Evaluation) {
  return {
    budget: e.budget,
    total: e.total,
    grade: e.grade,
    provisional: e.provisional,
    reportedTotal: e.reportedTotal,
    rows: e.indicators.map((r) => ({
      row: r.row,
      level3: r.level3,
      kind: r.kind,
      score: r.score,
      counted: r.countedScore,
      completion: r.completion,
      explanation: r.explanation,
      codes: r.codes,
    })),
    findings: e.findings.map((f) => `${f.code}@${f.row}`),
  };
}

function evaluateSpec(spec: SheetSpec): Evaluation {
  const grid = gridFromSpec(spec);
  const detected = detectLayout(grid);
  if (!detected.ok) throw new Error(`detection failed: ${detected.reason}`);
  return evaluateLayout(detected.layout, grid, DEFAULT_PROFILE);
}

describe("evaluation does not depend on the indicator column order", () => {
  // Header row and 总分 row (1-based) of MOF-layout forms whose table sits in columns C..J.
  const cases: [string, number, number][] = [
    ["seed", 12, 38],
    ["qualitative", 12, 21],
    ["reverse-cost-deadline", 12, 22],
    ["grade-cell", 12, 19],
  ];
  test.each(cases)("%s", (id, headerRow, totalRow) => {
    const spec = ALL_FORMS.find((f) => f.id === id)!.spec;
    const reference = essence(evaluateSpec(spec));
    fc.assert(
      fc.property(
        fc.shuffledSubarray([2, 3, 4, 5, 6, 7, 8, 9], { minLength: 8, maxLength: 8 }),
        (order) => {
          expect(essence(evaluateSpec(permute(spec, headerRow, totalRow, order)))).toEqual(
            reference
          );
        }
      ),
      { numRuns: 25 }
    );
  });
});
