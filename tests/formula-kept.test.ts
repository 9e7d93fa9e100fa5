import { scoreGrid } from "../src/domain";
import { fromA1 } from "../src/domain/grid";
import { gridFromSpec } from "./fixtures/sheet-spec";
import { seed } from "./fixtures/forms";

function seedWithFormulas(total: number) {
  const grid = gridFromSpec(seed);
  const put = (a1: string, value: number, formula: string) => {
    const { row, col } = fromA1(a1);
    grid.cells[row][col] = { value, text: String(value), numberFormat: "General", formula };
  };
  put("I28", 0.85, "ROUND(256/600*H28,2)"); // agrees with the rules
  put("I38", total, "SUM(I13:I37)+I6");
  return grid;
}

describe("formulas in cells the product owns", () => {
  test("are kept, and a cached value that differs from the rules is reported at its cell", () => {
    const result = scoreGrid(seedWithFormulas(99));
    if (!result.ok) throw new Error("seed not detected");
    const written = result.plan.writes.map((w) => w.address);
    expect(written).not.toContain("I28");
    expect(written).not.toContain("I38");
    expect(result.plan.skipped.map((s) => s.address).sort()).toEqual(["I28", "I38"]);
    const kept = result.evaluation.findings.filter((f) => f.code === "FORMULA_KEPT");
    expect(kept.map((f) => f.cell)).toEqual(["I38"]);
    expect(kept[0].message["zh-CN"]).toContain("98.83");
    expect(kept[0].severity).toBe("info");
  });

  test("agreeing formulas raise nothing, and replaceFormulas overwrites them", () => {
    const agreeing = scoreGrid(seedWithFormulas(98.83));
    if (!agreeing.ok) throw new Error("seed not detected");
    expect(agreeing.evaluation.findings.some((f) => f.code === "FORMULA_KEPT")).toBe(false);
    const replaced = scoreGrid(seedWithFormulas(99), { plan: { replaceFormulas: true } });
    if (!replaced.ok) throw new Error("seed not detected");
    expect(replaced.plan.writes.find((w) => w.address === "I38")?.value).toBe(98.83);
    expect(replaced.evaluation.findings.some((f) => f.code === "FORMULA_KEPT")).toBe(false);
  });
});
