/**
 * The one recompute path behind the ribbon button, the task pane and the preview page: read the
 * sheet once, score it, write once. Calls are serialised — a double click runs two recomputes one
 * after the other, never interleaved, so the second always reads what the first wrote.
 */
import { scoreGrid, type ScoredForm } from "../domain";
import type { DetectResult, Evaluation } from "../domain/model";
import type { PlanOptions, ResolvedWrite, WritePlan } from "../domain/plan-types";
import type { RuleProfile } from "../domain/profile-types";
import { HostError } from "../hosts/workbook-port";
import type { SheetRef, WorkbookPort } from "../hosts/workbook-port";

export interface RecomputeOptions {
  profile?: RuleProfile;
  plan?: Partial<PlanOptions>;
  /** Defaults to the first sheet the host lists (the Excel host lists only the active one). */
  sheet?: SheetRef;
  /** Evaluate and plan without writing, e.g. to show findings on a protected sheet. */
  dryRun?: boolean;
}

export type RecomputeResult =
  | {
      noTable?: undefined;
      sheet: SheetRef;
      /** Every 自评表 on the sheet, top to bottom, each with its own evaluation and writes. */
      forms: ScoredForm[];
      /** The first form's evaluation (the sheet's only one in most workbooks). */
      evaluation: Evaluation;
      /** The writes of every form on the sheet. */
      plan: WritePlan;
      resolved: ResolvedWrite;
      /** Cells written (0 on a dry run or when nothing needed writing). */
      writtenCells: number;
    }
  | {
      noTable: true;
      sheet: SheetRef;
      reason: Extract<DetectResult, { ok: false }>["reason"];
      detail?: string;
    };

export interface RecomputeService {
  recompute(options?: RecomputeOptions): Promise<RecomputeResult>;
  /** Restores the sheet from its snapshot; resolves to the number of cells restored. */
  revert(sheet?: SheetRef): Promise<number>;
}

/** Host failures pass through as they are; anything else becomes HostError("UNKNOWN"). */
function asHostError(error: unknown): HostError {
  if (error instanceof HostError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new HostError("UNKNOWN", message, error);
}

export function createRecomputeService(port: WorkbookPort): RecomputeService {
  let tail: Promise<unknown> = Promise.resolve();

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task).catch((error: unknown) => {
      throw asHostError(error);
    });
    tail = run.catch(() => undefined);
    return run;
  }

  async function pickSheet(sheet?: SheetRef): Promise<SheetRef> {
    if (sheet) return sheet;
    const sheets = await port.listSheets();
    if (sheets.length === 0) throw new HostError("EMPTY", "工作簿中没有工作表。");
    return sheets[0];
  }

  return {
    recompute: (options = {}) =>
      serial(async () => {
        const sheet = await pickSheet(options.sheet);
        const grid = await port.readGrid(sheet);
        const scored = scoreGrid(grid, { profile: options.profile, plan: options.plan });
        if (!scored.ok) {
          const result: RecomputeResult = { noTable: true, sheet, reason: scored.detect.reason };
          if (scored.detect.detail !== undefined) result.detail = scored.detect.detail;
          return result;
        }
        const { forms, evaluation, plan, resolved } = scored;
        const write = !options.dryRun && resolved.cells.length > 0;
        if (write) await port.write(resolved);
        return {
          sheet,
          forms,
          evaluation,
          plan,
          resolved,
          writtenCells: write ? resolved.cells.length : 0,
        };
      }),
    revert: (sheet) =>
      serial(async () => {
        const target = await pickSheet(sheet);
        return port.revert(target);
      }),
  };
}
