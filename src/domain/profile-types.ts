/** A rule profile is plain data (JSON-serialisable), validated when loaded (see profiles.ts). */
export interface RuleProfile {
  id: string;
  name: { "zh-CN": string; en: string };
  /** LE/LT rows that miss: "ratio" = T/A × w (A3); "linear" = (2 − A/T) × w, 0 at A ≥ 2T (Part B). */
  reverseRule: "ratio" | "linear";
  /** Lower bounds of the qualitative bands as fractions of w: 达成 ≥ achieved, 部分达成 ≥ partial. */
  qualitativeBands: { achieved: number; partial: number };
  /** Default scores as fractions of w for each tier when the reported score is outside its band. */
  qualitativeDefaults: { achieved: number; partial: number; notAchieved: number };
  /** Budget weight used when the funds row's 分值 is empty. */
  budgetWeight: number;
  /** Which budget figure is the execution-rate denominator. "adjusted" = 全年预算数, falling back to 年初预算数. */
  budgetDenominator: "adjusted" | "initial";
  /** OVER_TARGET when A ≥ threshold × T (GE/GT/EQ) or A ≤ (2 − threshold) × T (LE/LT). */
  overTargetThreshold: number;
  overTargetSeverity: "warning" | "error";
  /** When set, an execution rate below this fraction needs a reason (RATE_REASON_MISSING). */
  rateReasonBelow: number | null;
  /** Grade lower bounds: 优 ≥ excellent, 良 ≥ good, 中 ≥ pass, else 差. */
  gradeBands: { excellent: number; good: number; pass: number };
  /** Printed numbers differing from ours by more than this are reported. */
  mismatchTolerance: number;
  /**
   * Rows marked 不适用: "keep" reads them like any text (RULES A); "rescale" drops them and rescales
   * the total to 100 (Part B: total × 100 ÷ (budget weight + the other rows' weights)).
   */
  notApplicable: "keep" | "rescale";
}
