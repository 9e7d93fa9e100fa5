/* global HTMLButtonElement -- a DOM type; the shared lint config declares only runtime globals */
/**
 * The task pane. Everything it touches is injected — the workbook port (or a recompute service over
 * it), the settings store and an optional cell navigator — so it runs unchanged in Excel, in the
 * browser preview and in tests. It never imports office-js.
 */
import {
  AriaLiveAnnouncer,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
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
import type { RuleProfile } from "../domain/profile-types";
import { PROFILES } from "../domain/profiles";
import type { WorkbookPort } from "../hosts/workbook-port";
import { t as translate, type Lang, type Params, type UiKey } from "../i18n";
import { ActionBar } from "./components/ActionBar";
import { ErrorBar } from "./components/ErrorBar";
import { BreakdownList } from "./components/BreakdownList";
import { FormPicker } from "./components/FormPicker";
import { ScoreChart } from "./components/ScoreChart";
import { MarkLegend, TodoList } from "./components/TodoList";
import { TrustBanner } from "./components/TrustBanner";
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
import {
  BUDGET_SECTION,
  scoringKey,
  sectionScores,
  todoList,
  trustProblems,
  type Todo,
} from "./view-model";

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
  muted: { color: tokens.colorNeutralForeground2 },
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: "0" },
  split: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    "@media (min-width: 1000px)": {
      display: "grid",
      gridTemplateColumns: "minmax(360px, 460px) minmax(0, 1fr)",
      alignItems: "start",
      columnGap: tokens.spacingHorizontalXXL,
    },
  },
  aside: {
    minWidth: "0",
    "@media (min-width: 1000px)": { position: "sticky", top: tokens.spacingVerticalM },
  },
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
  /**
   * Preview page only: the rendered sheet — beside the results on a wide window, under them on a
   * narrow one.
   */
  previewSide?: ReactNode;
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
  previewSide,
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
  // The settings the results on screen were computed with: any other scoring setting makes them stale.
  const [scoredWith, setScoredWith] = useState<string | null>(null);
  const [sectionFilter, setSectionFilter] = useState<string | null>(null);
  // Whether the sheet holds something of ours to revert; asked of the host when it can tell.
  const [revertable, setRevertable] = useState(false);
  const [confirmRevert, setConfirmRevert] = useState(false);
  const recomputeRef = useRef<HTMLButtonElement>(null);
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

  useEffect(() => {
    let live = true;
    service.canRevert?.().then(
      (can) => {
        if (live) setRevertable(can);
      },
      () => undefined
    );
    return () => {
      live = false;
    };
  }, [service]);

  // The latest settings, ahead of the render: two changes in one frame both build on the newest.
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const changeSettings = useCallback(
    (patch: Partial<UserSettings>) => {
      touchedRef.current = true;
      const next = { ...settingsRef.current, ...patch };
      settingsRef.current = next;
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
        setScoredWith(scoringKey({ ...settings }));
        setSectionFilter(null);
        setRevertable(Object.keys(result.resolved.snapshot.cells).length > 0);
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

  // 撤销评分 had the focus and is now disabled: once the pane shows the revert, hand the focus to
  // 重新计算, the next thing to do, rather than leave it nowhere.
  useEffect(() => {
    if (state.phase === "reverted") recomputeRef.current?.focus();
  }, [state.phase]);

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
      setRevertable(false);
      dispatch({ type: "revert-done", restoredCells });
    } catch (error) {
      const paneError = toPaneError(error);
      if (paneError.code === "NOTHING_TO_REVERT") setRevertable(false);
      dispatch({ type: "failed", error: paneError });
    } finally {
      busyRef.current = false;
    }
  }, [service]);

  const selectFinding = useMemo(() => {
    if (!navigator) return undefined;
    return (todo: Todo) => {
      const sheet = state.result?.sheetName;
      setNavError(null);
      navigator.selectCell(todo.cell, sheet).catch((error: unknown) => {
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
  const stale =
    evaluation !== undefined && scoredWith !== null && scoredWith !== scoringKey({ ...settings });
  const view = useMemo(() => {
    if (!evaluation) return null;
    const todos = todoList(evaluation);
    const sections = sectionScores(evaluation);
    const problems = trustProblems(evaluation);
    const lost = sections.reduce((sum, s) => sum + s.lost, 0);
    return { todos, sections, problems, lost };
  }, [evaluation]);
  const profileName = evaluation
    ? (profiles.find((p) => p.id === evaluation.profileId)?.name[lang] ?? evaluation.profileId)
    : "";
  const sectionName = (key: string) =>
    key === BUDGET_SECTION ? t("todo.budget") : key === "—" ? t("chart.unnamed") : key;
  const todoName = (todo: Todo) => {
    if (todo.name) return todo.name;
    if (todo.kind === "budget") return t("todo.budget");
    if (evaluation?.layout?.total?.row === todo.row) return t("todo.totalRow");
    return t("todo.row", { row: todo.row + 1 });
  };

  const content = (
    <>
      <div className={styles.header}>
        <Text as="h1" size={500} weight="semibold">
          {t("app.title")}
        </Text>
        <LanguageSwitch onChange={(next) => changeSettings({ lang: next })} />
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
        recomputeRef={recomputeRef}
        canRevert={revertable}
        onRevert={() => setConfirmRevert(true)}
      />
      <Dialog
        open={confirmRevert}
        onOpenChange={(_, data) => setConfirmRevert(data.open)}
        modalType="alert"
      >
        <DialogSurface data-testid="revert-confirm">
          <DialogBody>
            <DialogTitle>{t("revert.confirmTitle")}</DialogTitle>
            <DialogContent>{t("revert.confirmBody")}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                data-testid="revert-confirm-yes"
                onClick={() => {
                  setConfirmRevert(false);
                  void revert();
                }}
              >
                {t("revert.confirm")}
              </Button>
              <Button data-testid="revert-confirm-no" onClick={() => setConfirmRevert(false)}>
                {t("revert.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
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
      {stale && (
        <MessageBar intent="warning" layout="multiline" data-testid="stale-hint">
          <MessageBarBody>{t("stale.hint")}</MessageBarBody>
        </MessageBar>
      )}
      {evaluation && view && (
        <div className={styles.results} data-testid="results">
          <FormPicker forms={forms} selected={formIndex} onSelect={setFormIndex} />
          <TrustBanner problems={view.problems} />
          <SummaryCard
            evaluation={evaluation}
            trusted={view.problems.length === 0}
            profileName={profileName}
            lost={view.lost}
          />
          <ScoreChart
            sections={view.sections}
            budgetLabel={t("todo.budget")}
            selected={sectionFilter}
            onSelect={setSectionFilter}
          />
          <TodoList
            todos={
              sectionFilter === null
                ? view.todos
                : view.todos.filter((todo) => todo.section === sectionFilter)
            }
            total={view.todos.length}
            filterName={sectionFilter === null ? null : sectionName(sectionFilter)}
            onClearFilter={() => setSectionFilter(null)}
            nameOf={todoName}
            onSelect={selectFinding}
          />
          <MarkLegend />
          <IndicatorTable evaluation={evaluation} />
          <BreakdownList breakdowns={evaluation.breakdowns ?? []} />
        </div>
      )}
      <SettingsPanel settings={settings} profiles={profiles} onChange={changeSettings} />
    </>
  );

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      {/* Gives every MessageBar (errors, revert, file problems, the banner) a voice. */}
      <AriaLiveAnnouncer>
        <LangContext.Provider value={lang}>
          <main
            className={styles.root}
            data-testid="pane"
            data-phase={state.phase}
            aria-busy={working}
          >
            {previewSide ? (
              <div className={styles.split}>
                <div className={styles.column}>{content}</div>
                <aside className={styles.aside}>{previewSide}</aside>
              </div>
            ) : (
              content
            )}
          </main>
        </LangContext.Provider>
      </AriaLiveAnnouncer>
    </FluentProvider>
  );
}
