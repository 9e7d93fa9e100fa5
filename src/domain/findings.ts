/**
 * The finding catalogue: each code's default severity, and makeFinding() which builds a Finding
 * with its A1 cell and both messages from the templates in messages.ts.
 */
import { toA1 } from "./grid";
import type { Finding, FindingCode, Severity } from "./model";
import { FINDING_CODES } from "./model";
import { FINDING_MESSAGES, interpolate, type MessageParams } from "./messages";

export const FINDING_SEVERITY: Record<FindingCode, Severity> = {
  SHORTFALL: "warning",
  OVER_TARGET: "info",
  // Error for a shortfall; evaluate() lowers it to warning for an over-target row (profile decides).
  NOTE_MISSING: "error",
  LATE: "warning",
  SCORE_MISMATCH: "error",
  RATE_MISMATCH: "error",
  TOTAL_MISMATCH: "error",
  GRADE_MISMATCH: "error",
  WEIGHT_SUM: "error",
  UNIT_MISMATCH: "error",
  UNPARSEABLE: "warning",
  MISSING_VALUE: "error",
  BUDGET_TOTAL_MISMATCH: "warning",
  QUALITATIVE_REVIEW: "warning",
  RATE_REASON_MISSING: "error",
  FORMULA_KEPT: "info",
  UNIT_ASSUMED: "info",
  BREAKDOWN_SUM: "info",
  NOT_APPLICABLE: "info",
};

/** Codes that leave a row unscored: the total that includes it is provisional (A7). */
export const PROVISIONAL_CODES: readonly FindingCode[] = [
  "MISSING_VALUE",
  "UNPARSEABLE",
  "UNIT_MISMATCH",
];

/** Param that selects a message variant (e.g. NOTE_MISSING "overTarget"); not shown to users. */
export const VARIANT_PARAM = "variant";

export function makeFinding(
  code: FindingCode,
  row: number,
  col: number,
  params: MessageParams = {},
  severityOverride?: Severity
): Finding {
  const cell = toA1(row, col);
  const variant = params[VARIANT_PARAM];
  const templates = FINDING_MESSAGES[code];
  const template =
    typeof variant === "string" && templates[variant] ? templates[variant] : templates.default;
  // Not `{ ...params, cell }`: V8 adds a property to a spread copy on a slow path (~1 µs here).
  const all: MessageParams = Object.assign({}, params);
  all.cell = cell;
  return {
    code,
    severity: severityOverride ?? FINDING_SEVERITY[code],
    row,
    col,
    cell,
    params: all,
    message: { "zh-CN": interpolate(template["zh-CN"], all), en: interpolate(template.en, all) },
  };
}

const CODE_ORDER = new Map(FINDING_CODES.map((code, i) => [code, i]));

/** Row, then code: an order that does not depend on where the columns are. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.row - b.row ||
    (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0) ||
    variantOf(a).localeCompare(variantOf(b)) ||
    a.col - b.col
  );
}

// Not a closure inside compareFindings: under tsx (the benchmarks, the CLI's fallback) each closure
// created is named by a defineProperty call, and a sort compares many times.
function variantOf(f: Finding): string {
  return String(f.params[VARIANT_PARAM] ?? "");
}

/** Unique codes in catalogue order. */
export function codesOf(findings: readonly Finding[]): FindingCode[] {
  const present = new Set(findings.map((f) => f.code));
  return FINDING_CODES.filter((code) => present.has(code));
}
