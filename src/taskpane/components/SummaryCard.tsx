/**
 * The result first and largest: the total, the grade, and where the total sits against the grade
 * bands. A grade that cannot be trusted yet is shown as provisional, never as the result.
 */
import { Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Evaluation, Grade } from "../../domain/model";
import type { UiKey } from "../../i18n";
import { formatPercent, formatScore, NONE } from "../format";
import { useT } from "../i18n-context";
import { bandPosition } from "../view-model";

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
  headline: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  figure: { display: "flex", flexDirection: "column", minWidth: "0" },
  big: {
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  provisional: { color: tokens.colorPaletteDarkOrangeForeground1 },
  band: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  label: { color: tokens.colorNeutralForeground2 },
  meta: { color: tokens.colorNeutralForeground2 },
  facts: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
  },
  nowrap: { whiteSpace: "nowrap" },
});

export function gradeKey(grade: Grade): UiKey {
  return `grade.${grade}` as UiKey;
}

export interface SummaryCardProps {
  evaluation: Evaluation;
  /** False when the banner above says the total cannot be trusted: the grade is then provisional. */
  trusted: boolean;
  /** The rule profile's name in the pane's language. */
  profileName: string;
  /** Points lost over the whole form. */
  lost: number;
}

export function SummaryCard({ evaluation, trusted, profileName, lost }: SummaryCardProps) {
  const styles = useStyles();
  const t = useT();
  const gradeText = evaluation.grade ? t(gradeKey(evaluation.grade)) : NONE;
  const grade =
    evaluation.grade && !trusted ? t("summary.gradeProvisional", { grade: gradeText }) : gradeText;
  // How far a total sits from the next grade is only worth reading once the total can be trusted.
  const band = trusted ? bandPosition(evaluation.total) : null;
  const reported =
    evaluation.reportedGrade !== null
      ? t("summary.reported", {
          total: formatScore(evaluation.reportedTotal),
          grade: evaluation.reportedGrade,
        })
      : evaluation.reportedTotal !== null
        ? t("summary.reportedTotal", { total: formatScore(evaluation.reportedTotal) })
        : null;

  return (
    <Card className={styles.card} data-testid="summary" aria-labelledby="summary-title">
      <Text as="h2" id="summary-title" weight="semibold" size={400}>
        {t("summary.title")}
      </Text>
      <div className={styles.headline}>
        <div className={styles.figure}>
          <Text size={200} className={styles.label}>
            {t("summary.total")}
          </Text>
          <span
            className={`${styles.big} ${trusted ? "" : styles.provisional}`}
            data-testid="total"
          >
            {formatScore(evaluation.total)}
          </span>
        </div>
        <div className={styles.figure}>
          <Text size={200} className={styles.label}>
            {t("summary.grade")}
          </Text>
          <span
            className={`${styles.big} ${trusted ? "" : styles.provisional}`}
            data-testid="grade"
            data-provisional={trusted ? undefined : "true"}
          >
            {grade}
          </span>
        </div>
      </div>
      {band && (
        <Text className={styles.band} data-testid="band">
          {t(band.kind === "above" ? "summary.bandAbove" : "summary.bandBelow", {
            grade: t(gradeKey(band.grade)),
            points: formatScore(band.points),
          })}
        </Text>
      )}
      <div className={styles.facts}>
        <Text size={200} className={`${styles.meta} ${styles.nowrap}`} data-testid="rate">
          {t("summary.rate")} {formatPercent(evaluation.budget?.rate)}
        </Text>
        {lost > 0 && (
          <Text size={200} className={`${styles.meta} ${styles.nowrap}`} data-testid="lost">
            {t("summary.lost", { points: formatScore(lost) })}
          </Text>
        )}
      </div>
      <Text size={200} className={styles.meta}>
        {evaluation.projectName
          ? t("summary.project", { project: evaluation.projectName })
          : t("summary.sheet", { sheet: evaluation.sheetName })}
      </Text>
      <Text size={200} className={styles.meta} data-testid="profile">
        {t("summary.profile", { profile: profileName })}
      </Text>
      {reported && (
        <Text size={200} className={styles.meta} data-testid="reported">
          {reported}
        </Text>
      )}
    </Card>
  );
}
