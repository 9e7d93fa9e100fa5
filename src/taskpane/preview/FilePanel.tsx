/* global DragEvent, File, FileList, HTMLDivElement, HTMLInputElement -- DOM types; the shared lint config declares only runtime globals */
/**
 * The preview's file picker: drop an .xlsx on it or choose one, see which file is scored, pick the
 * form's sheet when a workbook has several, download the scored copy. Says plainly that the file
 * stays in the browser.
 */
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState, type DragEvent as ReactDragEvent } from "react";
import type { Params } from "../../i18n";
import { previewText, type PreviewKey } from "../../i18n/preview";
import { useLang } from "../i18n-context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  over: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  hidden: { display: "none" },
  current: { overflowWrap: "anywhere" },
});

/** The preview banner's text while a file of the user's is open. */
export function FileBanner({ name }: { name: string }) {
  return <>{previewText(useLang(), "file.banner", { name })}</>;
}

export type FileProblem = { reason: string; name: string; detail: string };

export interface FilePanelProps {
  /** The open file's name, or null while the sample is shown. */
  fileName: string | null;
  loadingName: string | null;
  problem: FileProblem | null;
  formSheets: string[];
  sheet: string | null;
  downloadName: string | null;
  canDownload: boolean;
  onFile(file: File): void;
  onSheet(name: string): void;
  onDownload(): void;
  onSample(): void;
}

export function FilePanel(props: FilePanelProps) {
  const { fileName, loadingName, problem, formSheets, sheet, downloadName, canDownload } = props;
  const styles = useStyles();
  const lang = useLang();
  const text = (key: PreviewKey, params?: Params) => previewText(lang, key, params);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onFile = props.onFile;

  // A file dropped beside the zone would make the browser leave the page to show it: anywhere on
  // the page counts as the zone. The zone's own handler runs first and marks the event handled.
  useEffect(() => {
    const allow = (event: DragEvent) => event.preventDefault();
    const drop = (event: DragEvent) => {
      if (event.defaultPrevented) return;
      event.preventDefault();
      const file = event.dataTransfer?.files?.[0];
      if (file) onFile(file);
    };
    window.addEventListener("dragover", allow);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", allow);
      window.removeEventListener("drop", drop);
    };
  }, [onFile]);

  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) props.onFile(file);
  };
  const onDrop = (event: ReactDragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer?.files);
  };
  const onDragOver = (event: ReactDragEvent<HTMLDivElement>) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    setOver(true);
  };

  return (
    <section className={styles.section} aria-labelledby="file-title" data-testid="file-panel">
      <Text as="h2" id="file-title" weight="semibold" size={400}>
        {text("file.title")}
      </Text>
      <div
        className={mergeClasses(styles.zone, over && styles.over)}
        data-testid="drop-zone"
        onDrop={onDrop}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setOver(false)}
      >
        <div className={styles.line}>
          <Text>{text("file.drop")}</Text>
          <Button size="small" onClick={() => input.current?.click()} data-testid="choose-file">
            {text("file.choose")}
          </Button>
        </div>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
          data-testid="file-input"
          aria-label={text("file.choose")}
          onChange={(event) => {
            take(event.currentTarget.files);
            // Choosing the same file again after fixing it must fire change again.
            event.currentTarget.value = "";
          }}
        />
        <Text size={200} className={styles.muted} data-testid="file-local">
          {text("file.local")}
        </Text>
      </div>
      {loadingName && (
        <Spinner
          size="tiny"
          labelPosition="after"
          label={text("file.loading", { name: loadingName })}
        />
      )}
      {problem && (
        <MessageBar intent="error" layout="multiline" data-testid="file-error">
          <MessageBarBody>
            {text(`file.error.${problem.reason}` as PreviewKey, {
              name: problem.name,
              detail: problem.detail,
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Text className={styles.current} data-testid="file-current">
        {fileName ? text("file.current", { name: fileName }) : text("file.sample")}
      </Text>
      {fileName && formSheets.length > 1 && (
        <Field label={text("file.sheet")}>
          <Select
            value={sheet ?? ""}
            data-testid="file-sheet"
            onChange={(_, data) => props.onSheet(data.value)}
          >
            {formSheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {fileName && (
        <div className={styles.line}>
          <Button
            appearance="primary"
            disabled={!canDownload}
            onClick={props.onDownload}
            data-testid="download"
          >
            {text("file.download")}
          </Button>
          <Button onClick={props.onSample} data-testid="back-to-sample">
            {text("file.backToSample")}
          </Button>
        </div>
      )}
      {fileName && downloadName && (
        <Text size={200} className={styles.muted}>
          {text("file.downloadHint", { name: downloadName })}
        </Text>
      )}
    </section>
  );
}
