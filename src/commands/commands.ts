/**
 * The ribbon's function file (commands.html). Registers 一键评分 (`recomputeActiveSheet`), which
 * recomputes the active sheet without opening the pane. The same page doubles as the small dialog
 * that shows a problem to the user (commands.html?message=…): Excel has no status bar or toast for
 * add-in commands, and a failure must not pass silently.
 */
import { createRecomputeService } from "../app/recompute";
import { ExcelWorkbook } from "../hosts/excel/excel-workbook";
import { OfficeDocumentSettingsStore } from "../hosts/excel/excel-pane-services";
import { runRecomputeCommand } from "./recompute-command";

const MESSAGE_PARAM = "message";
/** Function commands must finish within about five minutes; never keep the dialog open longer. */
const DIALOG_TIMEOUT_MS = 4 * 60 * 1000;

// One adapter and one service for the life of this runtime: recomputes are serialised.
const workbook = new ExcelWorkbook();
const service = createRecomputeService(workbook);
const settings = new OfficeDocumentSettingsStore();

/** Opens commands.html?message=… as a dialog and resolves when it is closed. */
function showMessage(message: string): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL(window.location.href);
    url.search = "";
    url.searchParams.set(MESSAGE_PARAM, message);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (dialog?: Office.Dialog) => {
      clearTimeout(timer);
      dialog?.close();
      resolve();
    };
    Office.context.ui.displayDialogAsync(
      url.toString(),
      { height: 25, width: 30, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          // Nowhere else to show it: keep it in the runtime's console for whoever debugs.
          console.error(message);
          resolve();
          return;
        }
        const dialog = result.value;
        timer = setTimeout(() => done(dialog), DIALOG_TIMEOUT_MS);
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => done(dialog));
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done());
      }
    );
  });
}

async function recomputeActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await runRecomputeCommand({
      service,
      loadSettings: () => settings.load(),
      notify: showMessage,
      setLang: (lang) => {
        workbook.lang = lang;
      },
    });
  } finally {
    event.completed();
  }
}

/** Dialog mode: show the message and an OK button that tells the ribbon runtime to close us. */
function renderMessage(message: string): void {
  const body = document.body;
  body.textContent = "";
  body.style.font = "14px 'Microsoft YaHei', 'PingFang SC', 'Segoe UI', sans-serif";
  body.style.margin = "16px";
  const text = document.createElement("p");
  text.setAttribute("role", "alert");
  text.textContent = message;
  const ok = document.createElement("button");
  ok.textContent = "确定 / OK";
  ok.addEventListener("click", () => Office.context.ui.messageParent("close"));
  body.append(text, ok);
  ok.focus();
}

Office.onReady(() => {
  const message = new URL(window.location.href).searchParams.get(MESSAGE_PARAM);
  if (message !== null) {
    renderMessage(message);
    return;
  }
  Office.actions.associate("recomputeActiveSheet", recomputeActiveSheet);
});
