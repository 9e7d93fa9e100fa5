/**
 * The slice of the WPS 表格 (ET) JS object model this host uses, typed from WPS's published API
 * reference (which mirrors Excel VBA): 1-based `Cells.Item(row, col)`, `Value2`/`Formula` of a
 * multi-cell range as a 2-D array (a single cell gives a scalar), `Address()` and `Comment.Text()`
 * as methods, `Interior.Color` as a BGR integer, `Interior.ColorIndex` xlNone (-4142) for no fill,
 * and a property of a multi-cell range that differs between its cells read as null.
 */

/** XlSheetVisibility.xlSheetVeryHidden: not listed in 取消隐藏, so nobody edits it by accident. */
export const XL_SHEET_VERY_HIDDEN = 2;
/** xlNone / xlColorIndexNone: the ColorIndex of a cell without fill, and how a fill is cleared. */
export const XL_NONE = -4142;

export interface EtInterior {
  /** BGR: red is 0x0000FF. Null on a multi-cell range whose cells differ. */
  Color: number | null;
  ColorIndex: number | null;
}

export interface EtComment {
  /** Without arguments: the whole text. With a text: replaces it. */
  Text(text?: string, start?: number, overwrite?: boolean): string;
  Delete(): void;
  readonly Parent: EtRange;
}

export interface EtComments {
  readonly Count: number;
  /** 1-based. */
  Item(index: number): EtComment;
}

export interface EtRange {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  /** Raw values (dates as serial numbers); a 2-D array for more than one cell. */
  Value2: unknown;
  /** Formulas ("=…") or constants as typed; a 2-D array for more than one cell. */
  Formula: unknown;
  /** What the cell shows. */
  readonly Text: unknown;
  /** Null on a multi-cell range whose cells differ. */
  NumberFormat: string | null;
  /** True, false, or null when the range is partly merged. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  /** The cell's comment (批注), or null. */
  readonly Comment: EtComment | null;
  AddComment(text?: string): EtComment;
  ClearComments(): void;
  ClearContents(): void;
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Select(): void;
}

export interface EtWorksheet {
  Name: string;
  /** -1 visible, 0 hidden, 2 very hidden. */
  Visible: number;
  readonly ProtectContents: boolean;
  readonly UsedRange: EtRange;
  readonly Cells: { Item(row: number, col: number): EtRange };
  readonly Comments: EtComments;
  Range(address: string): EtRange;
  Activate(): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or name (a missing name throws). */
  Item(index: number | string): EtWorksheet;
  /** Adds a worksheet after `after` (and, as in Excel, activates it). */
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null;
  readonly ActiveSheet: EtWorksheet | null;
  ScreenUpdating?: boolean;
}
