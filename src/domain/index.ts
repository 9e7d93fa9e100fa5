/**
 * The engine's one public entry. Pure: grid in, evaluation and write plan out.
 * Hosts call scoreGrid(); everything else here is re-exported for tests and UIs.
 */
import type { CellGrid } from "./grid";
import type { DetectFailure, Evaluation } from "./model";
import type { PlanOptions, ResolvedWrite, WritePlan } from "./plan-types";
import type { RuleProfile } from "./profile-types";
import { detectForms } from "./detect";
import { evaluateLayout } from "./rules/evaluate";
import { mergePlans, planWrites } from "./plan";
import { resolveWrite, restoreSnapshot } from "./resolve";
import { DEFAULT_PROFILE } from "./profiles";
import { formulaFindings, withFormulaFindings } from "./formula-check";

export { mayNameIndicators } from "./detect";
export * from "./grid";
export * from "./model";
export * from "./plan-types";
export * from "./profile-types";

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  highlights: true,
  notes: true,
  replaceFormulas: false,
  lang: "zh-CN",
};

export interface ScoreOptions {
  profile?: RuleProfile;
  plan?: Partial<PlanOptions>;
}

/** One 自评表 of a sheet: its evaluation and the writes that are its own. */
export interface ScoredForm {
  evaluation: Evaluation;
  plan: WritePlan;
}

export type ScoreResult =
  | {
      ok: true;
      /** Every 自评表 on the sheet, top to bottom (most sheets hold one). */
      forms: ScoredForm[];
      /** The first form's evaluation: the sheet's only one in most workbooks. */
      evaluation: Evaluation;
      /** The writes of every form on the sheet, applied together. */
      plan: WritePlan;
      resolved: ResolvedWrite;
    }
  | { ok: false; detect: DetectFailure };

/**
 * Detect, evaluate and plan every form on one sheet. When the grid carries a snapshot of an
 * earlier run, the evaluation reads the cells as they were before that run, so scoring twice equals
 * scoring once — except the parts the user changed since our last write (a reason typed into a
 * cell we marked), which are read as the user left them and kept.
 */
export function scoreGrid(grid: CellGrid, options: ScoreOptions = {}): ScoreResult {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const planOptions = { ...DEFAULT_PLAN_OPTIONS, ...options.plan };
  // Nothing here changes a cell, so a sheet without a snapshot is read as it is, not copied.
  const original = grid.snapshot ? restoreSnapshot(grid) : grid;
  const detected = detectForms(original);
  if (!detected.ok) return { ok: false, detect: detected };
  const forms = detected.layouts.map((layout): ScoredForm => {
    const evaluated = evaluateLayout(layout, original, profile);
    const plan = planWrites(evaluated, original, planOptions);
    const evaluation = withFormulaFindings(
      evaluated,
      formulaFindings(plan, original, profile.mismatchTolerance)
    );
    return { evaluation, plan };
  });
  const plan = mergePlans(
    grid.sheetName,
    forms.map((f) => f.plan)
  );
  const resolved = resolveWrite(plan, grid);
  return { ok: true, forms, evaluation: forms[0].evaluation, plan, resolved };
}
