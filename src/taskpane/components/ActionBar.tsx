/**
 * The two actions: 重新计算 and 撤销评分. Both are disabled while either is running; 撤销评分 also
 * while there is nothing of ours in the sheet to revert.
 */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, ArrowUndoRegular } from "@fluentui/react-icons";
import { useT } from "../i18n-context";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ActionBarProps {
  computing: boolean;
  busy: boolean;
  canRevert: boolean;
  onRecompute: () => void;
  onRevert: () => void;
}

export function ActionBar({ computing, busy, canRevert, onRecompute, onRevert }: ActionBarProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.bar}>
      <Button
        appearance="primary"
        data-testid="recompute"
        disabled={busy}
        aria-busy={computing}
        icon={
          computing ? (
            <Spinner size="extra-tiny" aria-hidden="true" data-testid="button-spinner" />
          ) : (
            <ArrowClockwiseRegular />
          )
        }
        onClick={onRecompute}
      >
        {t("action.recompute")}
      </Button>
      <Button
        data-testid="revert"
        disabled={busy || !canRevert}
        icon={<ArrowUndoRegular />}
        onClick={onRevert}
      >
        {t("action.revert")}
      </Button>
    </div>
  );
}
