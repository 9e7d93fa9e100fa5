/**
 * Checking what the sheet already says (RULES A8) at table level: the printed total and grade.
 * Row scores and the budget rate/score are checked where they are computed.
 */
import type Decimal from "decimal.js";
import type { CellGrid } from "../grid";
import { cellAt } from "../grid";
import { differs, formatScore } from "../decimal";
import { makeFinding } from "../findings";
import type { Finding, Grade, TableLayout } from "../model";
import { normalizeLabel } from "../parse";
import type { RuleProfile } from "../profile-types";
import { numberAt, shownText, valueOf } from "./cells";
import { gradeOf } from "./totals";

const GRADE_WORDS: ReadonlyArray<readonly [string, Grade]> = [
  ["不合格", "差"],
  ["不及格", "差"],
  ["较差", "差"],
  ["优秀", "优"],
  ["良好", "良"],
  ["中等", "中"],
  ["合格", "中"],
  ["及格", "中"],
  ["优", "优"],
  ["良", "良"],
  ["中", "中"],
  ["差", "差"],
];

/** A printed grade word → its grade; labels like "评价等级：" are ignored. null when unrecognised. */
export function readGrade(text: string): Grade | null {
  const t = normalizeLabel(text)
    .replace(/(自评|评价|绩效)?等级[:：]?/g, "")
    .replace(/[()（）]/g, "");
  if (t === "") return null;
  for (const [word, grade] of GRADE_WORDS) if (t === word) return grade;
  return null;
}

export interface PrintedTotals {
  total: Decimal | null;
  gradeText: string | null;
}

export function readPrinted(grid: CellGrid, layout: TableLayout): PrintedTotals {
  const total = layout.total
    ? valueOf(numberAt(grid, layout.total.row, layout.total.scoreCol))
    : null;
  const gradeText = layout.gradeCell
    ? shownText(cellAt(grid, layout.gradeCell.row, layout.gradeCell.col))
    : "";
  return { total, gradeText: gradeText === "" ? null : gradeText };
}

export function totalFindings(
  layout: TableLayout,
  printed: PrintedTotals,
  total: Decimal | null,
  profile: RuleProfile
): Finding[] {
  const out: Finding[] = [];
  if (layout.total && printed.total !== null && total !== null) {
    if (differs(printed.total, total, profile.mismatchTolerance)) {
      out.push(
        makeFinding("TOTAL_MISMATCH", layout.total.row, layout.total.scoreCol, {
          reported: formatScore(printed.total),
          expected: formatScore(total),
        })
      );
    }
  }
  if (layout.gradeCell && printed.gradeText !== null && total !== null) {
    const expected = gradeOf(total, profile.gradeBands);
    const printedGrade = readGrade(printed.gradeText);
    // A printed grade must follow from our total and from the printed total beside it.
    const fromPrinted =
      printed.total !== null ? gradeOf(printed.total, profile.gradeBands) : expected;
    if (printedGrade !== expected || printedGrade !== fromPrinted) {
      out.push(
        makeFinding("GRADE_MISMATCH", layout.gradeCell.row, layout.gradeCell.col, {
          reported: printed.gradeText,
          expected,
          total: formatScore(total),
        })
      );
    }
  }
  return out;
}
