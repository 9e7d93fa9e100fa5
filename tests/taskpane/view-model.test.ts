/**
 * The pane's view of an evaluation, over the real engine. Figures by hand: the seed (RULES Part A)
 * totals 98.83; weights-110 adds up to 10 + 100 = 110 and every row met its target, so it totals 110.
 */
import { scoreGrid } from "../../src/domain";
import type { Evaluation } from "../../src/domain/model";
import {
  bandPosition,
  sectionScores,
  todoList,
  trustProblems,
} from "../../src/taskpane/view-model";
import { seed } from "../fixtures/forms/seed";
import { weights110 } from "../fixtures/forms/weights-110";
import { gridFromSpec } from "../fixtures/sheet-spec";
import type { SheetSpec } from "../fixtures/sheet-spec";

function evaluate(spec: SheetSpec): Evaluation {
  const scored = scoreGrid(gridFromSpec(spec));
  if (!scored.ok) throw new Error("not detected");
  return scored.evaluation;
}

describe("trust", () => {
  test("the seed's total can be trusted", () => {
    expect(trustProblems(evaluate(seed))).toEqual([]);
  });

  test("weights adding up to 110 and a total of 110 block the result", () => {
    const problems = trustProblems(evaluate(weights110));
    expect(problems).toEqual([
      { kind: "weights", sum: 110 },
      { kind: "over100", total: 110 },
    ]);
  });

  test("an unreadable value makes the total provisional", () => {
    const rows = seed.rows.map((r) => [...r]);
    rows[27][6] = "约两百多人次"; // G28, the training row's actual value
    const problems = trustProblems(evaluate({ ...seed, rows }));
    expect(problems.map((p) => p.kind)).toEqual(["unreadable", "provisional"]);
    expect(problems).toContainEqual({ kind: "provisional", count: 1 });
  });
});

describe("grade bands", () => {
  test.each([
    [98.83, { kind: "above", grade: "优", points: 8.83 }],
    [90, { kind: "above", grade: "优", points: 0 }],
    [89.99, { kind: "below", grade: "优", points: 0.01 }],
    [80, { kind: "below", grade: "优", points: 10 }],
    [79.5, { kind: "below", grade: "良", points: 0.5 }],
    [12.25, { kind: "below", grade: "中", points: 47.75 }],
  ])("%p", (total, expected) => {
    expect(bandPosition(total)).toEqual(expected);
  });

  test("no total, no band", () => {
    expect(bandPosition(null)).toBeNull();
  });
});

describe("sections and to-dos on the seed", () => {
  const evaluation = evaluate(seed);

  test("score against weight per 一级指标 and for the budget; the lost points add up to 100 − 98.83", () => {
    const sections = sectionScores(evaluation);
    expect(sections[0]).toMatchObject({ key: "budget", weight: 10, score: 9.98, lost: 0.02 });
    const lost = sections.reduce((sum, s) => sum + Math.round(s.lost * 100), 0) / 100;
    expect(lost).toBe(1.17);
    expect(sections.reduce((sum, s) => sum + s.weight, 0)).toBe(100);
  });

  test("one item per row, most points lost first", () => {
    const todos = todoList(evaluation);
    expect(todos[0]).toMatchObject({ row: 27, lost: 1.15, cell: "I28", explain: false });
    expect(todos[1]).toMatchObject({ kind: "budget", lost: 0.02 });
    expect(new Set(todos.map((t) => t.row)).size).toBe(todos.length);
    expect(todos.slice(2).every((t) => t.explain && t.lost === 0)).toBe(true);
  });
});
