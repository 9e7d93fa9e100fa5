/**
 * Excel's built-in number formats (the ids a styles part may use without declaring them) and the
 * date handling that depends on them. The zh-CN built-ins 27–36 and 50–58 are the ones Excel shows
 * in a Chinese locale.
 */
import { memoizeString } from "../../domain/memo";

export const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

const BUILTIN_BY_CODE = new Map<string, number>();
for (const [id, code] of Object.entries(BUILTIN_FORMATS)) {
  if (!BUILTIN_BY_CODE.has(code)) BUILTIN_BY_CODE.set(code, Number(id));
}

/** The built-in id of a format code, if Excel has one for it (only the unambiguous ones). */
export function builtinId(code: string): number | undefined {
  const id = BUILTIN_BY_CODE.get(code);
  // 14 and 22 are shown differently per locale: never pick them for a code we write.
  return id === 14 || id === 22 ? undefined : id;
}

const DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number shown with this format is a date or time (Excel stores both as serials). */
export function isDateFormat(id: number, code: string): boolean {
  return DATE_IDS.has(id) || showsDate(code);
}

/** Asked for every number cell; a workbook has a handful of codes. */
const showsDate = memoizeString((code: string): boolean => {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .split(";")[0];
  return /[ymdhs]/i.test(bare) && !/^[#0.,%\sE+-]*$/i.test(bare) && !/General/i.test(bare);
}, 1000);

/** A date serial → UTC Date (1900 system with Excel's phantom 29 Feb 1900, or the 1904 system). */
export function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904
    ? Date.UTC(1904, 0, 1)
    : serial < 61
      ? Date.UTC(1899, 11, 31)
      : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86400000));
}
