/**
 * 得分 against 分值 for budget execution and each 一级指标, drawn as plain SVG bars (four bars need
 * no chart library). The lost part of each bar stands out; every bar is a button that filters the
 * to-do list, and its text is the chart's text alternative.
 */
import { Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatScore } from "../format";
import { useT } from "../i18n-context";
import type { SectionScore } from "../view-model";

/** The narrowest a lost part is drawn, as a share of the widest bar (a few pixels in the pane). */
const MIN_LOST = 0.02;

const useStyles = makeStyles({
  figure: { margin: "0", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  caption: { color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: "none",
    margin: "0",
    padding: "0",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  bar: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    gridTemplateAreas: '"name figures" "svg svg"',
    rowGap: tokens.spacingVerticalXXS,
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  selected: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  name: { gridArea: "name", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  figures: { gridArea: "figures", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  lostText: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  svg: { gridArea: "svg", width: "100%", height: "12px", display: "block" },
  track: { fill: tokens.colorNeutralBackground5 },
  score: { fill: tokens.colorBrandBackground },
  lost: { fill: tokens.colorPaletteDarkOrangeBackground3 },
});

export interface ScoreChartProps {
  sections: SectionScore[];
  budgetLabel: string;
  selected: string | null;
  onSelect: (key: string | null) => void;
}

export function ScoreChart({ sections, budgetLabel, selected, onSelect }: ScoreChartProps) {
  const styles = useStyles();
  const t = useT();
  const widest = Math.max(...sections.map((s) => s.weight), 0);
  if (sections.length === 0 || widest <= 0) return null;
  // Bars share one scale, so a 50-point section is five times a 10-point one.
  const fraction = (points: number) => Math.max(0, Math.min(1, points / widest));
  const percent = (f: number) => `${f * 100}%`;
  const share = (points: number) => percent(fraction(points));
  // A lost part of a few hundredths of a point (the budget's 0.02 of 10) would be a hairline: it is
  // drawn at least MIN_LOST of the scale wide, ending where the section's 分值 ends.
  const lostPart = (s: SectionScore) => {
    const width = Math.min(Math.max(fraction(s.lost), MIN_LOST), fraction(s.weight));
    return { x: percent(fraction(s.weight) - width), width: percent(width) };
  };

  return (
    <section aria-labelledby="chart-title" data-testid="chart">
      <figure className={styles.figure}>
        <Text as="h2" id="chart-title" weight="semibold" size={400}>
          {t("chart.title")}
        </Text>
        <figcaption>
          <Text size={200} className={styles.caption}>
            {t("chart.caption")}
          </Text>
        </figcaption>
        <ul className={styles.list}>
          {sections.map((s) => {
            const name = s.label ?? budgetLabel;
            const params = {
              score: formatScore(s.score),
              weight: formatScore(s.weight),
              lost: formatScore(s.lost),
            };
            const pressed = selected === s.key;
            return (
              <li key={s.key}>
                <button
                  type="button"
                  className={mergeClasses(styles.bar, pressed && styles.selected)}
                  aria-pressed={pressed}
                  data-testid="chart-bar"
                  data-section={s.key}
                  onClick={() => onSelect(pressed ? null : s.key)}
                >
                  <span className={styles.name}>{name}</span>
                  <span className={styles.figures}>
                    {params.score} / {params.weight}
                    {s.lost > 0 && (
                      <span className={styles.lostText}>
                        {" "}
                        {t("todo.chipLost", { points: params.lost })}
                      </span>
                    )}
                  </span>
                  <svg className={styles.svg} aria-hidden="true" focusable="false">
                    <rect
                      className={styles.track}
                      x="0"
                      y="0"
                      width={share(s.weight)}
                      height="12"
                      rx="2"
                    />
                    <rect
                      className={styles.score}
                      x="0"
                      y="0"
                      width={share(s.score)}
                      height="12"
                      rx="2"
                    />
                    {s.lost > 0 && (
                      <rect
                        className={styles.lost}
                        data-testid="chart-lost"
                        {...lostPart(s)}
                        y="0"
                        height="12"
                      />
                    )}
                  </svg>
                </button>
              </li>
            );
          })}
        </ul>
      </figure>
    </section>
  );
}
