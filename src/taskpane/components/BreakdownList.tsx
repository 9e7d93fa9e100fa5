/**
 * Rows that detail an indicator (其中：…): listed under the indicators with their parent's row, so the
 * accountant sees they were read and deliberately not scored.
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { BreakdownResult } from "../../domain/model";
import { useT } from "../i18n-context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { overflowWrap: "anywhere" },
});

export function BreakdownList({ breakdowns }: { breakdowns: readonly BreakdownResult[] }) {
  const styles = useStyles();
  const t = useT();
  if (breakdowns.length === 0) return null;
  return (
    <section className={styles.section} data-testid="breakdowns" aria-labelledby="breakdowns-title">
      <Text id="breakdowns-title" as="h2" size={400} weight="semibold">
        {t("breakdowns.title")}
      </Text>
      <ul className={styles.list}>
        {breakdowns.map((b) => (
          <li key={b.row} className={styles.item}>
            <Text size={200}>
              {t("breakdowns.item", {
                row: b.row + 1,
                parent: b.parentRow + 1,
                name: b.level3,
                target: b.target || "—",
                actual: b.actual || "—",
              })}
            </Text>
          </li>
        ))}
      </ul>
    </section>
  );
}
