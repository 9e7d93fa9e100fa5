/**
 * Label keys: how header and row-label text is compared. Built on normalizeLabel (NFKC, no spaces or
 * line breaks) plus a Traditional → Simplified map limited to the characters that occur in these
 * forms' labels, because some web mirrors publish the tables in Traditional characters.
 */
import { memoizeString } from "../memo";
import { normalizeLabel } from "../parse/normalize";

const TRADITIONAL_TO_SIMPLIFIED: Record<string, string> = {
  產: "产",
  標: "标",
  滿: "满",
  經: "经",
  濟: "济",
  數: "数",
  質: "质",
  時: "时",
  態: "态",
  續: "续",
  響: "响",
  務: "务",
  對: "对",
  際: "际",
  實: "实",
  績: "绩",
  預: "预",
  額: "额",
  總: "总",
  計: "计",
  結: "结",
  轉: "转",
  資: "资",
  撥: "拨",
  執: "执",
  級: "级",
  項: "项",
  稱: "称",
  門: "门",
  單: "单",
  評: "评",
  價: "价",
  優: "优",
  達: "达",
  進: "进",
  權: "权",
  財: "财",
  當: "当",
  來: "来",
  體: "体",
  況: "况",
  億: "亿",
  萬: "万",
  調: "调",
  後: "后",
  與: "与",
  擬: "拟",
  採: "采",
  麼: "么",
  內: "内",
  値: "值",
  會: "会",
  應: "应",
  環: "环",
  設: "设",
  備: "备",
  規: "规",
  範: "范",
  構: "构",
  說: "说",
  註: "注",
  並: "并",
  開: "开",
  發: "发",
  屬: "属",
  區: "区",
};

const TRADITIONAL_PATTERN = new RegExp(`[${Object.keys(TRADITIONAL_TO_SIMPLIFIED).join("")}]`, "g");

/** Replace the Traditional label characters this domain uses by their Simplified form. */
export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL_PATTERN, (ch) => TRADITIONAL_TO_SIMPLIFIED[ch] ?? ch);
}

/** The comparison key of a label: normalised, no spaces, Simplified. */
export const labelKey: (text: string) => string = memoizeString((text) =>
  toSimplified(normalizeLabel(text))
);

const CLOSE_PAREN = 0x29; // )
const COLON = 0x3a; // :
const FULLWIDTH_COLON = 0xff1a; // ：

/**
 * A header key without a trailing bracketed qualifier or colon: "年度指标值(A)" → "年度指标值",
 * "分值(分)" → "分值", "项目名称:" → "项目名称". Keys are already NFKC, so brackets are ASCII.
 */
export function bareKey(key: string): string {
  // Most keys end in neither: detection asks for every keyed cell of every row it reads.
  // A char code, not key[i]: indexing a CJK string allocates a one-character string.
  const last = key.charCodeAt(key.length - 1);
  return last === CLOSE_PAREN || last === COLON || last === FULLWIDTH_COLON
    ? strippedKey(key)
    : key;
}

const strippedKey = memoizeString((key) =>
  key
    .replace(/[:：]+$/, "")
    .replace(/\([^()]*\)$/, "")
    .replace(/[:：]+$/, "")
);
