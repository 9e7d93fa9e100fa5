/**
 * Months and dates (RULES A2.8): "6月", "2023年12月", "2021年12月31日", "12月底之前完成",
 * "2023-12-31". A year-month means the end of that month.
 */
import type { Comparator, TimePoint } from "../model";

export interface ParsedTime {
  point: TimePoint;
  /** A deadline phrase after the date (前, 之前, 以内) makes it LE; null otherwise. */
  comparator: Comparator | null;
}

/** Words before a date that do not change it: 于2023年12月, 截至12月底. */
const LEAD = "(?:在|于|截至|截止|截止到|截至到|到|至)?";
/** 上旬/中旬 narrow the month to a day; 底/末/份/下旬 keep the end of the month. */
const PART = "(底|末|份|上旬|中旬|下旬)?";
const DEADLINE = "(之前|以前|前|以内|内|止)?";
const DONE = "(?:完成|完工|结束|办结|实施完毕|竣工|验收|全部完成|前完成)?";
const TAIL = `${PART}${DEADLINE}${DONE}`;

const YEAR_MONTH_DAY = new RegExp(
  `^${LEAD}(?:(\\d{4})年)?(\\d{1,2})月(?:(\\d{1,2})[日号])?${TAIL}$`
);
const DASHED_DATE = new RegExp(
  `^${LEAD}(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})日?${DEADLINE}${DONE}$`
);
// "2023.12" would be a decimal number, so only "-" and "/" make a year-month.
const DASHED_MONTH = new RegExp(`^${LEAD}(\\d{4})[-/](\\d{1,2})${TAIL}$`);
const YEAR_ONLY = new RegExp(`^${LEAD}((?:19|20)\\d{2})年度?(底|末)?${DEADLINE}${DONE}$`);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function build(
  year: number | undefined,
  month: number,
  day: number | undefined,
  part: string | undefined,
  deadline: string | undefined
): ParsedTime | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  let d = day;
  if (d === undefined && part === "上旬") d = 10;
  if (d === undefined && part === "中旬") d = 20;
  if (d !== undefined && (d < 1 || d > daysInMonth(year ?? 2000, month))) return null;
  const point: TimePoint = { month };
  if (year !== undefined) point.year = year;
  if (d !== undefined) point.day = d;
  return { point, comparator: deadline ? "LE" : null };
}

const num = (s: string | undefined): number | undefined =>
  s === undefined ? undefined : Number(s);

/** A compact, comparator-free core as a month or date, or null. */
export function parseTime(core: string): ParsedTime | null {
  let m = YEAR_MONTH_DAY.exec(core);
  if (m) return build(num(m[1]), Number(m[2]), num(m[3]), m[4], m[5]);
  m = DASHED_DATE.exec(core);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), undefined, m[4]);
  m = DASHED_MONTH.exec(core);
  if (m) return build(Number(m[1]), Number(m[2]), undefined, m[3], m[4]);
  m = YEAR_ONLY.exec(core);
  if (m) return build(Number(m[1]), 12, undefined, m[2], m[3]);
  return null;
}

/**
 * A sortable number for a time point: yyyymmdd, where a month without a day is its last day.
 * A point without a year takes referenceYear (e.g. the other side's year or the form's year);
 * with neither, both sides are compared within one notional leap year, so 2月 ends on the 29th.
 */
export function timeOrdinal(point: TimePoint, referenceYear?: number): number {
  const year = point.year ?? referenceYear ?? 2000;
  const day = point.day ?? daysInMonth(year, point.month);
  return year * 10000 + point.month * 100 + day;
}
