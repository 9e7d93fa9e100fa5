/**
 * Which 自评表 of the sheet the pane shows, when a sheet holds several (stacked forms). Recompute
 * scores them all; this only picks the one whose summary, findings and rows are listed.
 */
import { Field, Select, makeStyles } from "@fluentui/react-components";
import type { Evaluation } from "../../domain/model";
import { formatScore } from "../format";
import { useT } from "../i18n-context";

// A long project name must wrap the option, not push the select past a 320 px pane.
const useStyles = makeStyles({
  field: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, maxWidth: "100%" },
});

export interface FormPickerProps {
  forms: readonly Evaluation[];
  selected: number;
  onSelect: (index: number) => void;
}

export function FormPicker({ forms, selected, onSelect }: FormPickerProps) {
  const t = useT();
  const styles = useStyles();
  if (forms.length < 2) return null;
  return (
    <Field className={styles.field} label={t("forms.label", { count: forms.length })}>
      <Select
        className={styles.select}
        value={String(selected)}
        data-testid="form-picker"
        onChange={(_, data) => onSelect(Number(data.value))}
      >
        {forms.map((f, i) => (
          <option key={f.range} value={String(i)}>
            {t("forms.option", {
              n: f.form,
              project: f.projectName ?? f.range,
              total: f.total === null ? "—" : formatScore(f.total),
            })}
          </option>
        ))}
      </Select>
    </Field>
  );
}
