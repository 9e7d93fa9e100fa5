/* global HTMLDivElement, HTMLElement -- DOM types; the shared lint config declares only runtime globals */
/**
 * The sheet behind the pane, drawn as an HTML table (merges as spans, fills, notes), so the preview
 * can show where a finding is: the navigator's selected cell is highlighted and scrolled into view
 * inside the sheet's own box — the page stays where the user is reading the results.
 * Redraws from the port after every write or revert, so the scores the pane wrote appear here.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { CellGrid } from "../../domain/grid";
import { previewText, type PreviewKey } from "../../i18n/preview";
import type { Params } from "../../i18n";
import { useLang } from "../i18n-context";
import type { PreviewPort } from "./preview-port";
import { displayedAddress, layoutSheet } from "./sheet-layout";
import type { SheetNavigator } from "./sheet-navigator";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2 },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
  },
  selection: { fontFamily: tokens.fontFamilyMonospace, minHeight: "1.2em" },
  scroller: {
    overflow: "auto",
    maxHeight: "70vh",
    // Beside the results on a wide window: the box takes the height of the window.
    "@media (min-width: 1000px)": { maxHeight: "calc(100vh - 140px)" },
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: "#ffffff",
  },
  table: {
    borderCollapse: "collapse",
    fontSize: "12px",
    lineHeight: "1.35",
    color: tokens.colorNeutralForeground1,
  },
  head: {
    position: "sticky",
    top: "0",
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 4px",
  },
  rowHead: {
    position: "sticky",
    left: "0",
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 4px",
    textAlign: "right",
    fontWeight: tokens.fontWeightRegular,
  },
  corner: { left: "0", zIndex: 2 },
  cell: {
    position: "relative",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 4px",
    verticalAlign: "top",
    minWidth: "2.5em",
  },
  // Short entries stay on one line as in Excel; the table scrolls sideways instead of stacking
  // one character per line in a narrow pane.
  short: { whiteSpace: "nowrap" },
  numeric: { textAlign: "right", whiteSpace: "nowrap" },
  long: {
    width: "14em",
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    maxHeight: "6.8em",
    overflow: "hidden",
  },
  noted: {
    "::after": {
      content: '""',
      position: "absolute",
      top: "0",
      right: "0",
      borderTop: "6px solid #d13438",
      borderLeft: "6px solid transparent",
    },
  },
  selected: {
    outline: `3px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: "#fff4ce",
  },
});

/** Texts longer than this wrap in a fixed-width block; shorter ones stay on one line. */
const SHORT_TEXT = 16;

function textClass(
  cell: { numeric: boolean; text: string },
  styles: ReturnType<typeof useStyles>
): string | undefined {
  if (cell.numeric) return undefined;
  return cell.text.length > SHORT_TEXT || cell.text.includes("\n") ? styles.long : styles.short;
}

/**
 * Centres `cell` in `box` by scrolling the box alone (scrollIntoView would scroll every ancestor,
 * the page included). When the box itself is off screen — the narrow layout, where the sheet sits
 * under the results — the page is moved just enough to show it.
 */
function scrollWithin(box: HTMLElement, cell: HTMLElement): void {
  const b = box.getBoundingClientRect();
  const c = cell.getBoundingClientRect();
  box.scrollTo({
    top: box.scrollTop + (c.top - b.top) - (b.height - c.height) / 2,
    left: box.scrollLeft + (c.left - b.left) - (b.width - c.width) / 2,
  });
  const view = box.ownerDocument.defaultView;
  if (view && (b.bottom < 0 || b.top > view.innerHeight)) {
    box.scrollIntoView({ block: "nearest" });
  }
}

export interface SheetViewProps {
  port: PreviewPort;
  navigator: SheetNavigator;
}

/** Large sheets are cut here: the table is for finding a cell, not for reading a whole database. */
const MAX_ROWS = 400;
const MAX_COLS = 40;

function cropped(grid: CellGrid): CellGrid {
  if (grid.cells.length <= MAX_ROWS && grid.cells.every((line) => line.length <= MAX_COLS))
    return grid;
  return { ...grid, cells: grid.cells.slice(0, MAX_ROWS).map((line) => line.slice(0, MAX_COLS)) };
}

function safeDisplayed(grid: CellGrid, address: string): string {
  try {
    return displayedAddress(grid, address);
  } catch {
    return address;
  }
}

export function SheetView({ port, navigator }: SheetViewProps) {
  const styles = useStyles();
  const lang = useLang();
  const text = (key: PreviewKey, params?: Params) => previewText(lang, key, params);
  const version = useSyncExternalStore(port.subscribe, port.getVersion);
  const selected = useSyncExternalStore(navigator.subscribe, navigator.getSelected);
  const [grid, setGrid] = useState<CellGrid | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    port.readGrid(port.sheet).then(
      (read) => {
        if (!live) return;
        setGrid(cropped(read));
        setFailure(null);
      },
      (error: unknown) => {
        if (live) setFailure(error instanceof Error ? error.message : String(error));
      }
    );
    return () => {
      live = false;
    };
  }, [port, version]);

  const layout = useMemo(() => (grid ? layoutSheet(grid) : null), [grid]);
  const highlighted = grid && selected ? safeDisplayed(grid, selected.address) : null;

  useEffect(() => {
    const box = scroller.current;
    if (!highlighted || !box) return;
    const cell = box.querySelector<HTMLElement>(`[data-address="${highlighted}"]`);
    if (cell) scrollWithin(box, cell);
  }, [highlighted, selected]);

  return (
    <section className={styles.section} data-testid="sheet-view" aria-labelledby="sheet-title">
      <Text as="h2" id="sheet-title" weight="semibold" size={400}>
        {text("sheet.title", { sheet: port.sheet.name })}
      </Text>
      <Text size={200} className={styles.hint}>
        {text("sheet.hint")}
      </Text>
      <Text
        size={200}
        className={styles.selection}
        data-testid="preview-selection"
        data-cell={selected?.address}
        aria-live="polite"
      >
        {selected ? `${selected.sheetName ? `${selected.sheetName}!` : ""}${selected.address}` : ""}
      </Text>
      {failure && <Text role="alert">{failure}</Text>}
      {!layout && !failure && <Text>{text("sheet.loading")}</Text>}
      {layout && layout.rows.length === 0 && <Text>{text("sheet.empty")}</Text>}
      {layout && layout.rows.length > 0 && (
        <div className={styles.scroller} ref={scroller} tabIndex={0}>
          <table className={styles.table} data-testid="sheet-table" aria-labelledby="sheet-title">
            <thead>
              <tr>
                <th className={`${styles.head} ${styles.corner}`} scope="col">
                  <span className={styles.srOnly}>{text("sheet.corner")}</span>
                </th>
                {layout.columns.map((letter) => (
                  <th key={letter} className={styles.head} scope="col">
                    {letter}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {layout.rows.map((row) => (
                <tr key={row.rowNumber}>
                  <th className={styles.rowHead} scope="row">
                    {row.rowNumber}
                  </th>
                  {row.cells.map((cell) => {
                    const isSelected = cell.address === highlighted;
                    const classes = [
                      styles.cell,
                      cell.numeric ? styles.numeric : "",
                      cell.note ? styles.noted : "",
                      isSelected ? styles.selected : "",
                    ];
                    return (
                      <td
                        key={cell.address}
                        rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                        colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                        className={classes.filter(Boolean).join(" ")}
                        style={
                          cell.fill && !isSelected ? { backgroundColor: cell.fill } : undefined
                        }
                        title={cell.note ? text("sheet.note", { note: cell.note }) : undefined}
                        data-address={cell.address}
                        data-selected={isSelected ? "true" : undefined}
                      >
                        <div className={textClass(cell, styles)}>{cell.text}</div>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
