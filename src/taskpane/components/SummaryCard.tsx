/** Total, grade, budget execution rate and the count of errors and warnings, at a glance. */
import { Badge, Card, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Evaluation, Grade } from "../../domain/model";
import type { UiKey } from "../../i18n";
import { formatPercent, formatScore, NONE } from "../format";
import { useT } from "../i18n-context";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(88px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  figure: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  label: { color: tokens.colorNeutralForeground3 },
  errors: { color: tokens.colorPaletteRedForeground1 },
  warnings: { color: tokens.colorPaletteMarigoldForeground1 },
  meta: { color: tokens.colorNeutralForeground3 },
});

export function gradeKey(grade: Grade): UiKey {
  return `grade.${grade}` as UiKey;
}

function Figure({
  label,
  value,
  testId,
  className,
}: {
  label: string;
  value: string;
  testId: string;
  className?: string;
}) {
  const styles = useStyles();
  return (
    <div className={styles.figure}>
      <Text size={200} className={styles.label}>
        {label}
      </Text>
      <Text size={500} weight="semibold" data-testid={testId} className={className}>
        {value}
      </Text>
    </div>
  );
}

export function SummaryCard({ evaluation }: { evaluation: Evaluation }) {
  const styles = useStyles();
  const t = useT();
  const errors = evaluation.findings.filter((f) => f.severity === "error").length;
  const warnings = evaluation.findings.filter((f) => f.severity === "warning").length;
  const grade = evaluation.grade ? t(gradeKey(evaluation.grade)) : NONE;
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
    <Card data-testid="summary" aria-labelledby="summary-title">
      <CardHeader
        header={
          <Text id="summary-title" weight="semibold">
            {t("summary.title")}
          </Text>
        }
        description={
          <Text size={200} className={styles.meta}>
            {evaluation.projectName
              ? t("summary.project", { project: evaluation.projectName })
              : t("summary.sheet", { sheet: evaluation.sheetName })}
          </Text>
        }
        action={
          evaluation.provisional ? (
            <Badge
              color="warning"
              appearance="tint"
              data-testid="provisional"
              aria-describedby="summary-provisional-hint"
            >
              {t("summary.provisional")}
            </Badge>
          ) : undefined
        }
      />
      <div className={styles.grid}>
        <Figure label={t("summary.total")} value={formatScore(evaluation.total)} testId="total" />
        <Figure label={t("summary.grade")} value={grade} testId="grade" />
        <Figure
          label={t("summary.rate")}
          value={formatPercent(evaluation.budget?.rate)}
          testId="rate"
        />
        <Figure
          label={t("summary.errors")}
          value={String(errors)}
          testId="count-errors"
          className={errors > 0 ? styles.errors : undefined}
        />
        <Figure
          label={t("summary.warnings")}
          value={String(warnings)}
          testId="count-warnings"
          className={warnings > 0 ? styles.warnings : undefined}
        />
      </div>
      {evaluation.provisional && (
        <Text size={200} className={styles.meta} id="summary-provisional-hint">
          {t("summary.provisionalHint")}
        </Text>
      )}
      {reported && (
        <Text size={200} className={styles.meta} data-testid="reported">
          {reported}
        </Text>
      )}
    </Card>
  );
}
