/**
 * One row per scored line: budget execution first, then every 三级指标, with target, actual,
 * completion, score and finding badges. Each row expands to the engine's explanation of its score.
 */
import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Evaluation, Finding, FindingCode, LocalizedText } from "../../domain/model";
import type { UiKey } from "../../i18n";
import { formatPercent, formatScore, NONE } from "../format";
import { useLang, useT } from "../i18n-context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  scroll: { overflowX: "auto" },
  // Fixed layout with set shares fits a ~320 px task pane: names and targets wrap, numbers
  // (smaller, tighter padding) keep to one line even at 2616.67%.
  table: { tableLayout: "fixed", width: "100%" },
  value: { overflowWrap: "anywhere" },
  num: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase200,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  toggle: {
    minWidth: "0",
    padding: "0",
    justifyContent: "flex-start",
    textAlign: "start",
    whiteSpace: "normal",
    fontWeight: tokens.fontWeightRegular,
    height: "auto",
  },
  badges: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  nameCell: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  explanation: {
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground2,
    whiteSpace: "pre-wrap",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
  },
  reported: { display: "block", color: tokens.colorNeutralForeground3 },
});

interface Line {
  key: string;
  row: number;
  name: string;
  target: string;
  actual: string;
  completion: string;
  score: string;
  reported: string | null;
  explanation: LocalizedText;
  codes: FindingCode[];
}

function severityColor(findings: Finding[], row: number, code: FindingCode) {
  const f = findings.find((x) => x.row === row && x.code === code);
  if (f?.severity === "error") return "danger" as const;
  if (f?.severity === "warning") return "warning" as const;
  return "informative" as const;
}

function linesOf(evaluation: Evaluation, budgetLabel: string): Line[] {
  const lines: Line[] = [];
  const b = evaluation.budget;
  if (b) {
    lines.push({
      key: `budget-${b.row}`,
      row: b.row,
      name: budgetLabel,
      target: NONE,
      actual: NONE,
      completion: formatPercent(b.rate),
      score: formatScore(b.score),
      reported:
        b.reportedScore !== null && b.reportedScore !== b.score
          ? formatScore(b.reportedScore)
          : null,
      explanation: b.explanation,
      codes: [...new Set(evaluation.findings.filter((f) => f.row === b.row).map((f) => f.code))],
    });
  }
  for (const r of evaluation.indicators) {
    const shown = r.score ?? r.countedScore;
    lines.push({
      key: `row-${r.row}`,
      row: r.row,
      name: r.level3,
      target: r.target || NONE,
      actual: r.actual || NONE,
      completion: formatPercent(r.completion),
      score: formatScore(shown),
      reported:
        r.reportedScore !== null && r.reportedScore !== shown ? formatScore(r.reportedScore) : null,
      explanation: r.explanation,
      codes: r.codes,
    });
  }
  return lines;
}

export function IndicatorTable({ evaluation }: { evaluation: Evaluation }) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const lines = linesOf(evaluation, t("table.budget"));

  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <section className={styles.section} aria-labelledby="indicators-title">
      <Text as="h2" id="indicators-title" weight="semibold" size={400}>
        {t("table.title")}
      </Text>
      {lines.length === 0 ? (
        <Text>{t("table.empty")}</Text>
      ) : (
        <div className={styles.scroll}>
          <Table
            size="extra-small"
            className={styles.table}
            data-testid="indicator-table"
            aria-labelledby="indicators-title"
          >
            <colgroup>
              <col style={{ width: "34%" }} />
              <col style={{ width: "16%" }} />
              <col style={{ width: "16%" }} />
              <col style={{ width: "20%" }} />
              <col style={{ width: "14%" }} />
            </colgroup>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("table.level3")}</TableHeaderCell>
                <TableHeaderCell className={styles.value}>{t("table.target")}</TableHeaderCell>
                <TableHeaderCell className={styles.value}>{t("table.actual")}</TableHeaderCell>
                <TableHeaderCell className={styles.num}>{t("table.completion")}</TableHeaderCell>
                <TableHeaderCell className={styles.num}>{t("table.score")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.flatMap((line) => {
                const expanded = open.has(line.key);
                const explanationId = `explain-${line.key}`;
                const rows = [
                  <TableRow key={line.key} data-testid="indicator-row" data-row={line.row + 1}>
                    <TableCell>
                      <div className={styles.nameCell}>
                        <Button
                          appearance="transparent"
                          size="small"
                          className={styles.toggle}
                          icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
                          aria-expanded={expanded}
                          aria-controls={expanded ? explanationId : undefined}
                          title={t(expanded ? "table.hideExplanation" : "table.showExplanation", {
                            name: line.name,
                          })}
                          onClick={() => toggle(line.key)}
                        >
                          {line.name}
                        </Button>
                        {line.codes.length > 0 && (
                          <span
                            className={styles.badges}
                            aria-label={t("table.codes")}
                            role="group"
                          >
                            {line.codes.map((code) => (
                              <Badge
                                key={code}
                                size="small"
                                appearance="tint"
                                color={severityColor(evaluation.findings, line.row, code)}
                                data-code={code}
                              >
                                {t(`code.${code}` as UiKey)}
                              </Badge>
                            ))}
                          </span>
                        )}
                      </div>
                    </TableCell>
                    <TableCell className={styles.value}>{line.target}</TableCell>
                    <TableCell className={styles.value}>{line.actual}</TableCell>
                    <TableCell className={styles.num}>{line.completion}</TableCell>
                    <TableCell className={styles.num}>
                      {line.score}
                      {line.reported && (
                        <Text size={100} className={styles.reported}>
                          {t("table.reportedScore", { score: line.reported })}
                        </Text>
                      )}
                    </TableCell>
                  </TableRow>,
                ];
                if (expanded)
                  rows.push(
                    <TableRow key={`${line.key}-explain`}>
                      <TableCell
                        colSpan={5}
                        id={explanationId}
                        className={styles.explanation}
                        data-testid="explanation"
                      >
                        {line.explanation[lang]}
                      </TableCell>
                    </TableRow>
                  );
                return rows;
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
