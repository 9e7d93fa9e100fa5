/**
 * The cells around the table that are not indicators: the 总分 row's weight and score cells, the
 * grade cell, and the project name.
 */
import type { CellRef, IndicatorColumns, TotalRow } from "../model";
import { isPlaceholder, normalizeText } from "../parse/normalize";
import type { SheetView } from "./sheet-view";
import { isGradeLabel, isGradeWord, isProjectNameLabel } from "./synonyms";

export function totalRowOf(row: number | null, columns: IndicatorColumns): TotalRow | null {
  if (row === null) return null;
  return { row, weightCol: columns.weight, scoreCol: columns.score };
}

/** The value cell of a label: right of the label's merged span, or below it at the sheet's right edge. */
function valueCellOf(view: SheetView, row: number, col: number): CellRef {
  const right = view.spanRight(row, col) + 1;
  if (right < view.right) return { row, col: right };
  return { row: view.spanBottom(row, col) + 1, col };
}

/**
 * A labelled 评价等级/自评等级 cell anywhere on the sheet wins; otherwise a grade word (优/良/中/差)
 * printed in the total row right of the total score.
 */
export function findGradeCell(
  view: SheetView,
  total: TotalRow | null,
  fromRow: number = view.top,
  toRow: number = view.bottom
): CellRef | null {
  for (let r = fromRow; r < toRow; r++) {
    for (let c = view.left; c < view.right; c++) {
      const key = view.key(r, c);
      if (key && isGradeLabel(key)) return valueCellOf(view, r, c);
    }
  }
  if (!total) return null;
  for (let c = total.scoreCol + 1; c < view.right; c++) {
    if (isGradeWord(view.key(total.row, c))) return { row: total.row, col: c };
  }
  return null;
}

export function findProjectName(
  view: SheetView,
  endRow: number,
  fromRow: number = view.top
): string | null {
  for (let r = fromRow; r < endRow; r++) {
    for (let c = view.left; c < view.right; c++) {
      const key = view.key(r, c);
      if (!key || !isProjectNameLabel(key)) continue;
      for (let v = view.spanRight(r, c) + 1; v < view.right; v++) {
        const text = normalizeText(view.text(r, v));
        if (text !== "" && !isPlaceholder(text)) return text;
      }
      return null;
    }
  }
  return null;
}
