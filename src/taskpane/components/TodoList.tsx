/**
 * What is left to do, one item per indicator, the one that lost the most points first. Each item
 * names the indicator and carries chips (扣分 x 分 / 缺偏差说明 / 待复核) and the findings' messages;
 * with a navigator it is a button that selects the cell to work on.
 */
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { MARK_FILLS } from "../../domain/marks";
import { formatScore } from "../format";
import { useLang, useT } from "../i18n-context";
import type { Todo } from "../view-model";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalS,
  },
  count: { color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: "none",
    margin: "0",
    padding: "0",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    minWidth: "0",
    textAlign: "start",
    whiteSpace: "normal",
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    height: "auto",
  },
  first: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
  },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  where: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  message: {
    display: "block",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: "0",
    padding: "0",
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    marginRight: tokens.spacingHorizontalXS,
    verticalAlign: "middle",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

export interface TodoListProps {
  todos: Todo[];
  /** All items before a section filter, for the count. */
  total: number;
  /** The section the list is narrowed to, by name; null when it shows everything. */
  filterName: string | null;
  onClearFilter: () => void;
  nameOf: (todo: Todo) => string;
  onSelect?: (todo: Todo) => void;
}

export function MarkLegend() {
  const styles = useStyles();
  const t = useT();
  const kinds = ["deduction", "review", "explain"] as const;
  return (
    <div>
      <Text size={200} weight="semibold" id="legend-title">
        {t("legend.title")}
      </Text>
      <ul className={styles.legend} aria-labelledby="legend-title" data-testid="legend">
        {kinds.map((kind) => (
          <li key={kind}>
            <span className={styles.swatch} style={{ backgroundColor: MARK_FILLS[kind] }} />
            {t(`legend.${kind}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TodoList({
  todos,
  total,
  filterName,
  onClearFilter,
  nameOf,
  onSelect,
}: TodoListProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();

  return (
    <section className={styles.section} aria-labelledby="todo-title" data-testid="findings">
      <div className={styles.head}>
        <Text as="h2" id="todo-title" weight="semibold" size={400}>
          {t("todo.title")}
        </Text>
        <Text size={200} className={styles.count} data-testid="todo-count">
          {filterName === null
            ? t("todo.count", { count: total })
            : t("todo.countFiltered", { section: filterName, count: todos.length, total })}
        </Text>
        {filterName !== null && (
          <Button size="small" appearance="subtle" onClick={onClearFilter} data-testid="show-all">
            {t("todo.showAll")}
          </Button>
        )}
      </div>
      {total === 0 && <Text data-testid="findings-empty">{t("todo.none")}</Text>}
      <ul className={styles.list}>
        {todos.map((todo, i) => {
          const name = nameOf(todo);
          const messages = todo.findings
            .filter((f) => f.severity !== "info" || todo.findings.length === 1)
            .map((f) => f.message[lang]);
          // A row that lost points without a finding (the budget) says how it was scored.
          if (messages.length === 0 && todo.explanation) messages.push(todo.explanation[lang]);
          const content = (
            <>
              <span className={styles.name}>{name}</span>
              <span className={styles.chips}>
                {todo.lost > 0 && (
                  <Badge appearance="filled" color="danger" data-chip="lost">
                    {t("todo.chipLost", { points: formatScore(todo.lost) })}
                  </Badge>
                )}
                {todo.review && (
                  <Badge appearance="tint" color="brand" data-chip="review">
                    {t("todo.chipReview")}
                  </Badge>
                )}
                {todo.explain && (
                  <Badge appearance="tint" color="warning" data-chip="explain">
                    {t("todo.chipExplain")}
                  </Badge>
                )}
              </span>
              {messages.map((m, j) => (
                <span key={j} className={styles.message}>
                  {m}
                </span>
              ))}
            </>
          );
          const className = mergeClasses(
            styles.item,
            i === 0 && filterName === null && todo.lost > 0 && styles.first
          );
          return (
            <li key={todo.key}>
              {onSelect ? (
                <Button
                  appearance="subtle"
                  className={className}
                  data-testid="finding"
                  data-cell={todo.cell}
                  data-row={todo.row + 1}
                  onClick={() => onSelect(todo)}
                >
                  {content}
                </Button>
              ) : (
                <div
                  className={className}
                  data-testid="finding"
                  data-cell={todo.cell}
                  data-row={todo.row + 1}
                >
                  {content}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
