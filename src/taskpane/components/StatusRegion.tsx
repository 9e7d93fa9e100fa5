/**
 * Screen-reader announcements. The region is always in the DOM (a live region inserted together
 * with its text is often not read) and visually hidden: the visible pane shows the same state.
 */
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: "0",
    overflow: "hidden",
    clip: "rect(0, 0, 0, 0)",
    whiteSpace: "nowrap",
    border: "0",
  },
});

export function StatusRegion({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={styles.srOnly}
      data-testid="status"
    >
      {text}
    </div>
  );
}
