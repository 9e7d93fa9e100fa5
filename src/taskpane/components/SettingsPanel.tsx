/**
 * Rule profile, over-target threshold and what a recompute writes (fills, notes, formulas).
 * Changes are handed up immediately; the App keeps them in the document through a SettingsStore.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Input,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SettingsRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { OVER_TARGET_RANGE, type UserSettings } from "../../app/settings";
import type { RuleProfile } from "../../domain/profile-types";
import { useLang, useT } from "../i18n-context";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: "0" },
  // A native select sizes to its longest option; profile names are long, the pane is narrow.
  select: { width: "100%", minWidth: "0", maxWidth: "100%" },
});

/** The threshold is a fraction (1.3); people think in percent (130). */
export function percentOf(fraction: number): string {
  return String(Math.round(fraction * 10000) / 100);
}

export function fractionOf(percentText: string): number | null {
  const text = percentText.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const fraction = Math.round(Number(text) * 100) / 10000;
  return fraction >= OVER_TARGET_RANGE.min && fraction <= OVER_TARGET_RANGE.max ? fraction : null;
}

export interface SettingsPanelProps {
  settings: UserSettings;
  profiles: readonly RuleProfile[];
  /** Hands up only what changed: two changes in one frame must not undo each other. */
  onChange: (patch: Partial<UserSettings>) => void;
}

export function SettingsPanel({ settings, profiles, onChange }: SettingsPanelProps) {
  const styles = useStyles();
  const t = useT();
  const lang = useLang();
  const [thresholdText, setThresholdText] = useState(percentOf(settings.overTargetThreshold));

  // Settings loaded from the document after the first render must replace what the input shows.
  useEffect(() => {
    setThresholdText((current) =>
      fractionOf(current) === settings.overTargetThreshold
        ? current
        : percentOf(settings.overTargetThreshold)
    );
  }, [settings.overTargetThreshold]);

  const thresholdValid = fractionOf(thresholdText) !== null;

  return (
    <Accordion collapsible data-testid="settings">
      <AccordionItem value="settings">
        <AccordionHeader icon={<SettingsRegular />} data-testid="settings-toggle">
          {t("settings.title")}
        </AccordionHeader>
        <AccordionPanel>
          <div className={styles.panel}>
            <Field label={t("settings.profile")}>
              <Select
                className={styles.select}
                select={{ className: styles.select }}
                data-testid="setting-profile"
                value={settings.profileId}
                onChange={(_, data) => onChange({ profileId: data.value })}
              >
                {profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name[lang]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              label={t("settings.overTarget")}
              hint={thresholdValid ? t("settings.overTargetHint") : undefined}
              validationState={thresholdValid ? "none" : "error"}
              validationMessage={
                thresholdValid
                  ? undefined
                  : t("settings.overTargetInvalid", {
                      min: percentOf(OVER_TARGET_RANGE.min),
                      max: percentOf(OVER_TARGET_RANGE.max),
                    })
              }
            >
              <Input
                data-testid="setting-threshold"
                type="number"
                inputMode="decimal"
                min={percentOf(OVER_TARGET_RANGE.min)}
                max={percentOf(OVER_TARGET_RANGE.max)}
                step={5}
                value={thresholdText}
                onChange={(_, data) => {
                  setThresholdText(data.value);
                  const fraction = fractionOf(data.value);
                  if (fraction !== null && fraction !== settings.overTargetThreshold)
                    onChange({ overTargetThreshold: fraction });
                }}
              />
            </Field>
            <Switch
              data-testid="setting-highlights"
              label={t("settings.highlights")}
              checked={settings.highlights}
              onChange={(_, data) => onChange({ highlights: data.checked })}
            />
            <Switch
              data-testid="setting-notes"
              label={t("settings.notes")}
              checked={settings.notes}
              onChange={(_, data) => onChange({ notes: data.checked })}
            />
            <Switch
              data-testid="setting-notes-all"
              label={t("settings.notesAll")}
              checked={settings.notesAll}
              onChange={(_, data) => onChange({ notesAll: data.checked })}
            />
            <Switch
              data-testid="setting-replace-formulas"
              label={t("settings.replaceFormulas")}
              checked={settings.replaceFormulas}
              onChange={(_, data) => onChange({ replaceFormulas: data.checked })}
            />
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
