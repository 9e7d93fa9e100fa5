/* global File -- a DOM type; the shared lint config declares only runtime globals */
/**
 * The pane outside Office. The same App as in Excel, over a PreviewPort: the bundled sample form in
 * memory at first, or an .xlsx the user drops or chooses (opened in the browser by the in-place
 * package host, loaded on demand). The sheet is drawn beside the results (under them on a narrow
 * window), and a finding's cell is highlighted in it.
 */
import { makeStyles } from "@fluentui/react-components";
import { useCallback, useMemo, useState, useSyncExternalStore } from "react";
import { MemoryWorkbook } from "../../hosts/memory/memory-workbook";
import { sampleGrid } from "../../sample";
import { App } from "../App";
import type { SettingsStore } from "../contracts";
import { FileBanner, FilePanel, type FileProblem } from "./FilePanel";
import { isMacroWorkbook, scoredName } from "./file-name";
import { PreviewPort } from "./preview-port";
import { SheetNavigator } from "./sheet-navigator";
import { SheetView } from "./SheetView";
import type { OpenedXlsx } from "./xlsx-file";

const useStyles = makeStyles({
  page: { maxWidth: "1600px", margin: "0 auto" },
});

interface Source {
  /** Remounts the pane when the workbook or sheet changes: results of another file must not linger. */
  id: number;
  port: PreviewPort;
  file: { name: string; opened: OpenedXlsx } | null;
}

let nextId = 1;

function sampleSource(): Source {
  const grid = sampleGrid();
  return {
    id: nextId++,
    port: new PreviewPort(new MemoryWorkbook([grid]), { name: grid.sheetName }),
    file: null,
  };
}

function fileSource(name: string, opened: OpenedXlsx, sheet: string): Source {
  return {
    id: nextId++,
    port: new PreviewPort(opened.workbook, { name: sheet }),
    file: { name, opened },
  };
}

/** Starts the browser download of a Blob without any request leaving the page. */
function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export interface PreviewPageProps {
  settingsStore: SettingsStore;
}

export function PreviewPage({ settingsStore }: PreviewPageProps) {
  const styles = useStyles();
  const [source, setSource] = useState<Source>(sampleSource);
  const [loadingName, setLoadingName] = useState<string | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  // One navigator per workbook: a selection in the previous file means nothing in this one.
  const navigator = useMemo(() => new SheetNavigator(), [source]);
  useSyncExternalStore(source.port.subscribe, source.port.getVersion);
  const canDownload = source.file !== null && source.port.scored;

  const openFile = useCallback((file: File) => void load(file), []);

  async function load(file: File): Promise<void> {
    setLoadingName(file.name);
    setProblem(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const { openXlsx } = await import(/* webpackChunkName: "xlsx" */ "./xlsx-file");
      const opened = await openXlsx(bytes);
      setSource(fileSource(file.name, opened, opened.formSheets[0]));
    } catch (error) {
      const reason = (error as { reason?: string }).reason ?? "UNKNOWN";
      const detail = error instanceof Error ? error.message : String(error);
      setProblem({ reason, name: file.name, detail });
    } finally {
      setLoadingName(null);
    }
  }

  const download = useCallback(async () => {
    if (!source.file) return;
    try {
      const { workbookBlob } = await import(/* webpackChunkName: "xlsx" */ "./xlsx-file");
      saveBlob(
        await workbookBlob(source.file.opened.workbook, isMacroWorkbook(source.file.name)),
        scoredName(source.file.name)
      );
    } catch (error) {
      setProblem({
        reason: "UNKNOWN",
        name: source.file.name,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }, [source]);

  const panel = (
    <FilePanel
      fileName={source.file?.name ?? null}
      loadingName={loadingName}
      problem={problem}
      formSheets={source.file?.opened.formSheets ?? []}
      sheet={source.port.sheet.name}
      downloadName={source.file ? scoredName(source.file.name) : null}
      canDownload={canDownload}
      onFile={openFile}
      onSheet={(name) => {
        if (source.file) setSource(fileSource(source.file.name, source.file.opened, name));
      }}
      onDownload={() => void download()}
      onSample={() => {
        setProblem(null);
        setSource(sampleSource());
      }}
    />
  );

  return (
    <div className={styles.page}>
      <App
        key={source.id}
        port={source.port}
        settingsStore={settingsStore}
        navigator={navigator}
        preview
        autoRecompute={source.file !== null}
        previewBanner={source.file ? <FileBanner name={source.file.name} /> : undefined}
        previewTop={panel}
        previewSide={<SheetView port={source.port} navigator={navigator} />}
      />
    </div>
  );
}
