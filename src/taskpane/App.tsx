/**
 * The task pane. Everything it touches is injected — the workbook port (or a recompute service over
 * it), the settings store and an optional cell navigator — so it runs unchanged in Excel, in the
 * browser preview and in tests. It never imports office-js.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import {
  useCallback,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { createRecomputeService, type RecomputeService } from "../app/recompute";
import {
  DEFAULT_SETTINGS,
  planOptionsOf,
  profileOf,
  validateSettings,
  type UserSettings,
} from "../app/settings";
import type { Finding } from "../domain/model";
import type { RuleProfile } from "../domain/profile-types";
import { PROFILES } from "../domain/profiles";
import type { WorkbookPort } from "../hosts/workbook-port";
import { t as translate, type Lang, type Params, type UiKey } from "../i18n";
import { ActionBar } from "./components/ActionBar";
import { ErrorBar } from "./components/ErrorBar";
import { BreakdownList } from "./components/BreakdownList";
import { FindingsList } from "./components/FindingsList";
import { FormPicker } from "./components/FormPicker";
import { IndicatorTable } from "./components/IndicatorTable";
import { LanguageSwitch } from "./components/LanguageSwitch";
import { SettingsPanel } from "./components/SettingsPanel";
import { StatusRegion } from "./components/StatusRegion";
import { gradeKey, SummaryCard } from "./components/SummaryCard";
import type { CellNavigator, SettingsStore } from "./contracts";
import { formatScore } from "./format";
import { LangContext } from "./i18n-context";
import {
  ERROR_MESSAGE_KEYS,
  INITIAL_STATE,
  isBusy,
  paneReducer,
  toPaneError,
  type PaneError,
  type PaneState,
} from "./pane-state";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface AppProps {
  /** The workbook the pane scores; used to build the recompute service when none is given. */
  port: WorkbookPort;
  /** Inject to share one serialised service with other callers (e.g. the ribbon command). */
  service?: RecomputeService;
  settingsStore: SettingsStore;
  /** Hosts that can move the selection pass one; findings then become clickable. */
  navigator?: CellNavigator;
  profiles?: readonly RuleProfile[];
  /** Shows the preview banner (no Excel behind the pane). */
  preview?: boolean;
  /** Preview page only: replaces the banner's text (e.g. to name the file being scored). */
  previewBanner?: ReactNode;
  /** Preview page only: its file picker, shown under the banner, inside the pane's language. */
  previewTop?: ReactNode;
  /** Preview page only: the rendered sheet, shown under the results. */
  previewBottom?: ReactNode;
  /** Recompute once as soon as the settings are loaded (the preview does, for a file just opened). */
  autoRecompute?: boolean;
}

export function errorMessage(lang: Lang, error: PaneError): string {
  return translate(lang, ERROR_MESSAGE_KEYS[error.code], { detail: error.detail });
}

export function statusText(lang: Lang, state: PaneState): string {
  switch (state.phase) {
    case "idle":
      return translate(lang, "status.idle");
    case "computing":
      return translate(lang, "status.computing");
    case "reverting":
      return translate(lang, "status.reverting");
    case "results": {
      const e = state.result?.evaluation;
      if (!e || e.total === null) return translate(lang, "status.doneNoTotal");
      const grade = e.grade ? translate(lang, gradeKey(e.grade)) : "—";
      return translate(lang, "status.done", { total: formatScore(e.total), grade });
    }
    case "reverted":
      return translate(lang, "status.reverted", { count: state.restoredCells ?? 0 });
    case "error":
      return state.error ? errorMessage(lang, state.error) : "";
  }
}

export function App({
  port,
  service: injected,
  settingsStore,
  navigator,
  profiles = PROFILES,
  preview = false,
  previewBanner,
  previewTop,
  previewBottom,
  autoRecompute = false,
}: AppProps) {
  const styles = useStyles();
  const service = useMemo(() => injected ?? createRecomputeService(port), [injected, port]);
  const [state, dispatch] = useReducer(paneReducer, INITIAL_STATE);
  const [settings, setSettings] = useState<UserSettings>({ ...DEFAULT_SETTINGS });
  /** Which form of a sheet holding several is shown (recompute scores them all). */
  const [formIndex, setFormIndex] = useState(0);
  const [loadProblems, setLoadProblems] = useState<string[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [navError, setNavError] = useState<string | null>(null);
  // A ref, not state: two clicks in one frame both see the old render, but not the old ref.
  const busyRef = useRef(false);
  const lang = settings.lang;
  const t = useCallback((key: UiKey, params?: Params) => translate(lang, key, params), [lang]);

  // Settings come from the document; until they arrive a recompute would use the wrong profile.
  const [settingsReady, setSettingsReady] = useState(false);
  // A change the user makes before the stored settings arrive must not be overwritten by them.
  const touchedRef = useRef(false);

  useEffect(() => {
    let live = true;
    const ids = profiles.map((p) => p.id);
    settingsStore
      .load()
      .then((raw) => {
        if (!live || touchedRef.current) return;
        const { settings: loaded, problems } = validateSettings(raw, ids);
        setSettings(loaded);
        setLoadProblems(
          problems.map((p) =>
            translate(loaded.lang, "settings.loadProblem", { detail: p.message[loaded.lang] })
          )
        );
      })
      .catch((error: unknown) => {
        if (live)
          setLoadProblems([
            translate(DEFAULT_SETTINGS.lang, "error.unexpected", { detail: String(error) }),
          ]);
      })
      .finally(() => {
        if (live) setSettingsReady(true);
      });
    return () => {
      live = false;
    };
  }, [settingsStore, profiles]);

  const changeSettings = useCallback(
    (next: UserSettings) => {
      touchedRef.current = true;
      setSettings(next);
      settingsStore.save(next).then(
        () => setSaveError(null),
        (error: unknown) =>
          setSaveError(
            translate(next.lang, "settings.saveFailed", {
              detail: error instanceof Error ? error.message : String(error),
            })
          )
      );
    },
    [settingsStore]
  );

  const recompute = useCallback(async () => {
    if (busyRef.current || !settingsReady) return;
    busyRef.current = true;
    dispatch({ type: "compute-start" });
    try {
      const profile = profiles.find((p) => p.id === settings.profileId) ?? profiles[0];
      const result = await service.recompute({
        profile: profile ? profileOf(settings, profile) : undefined,
        plan: planOptionsOf(settings),
      });
      if (result.noTable) {
        dispatch({
          type: "failed",
          error: { code: "NO_TABLE", detail: result.detail ?? result.reason },
        });
      } else {
        dispatch({
          type: "compute-done",
          result: {
            sheetName: result.sheet.name,
            evaluation: result.evaluation,
            forms: result.forms.map((f) => f.evaluation),
            writtenCells: result.writtenCells,
          },
        });
      }
    } catch (error) {
      dispatch({ type: "failed", error: toPaneError(error) });
    } finally {
      busyRef.current = false;
    }
  }, [service, settings, profiles, settingsReady]);

  const autoRan = useRef(false);
  useEffect(() => {
    if (!autoRecompute || !settingsReady || autoRan.current) return;
    autoRan.current = true;
    void recompute();
  }, [autoRecompute, settingsReady, recompute]);

  const revert = useCallback(async () => {
    if (busyRef.current) return;
    busyRef.current = true;
    dispatch({ type: "revert-start" });
    try {
      const restoredCells = await service.revert();
      dispatch({ type: "revert-done", restoredCells });
    } catch (error) {
      dispatch({ type: "failed", error: toPaneError(error) });
    } finally {
      busyRef.current = false;
    }
  }, [service]);

  const selectFinding = useMemo(() => {
    if (!navigator) return undefined;
    return (finding: Finding) => {
      const sheet = state.result?.sheetName;
      setNavError(null);
      navigator.selectCell(finding.cell, sheet).catch((error: unknown) => {
        setNavError(
          t("error.unexpected", { detail: error instanceof Error ? error.message : String(error) })
        );
      });
    };
  }, [navigator, state.result?.sheetName, t]);

  const working = isBusy(state.phase);
  const forms = state.result?.forms ?? [];
  const evaluation = forms[formIndex] ?? state.result?.evaluation;
  const notices = [...loadProblems, saveError, navError].filter((n): n is string => n !== null);

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <LangContext.Provider value={lang}>
        <main
          className={styles.root}
          data-testid="pane"
          data-phase={state.phase}
          aria-busy={working}
        >
          <div className={styles.header}>
            <Text as="h1" size={500} weight="semibold">
              {t("app.title")}
            </Text>
            <LanguageSwitch onChange={(next) => changeSettings({ ...settings, lang: next })} />
          </div>
          {preview && (
            <MessageBar intent="info" layout="multiline" data-testid="preview-banner">
              <MessageBarBody>{previewBanner ?? t("app.preview")}</MessageBarBody>
            </MessageBar>
          )}
          {previewTop}
          <ActionBar
            computing={state.phase === "computing"}
            busy={working || !settingsReady}
            onRecompute={() => void recompute()}
            onRevert={() => void revert()}
          />
          <StatusRegion text={statusText(lang, state)} />
          {working && (
            <Spinner
              size="small"
              labelPosition="after"
              label={t(state.phase === "computing" ? "status.computing" : "status.reverting")}
              data-testid="spinner"
            />
          )}
          {state.phase === "error" && state.error && (
            <ErrorBar message={errorMessage(lang, state.error)} />
          )}
          {notices.map((notice) => (
            <MessageBar key={notice} intent="warning" layout="multiline" data-testid="notice">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ))}
          {state.phase === "idle" && (
            <Text className={styles.muted} data-testid="idle-hint">
              {t("status.idle")}
            </Text>
          )}
          {state.phase === "reverted" && (
            <MessageBar intent="success" layout="multiline" data-testid="reverted">
              <MessageBarBody>
                {t("status.reverted", { count: state.restoredCells ?? 0 })}
              </MessageBarBody>
            </MessageBar>
          )}
          {evaluation && (
            <>
              <FormPicker forms={forms} selected={formIndex} onSelect={setFormIndex} />
              <SummaryCard evaluation={evaluation} />
              <FindingsList findings={evaluation.findings} onSelect={selectFinding} />
              <IndicatorTable evaluation={evaluation} />
              <BreakdownList breakdowns={evaluation.breakdowns ?? []} />
            </>
          )}
          {previewBottom}
          <SettingsPanel settings={settings} profiles={profiles} onChange={changeSettings} />
        </main>
      </LangContext.Provider>
    </FluentProvider>
  );
}
