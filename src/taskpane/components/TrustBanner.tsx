/**
 * Shown whenever the total cannot be taken as the result — weights not 100, a total above 100,
 * values that could not be read, rows that keep their printed score — with what to do about each.
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatScore } from "../format";
import { useT } from "../i18n-context";
import type { TrustProblem } from "../view-model";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL },
});

export function TrustBanner({ problems }: { problems: TrustProblem[] }) {
  const styles = useStyles();
  const t = useT();
  if (problems.length === 0) return null;
  const line = (p: TrustProblem): string => {
    switch (p.kind) {
      case "weights":
        return p.sum === null
          ? t("trust.weightsUnknown")
          : t("trust.weights", { sum: String(p.sum) });
      case "over100":
        return t("trust.over100", { total: formatScore(p.total) });
      case "noTotal":
        return t("trust.noTotal");
      case "unreadable":
        return t("trust.unreadable", { count: p.count });
      case "provisional":
        return t("trust.provisional", { count: p.count });
    }
  };
  return (
    <MessageBar intent="error" layout="multiline" data-testid="trust-banner">
      <MessageBarBody>
        <MessageBarTitle>{t("trust.title")}</MessageBarTitle>
        <ul className={styles.list}>
          {problems.map((p) => (
            <li key={p.kind} data-kind={p.kind}>
              {line(p)}
            </li>
          ))}
        </ul>
        {t("trust.after")}
      </MessageBarBody>
    </MessageBar>
  );
}
