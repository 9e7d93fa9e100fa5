/**
 * Findings grouped 错误 / 警告 / 提示. With a navigator each finding is a button that selects its
 * cell in the sheet; without one (a host that cannot select) it is plain text.
 */
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../domain/model";
import type { UiKey } from "../../i18n";
import { useLang, useT } from "../i18n-context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: {
    listStyleType: "none",
    margin: "0",
    padding: "0",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  item: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    textAlign: "start",
    justifyContent: "flex-start",
    width: "100%",
    minWidth: "0",
    whiteSpace: "normal",
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
  },
  plain: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}` },
  cell: { flexShrink: 0, fontFamily: tokens.fontFamilyMonospace },
});

const ORDER: { severity: Severity; label: UiKey; color: "danger" | "warning" | "informative" }[] = [
  { severity: "error", label: "severity.error", color: "danger" },
  { severity: "warning", label: "severity.warning", color: "warning" },
  { severity: "info", label: "severity.info", color: "informative" },
];

/** Engine messages may begin with their own address ("J13: …"); the badge already shows it. */
export function withoutCellPrefix(message: string, cell: string): string {
  if (!message.startsWith(cell)) return message;
  const rest = message.slice(cell.length);
  const separator = /^\s*[:：]\s*/.exec(rest);
  // "J130: …" starts with "J13" too: only a cell followed by a colon is a prefix.
  return separator ? rest.slice(separator[0].length) : message;
}

export interface FindingsListProps {
  findings: Finding[];
  onSelect?: (finding: Finding) => void;
}

export function FindingsList({ findings, onSelect }: FindingsListProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();

  return (
    <section className={styles.section} aria-labelledby="findings-title" data-testid="findings">
      <Text as="h2" id="findings-title" weight="semibold" size={400}>
        {t("findings.title")}
      </Text>
      {findings.length === 0 && <Text data-testid="findings-empty">{t("findings.empty")}</Text>}
      {ORDER.map(({ severity, label, color }) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const headingId = `findings-${severity}`;
        return (
          <div key={severity} className={styles.section} data-testid={`findings-${severity}`}>
            <Text as="h3" id={headingId} weight="semibold" size={300}>
              {t("findings.count", { label: t(label), count: group.length })}
            </Text>
            <ul className={styles.list} aria-labelledby={headingId}>
              {group.map((f, i) => {
                const message = withoutCellPrefix(f.message[lang], f.cell);
                const content = (
                  <>
                    <Badge appearance="outline" color={color} className={styles.cell}>
                      {f.cell}
                    </Badge>
                    <span>{message}</span>
                  </>
                );
                return (
                  <li key={`${f.code}-${f.cell}-${i}`}>
                    {onSelect ? (
                      <Button
                        appearance="subtle"
                        className={styles.item}
                        data-testid="finding"
                        data-cell={f.cell}
                        data-code={f.code}
                        aria-label={t("findings.goTo", { cell: f.cell, message })}
                        onClick={() => onSelect(f)}
                      >
                        {content}
                      </Button>
                    ) : (
                      <div
                        className={`${styles.item} ${styles.plain}`}
                        data-testid="finding"
                        data-cell={f.cell}
                        data-code={f.code}
                      >
                        {content}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
