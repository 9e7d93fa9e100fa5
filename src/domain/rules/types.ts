/** Types shared by the rule modules. */
import type Decimal from "decimal.js";
import type { Finding, IndicatorResult, LocalizedText } from "../model";
export type { NumberValue, TimeValue } from "../parse";
export type { LocalizedText };

export interface RowEvaluation {
  result: IndicatorResult;
  findings: Finding[];
  /** The row's 分值, when readable. */
  weight: Decimal | null;
  /** The score that counts in the total. */
  counted: Decimal | null;
}
