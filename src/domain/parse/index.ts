/**
 * The value parser (RULES A2, A4 words, Part C): what the rules module calls to read cells.
 */
export { parseValue } from "./value";
export type { NumberValue, TimeValue } from "./value";
export { classifyQualitative, QUALITATIVE_WORDS } from "./qualitative";
export type { QualitativeTier } from "./qualitative";
export { alignUnits, bareAsPercent } from "./units";
export type { AlignedPair } from "./units";
export { parseAmount, parseRate } from "./amount";
export type { AmountValue } from "./amount";
export { timeOrdinal, parseTime } from "./time";
export type { ParsedTime } from "./time";
export { splitComparator, LEADING_SYMBOLS, LEADING_PHRASES, TRAILING_PHRASES } from "./comparator";
export { MULTIPLIERS, parseQuantity, parseUnitTail } from "./quantity";
export { normalizeText, normalizeLabel, isPlaceholder } from "./normalize";
