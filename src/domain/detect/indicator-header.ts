/**
 * Finds the indicator header row (一级指标 … 偏差原因分析及改进措施) and its columns by header text,
 * in any order. Split-target forms put 指标性质 / 指标值 / 度量单位 on a second header row under a
 * merged 年度指标值; that row is merged into the first.
 */
import type { IndicatorColumns } from "../model";
import type { SheetView } from "./sheet-view";
import type { IndicatorRole } from "./synonyms";
import { indicatorRole } from "./synonyms";

export interface IndicatorHeader {
  row: number;
  /** First row below the header (after a second header row, if any). */
  firstDataRow: number;
  columns: IndicatorColumns;
}

export type HeaderSearch =
  | { found: true; header: IndicatorHeader }
  | { found: false; partial: { row: number; missing: IndicatorRole[] } | null };

const REQUIRED: IndicatorRole[] = ["level3", "target", "actual", "weight", "score"];

type RoleMap = Partial<Record<IndicatorRole, number>>;

function rolesOfRow(view: SheetView, row: number): RoleMap {
  const roles: RoleMap = {};
  for (let c = view.left; c < view.right; c++) {
    const key = view.key(row, c);
    if (!key) continue;
    const role = indicatorRole(key);
    // The first cell wins: a later "单位" or "分值" elsewhere on the row must not steal a column.
    if (role && roles[role] === undefined) roles[role] = c;
  }
  return roles;
}

/** A second header row refines the target (指标值 under 年度指标值) and adds 指标性质 / 度量单位. */
function mergeSubHeader(
  view: SheetView,
  row: number,
  roles: RoleMap
): { roles: RoleMap; used: boolean } {
  if (row >= view.bottom) return { roles, used: false };
  const sub = rolesOfRow(view, row);
  const refining: IndicatorRole[] = ["nature", "unit", "target", "actual"];
  if (!refining.some((r) => sub[r] !== undefined)) return { roles, used: false };
  // A data row never carries header words in two or more of these roles.
  const count = Object.keys(sub).length;
  if (count < 2) return { roles, used: false };
  return { roles: { ...roles, ...sub }, used: true };
}

function toColumns(roles: RoleMap): IndicatorColumns {
  return {
    level1: roles.level1 ?? null,
    level2: roles.level2 ?? null,
    level3: roles.level3 as number,
    target: roles.target as number,
    actual: roles.actual as number,
    weight: roles.weight as number,
    score: roles.score as number,
    note: roles.note ?? null,
    nature: roles.nature ?? null,
    unit: roles.unit ?? null,
  };
}

export function findIndicatorHeader(view: SheetView, fromRow = view.top): HeaderSearch {
  let partial: { row: number; missing: IndicatorRole[] } | null = null;
  for (let r = fromRow; r < view.bottom; r++) {
    const roles = rolesOfRow(view, r);
    // A header names the indicator column plus at least two more roles (rules out the goal block's
    // lone 实际完成情况 and the funds block's 分值/得分).
    const named = Object.keys(roles).length;
    if (named < 3 || (roles.level3 === undefined && roles.level1 === undefined)) continue;
    const merged = mergeSubHeader(view, r + 1, roles);
    const missing = REQUIRED.filter((role) => merged.roles[role] === undefined);
    if (missing.length === 0) {
      return {
        found: true,
        header: {
          row: r,
          firstDataRow: r + (merged.used ? 2 : 1),
          columns: toColumns(merged.roles),
        },
      };
    }
    if (!partial || missing.length < partial.missing.length) partial = { row: r, missing };
  }
  return { found: false, partial };
}
