/**
 * One row per scored line: budget execution first, then every 三级指标, with target, actual,
 * completion, 分值, 得分, 得分率 and finding badges. Each row expands to the engine's explanation of
 * its score. Under 400 px the table becomes a list of cards: seven columns do not fit.
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
import { dec } from "../../domain/decimal";
import type { Evaluation, Finding, FindingCode, LocalizedText } from "../../domain/model";
import type { UiKey } from "../../i18n";
import { formatPercent, formatScore, NONE } from "../format";
import { useLang, useT } from "../i18n-context";
import { useNarrow } from "../use-narrow";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  scroll: { overflowX: "auto" },
  // Fixed layout with set shares fits a ~320 px task pane: names and targets wrap, numbers
  // (smaller, tighter padding) keep to one line even at 2616.67%.
  table: { tableLayout: "fixed", width: "100%" },
  // Targets such as 44.9204万人 break only where they must, never inside the number.
  value: { overflowWrap: "break-word", wordBreak: "keep-all" },
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
  reported: { display: "block", color: tokens.colorNeutralForeground2 },
  lostScore: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  cards: {
    listStyleType: "none",
    margin: "0",
    padding: "0",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  facts: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: "0",
    fontSize: tokens.fontSizeBase200,
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: "0" },
  },
  numDd: { whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
});

interface Line {
  key: string;
  row: number;
  name: string;
  target: string;
  actual: string;
  completion: string;
  weight: string;
  score: string;
  rate: string;
  lost: boolean;
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

function scoreRate(score: number | null, weight: number | null): string {
  if (score === null || weight === null || weight <= 0) return NONE;
  return formatPercent(dec(score).div(weight).toNumber());
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
      weight: formatScore(b.weight),
      score: formatScore(b.score),
      rate: scoreRate(b.score, b.weight),
      lost: b.score !== null && b.score < b.weight,
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
      weight: formatScore(r.weight),
      score: formatScore(shown),
      rate: scoreRate(shown, r.weight),
      lost: r.score !== null && r.weight !== null && r.score < r.weight,
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
  const narrow = useNarrow(400);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const lines = linesOf(evaluation, t("table.budget"));

  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const nameOf = (line: Line) => {
    const expanded = open.has(line.key);
    return (
      <div className={styles.nameCell}>
        <Button
          appearance="transparent"
          size="small"
          className={styles.toggle}
          icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={expanded}
          aria-controls={expanded ? `explain-${line.key}` : undefined}
          title={t(expanded ? "table.hideExplanation" : "table.showExplanation", {
            name: line.name,
          })}
          onClick={() => toggle(line.key)}
        >
          {line.name}
        </Button>
        {line.codes.length > 0 && (
          <span className={styles.badges} aria-label={t("table.codes")} role="group">
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
    );
  };

  const scoreOf = (line: Line) => (
    <>
      <span className={line.lost ? styles.lostScore : undefined}>{line.score}</span>
      {line.reported && (
        <Text size={100} className={styles.reported}>
          {t("table.reportedScore", { score: line.reported })}
        </Text>
      )}
    </>
  );

  const explanationOf = (line: Line) => (
    <div id={`explain-${line.key}`} className={styles.explanation} data-testid="explanation">
      {line.explanation[lang]}
    </div>
  );

  const body =
    lines.length === 0 ? (
      <Text>{t("table.empty")}</Text>
    ) : narrow ? (
      <ul className={styles.cards} aria-labelledby="indicators-title" data-testid="indicator-cards">
        {lines.map((line) => (
          <li
            key={line.key}
            className={styles.card}
            data-testid="indicator-row"
            data-row={line.row + 1}
          >
            {nameOf(line)}
            <dl className={styles.facts}>
              <dt>{t("table.target")}</dt>
              <dd className={styles.value}>{line.target}</dd>
              <dt>{t("table.actual")}</dt>
              <dd className={styles.value}>{line.actual}</dd>
              <dt>{t("table.completion")}</dt>
              <dd className={styles.numDd}>{line.completion}</dd>
              <dt>{t("table.score")}</dt>
              <dd className={styles.numDd}>
                {scoreOf(line)} / {line.weight}
              </dd>
              <dt>{t("table.rate")}</dt>
              <dd className={styles.numDd}>{line.rate}</dd>
            </dl>
            {open.has(line.key) && explanationOf(line)}
          </li>
        ))}
      </ul>
    ) : (
      <div className={styles.scroll}>
        <Table
          size="extra-small"
          className={styles.table}
          data-testid="indicator-table"
          aria-labelledby="indicators-title"
        >
          <colgroup>
            <col style={{ width: "28%" }} />
            <col style={{ width: "15%" }} />
            <col style={{ width: "15%" }} />
            <col style={{ width: "11%" }} />
            <col style={{ width: "9%" }} />
            <col style={{ width: "10%" }} />
            <col style={{ width: "12%" }} />
          </colgroup>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("table.level3")}</TableHeaderCell>
              <TableHeaderCell className={styles.value}>{t("table.target")}</TableHeaderCell>
              <TableHeaderCell className={styles.value}>{t("table.actual")}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t("table.completion")}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t("table.weight")}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t("table.score")}</TableHeaderCell>
              <TableHeaderCell className={styles.num}>{t("table.rate")}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.flatMap((line) => {
              const rows = [
                <TableRow key={line.key} data-testid="indicator-row" data-row={line.row + 1}>
                  <TableCell>{nameOf(line)}</TableCell>
                  <TableCell className={styles.value}>{line.target}</TableCell>
                  <TableCell className={styles.value}>{line.actual}</TableCell>
                  <TableCell className={styles.num}>{line.completion}</TableCell>
                  <TableCell className={styles.num}>{line.weight}</TableCell>
                  <TableCell className={styles.num}>{scoreOf(line)}</TableCell>
                  <TableCell className={styles.num}>{line.rate}</TableCell>
                </TableRow>,
              ];
              if (open.has(line.key))
                rows.push(
                  <TableRow key={`${line.key}-explain`}>
                    <TableCell colSpan={7}>{explanationOf(line)}</TableCell>
                  </TableRow>
                );
              return rows;
            })}
          </TableBody>
        </Table>
      </div>
    );

  return (
    <section className={styles.section} aria-labelledby="indicators-title">
      <Text as="h2" id="indicators-title" weight="semibold" size={400}>
        {t("table.title")}
      </Text>
      {body}
    </section>
  );
}
