/**
 * Golden tests for the second round of real-form shapes, through the engine (scoreGrid: every form
 * of the sheet, its writes and skips). The same fixtures go through the real CLI in
 * tests/cli/round2.test.ts. Expectations: expected-round2.ts, written by hand.
 */
import { scoreGrid, type ScoredForm } from "../../src/domain";
import { fromA1, type Cell } from "../../src/domain/grid";
import { getProfile } from "../../src/domain/profiles";
import { gridFromSpec } from "../fixtures/sheet-spec";
import { createRecomputeService } from "../../src/app/recompute";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { ROUND2, type FormExpectation } from "./expected-round2";

export function formSummary(f: ScoredForm["evaluation"]) {
  return {
    range: f.range,
    project: f.projectName,
    budget: f.budget ? { rate: f.budget.rate, score: f.budget.score } : null,
    scores: Object.fromEntries(f.indicators.map((r) => [r.scoreCell, r.score])),
    total: f.total,
    grade: f.grade,
    provisional: f.provisional,
    findings: f.findings.map((x) => `${x.code}@${x.cell}`).sort(),
    breakdowns: f.breakdowns.map((b) => `${b.row + 1}<${b.parentRow + 1}`),
  };
}

export function expectedSummary(e: FormExpectation) {
  return { ...e, findings: [...e.findings].sort(), breakdowns: e.breakdowns ?? [] };
}

describe.each(ROUND2.map((s) => [`${s.id} (${s.profile})`, s] as const))("%s", (_n, sheet) => {
  const scored = scoreGrid(gridFromSpec(sheet.spec), { profile: getProfile(sheet.profile) });
  if (!scored.ok) throw new Error(`${sheet.id}: ${scored.detect.reason}`);

  test("one form per 自评表, numbered top to bottom", () => {
    expect(scored.forms.map((f) => f.evaluation.form)).toEqual(sheet.forms.map((_, i) => i + 1));
    expect(scored.evaluation).toBe(scored.forms[0].evaluation);
  });

  test.each(sheet.forms.map((f, i) => [i + 1, f] as const))("form %i", (i, expected) => {
    const actual = formSummary(scored.forms[i - 1].evaluation);
    if (expected.budget && expected.budget.rate !== null && actual.budget?.rate !== null) {
      expect(actual.budget!.rate).toBeCloseTo(expected.budget.rate, 12);
      actual.budget!.rate = expected.budget.rate;
    }
    expect(actual).toEqual(expectedSummary(expected));
  });

  test("each form's findings lie inside its own range", () => {
    for (const { evaluation } of scored.forms) {
      const [from, to] = evaluation.range.split(":").map(fromA1);
      for (const f of evaluation.findings) {
        expect(f.row >= from.row && f.row <= to.row).toBe(true);
      }
    }
  });

  test("the sheet's one plan holds every form's writes", () => {
    const planned = Object.fromEntries(scored.plan.writes.map((w) => [w.address, w.value]));
    for (const [address, value] of Object.entries(sheet.writes ?? {})) {
      expect({ address, value: planned[address] }).toEqual({ address, value });
    }
    const skips = Object.fromEntries(scored.plan.skipped.map((s) => [s.address, s.reason]));
    for (const [address, reason] of Object.entries(sheet.untouched ?? {})) {
      expect({ address, written: address in planned }).toEqual({ address, written: false });
      expect({ address, reason: skips[address] ?? null }).toEqual({ address, reason });
    }
    expect(scored.plan.writes.length).toBe(
      scored.forms.reduce((n, f) => n + f.plan.writes.length, 0)
    );
  });

  test("recompute writes every form at once; again changes nothing; revert restores the sheet", async () => {
    const original = gridFromSpec(sheet.spec);
    const book = new MemoryWorkbook([gridFromSpec(sheet.spec)]);
    const service = createRecomputeService(book);
    const profile = getProfile(sheet.profile);
    const first = await service.recompute({ profile });
    if (first.noTable) throw new Error("no table");
    expect(first.forms.map((f) => f.evaluation.total)).toEqual(sheet.forms.map((f) => f.total));
    const afterFirst = await book.readGrid({ name: sheet.spec.name });
    const second = await service.recompute({ profile });
    if (second.noTable) throw new Error("no table");
    expect(second.forms.map((f) => formSummary(f.evaluation))).toEqual(
      first.forms.map((f) => formSummary(f.evaluation))
    );
    expect((await book.readGrid({ name: sheet.spec.name })).cells).toEqual(afterFirst.cells);
    await service.revert();
    const plain = (cells: Cell[][]) =>
      cells.map((line) =>
        line.map((c) => [c.value, c.numberFormat, c.formula, c.fill ?? null, c.note ?? null])
      );
    expect(plain((await book.readGrid({ name: sheet.spec.name })).cells)).toEqual(
      plain(original.cells)
    );
  });
});

describe("UNIT_ASSUMED names the reading taken, in both languages", () => {
  const sheet = ROUND2.find((s) => s.id === "ambiguous")!;
  const scored = scoreGrid(gridFromSpec(sheet.spec));
  if (!scored.ok) throw new Error("not detected");
  const message = (cell: string) =>
    scored.evaluation.findings.find((f) => f.code === "UNIT_ASSUMED" && f.cell === cell)!.message;
  test.each([
    ["G13", "按 94844人 计", "read as 94844人"],
    ["G14", "按 90万元 计", "read as 90万元"],
    ["G15", "既可读作 105%，也可读作 1.05%；按 105% 计", "could mean 105% or 1.05%"],
  ])("%s", (cell, zh, en) => {
    expect(message(cell)["zh-CN"]).toContain(zh);
    expect(message(cell).en).toContain(en);
  });
});
