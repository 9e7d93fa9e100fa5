/* global HTMLButtonElement -- a DOM type; the shared lint config declares only runtime globals */
/**
 * The two actions: 重新计算 and 撤销评分. Both are disabled while either is running; 撤销评分 also
 * while there is nothing of ours in the sheet to revert.
 */
import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, ArrowUndoRegular } from "@fluentui/react-icons";
import type { Ref } from "react";
import { useT } from "../i18n-context";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ActionBarProps {
  computing: boolean;
  busy: boolean;
  canRevert: boolean;
  /** Lets the pane move focus to 重新计算 when 撤销评分, which had it, becomes disabled. */
  recomputeRef?: Ref<HTMLButtonElement>;
  onRecompute: () => void;
  onRevert: () => void;
}

export function ActionBar({
  computing,
  busy,
  canRevert,
  recomputeRef,
  onRecompute,
  onRevert,
}: ActionBarProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.bar}>
      <Button
        appearance="primary"
        data-testid="recompute"
        ref={recomputeRef}
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
