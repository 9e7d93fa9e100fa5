/* global HTMLElement -- a DOM type; the shared lint config declares only runtime globals */
/**
 * The pane outside Office (a plain browser, WPS users, the browser tests): the preview page, with
 * settings in localStorage. Loaded by index.tsx with a dynamic import, so Excel never parses it.
 */
import { createRoot, type Root } from "react-dom/client";
import type { SettingsStore } from "./contracts";
import { PreviewPage } from "./preview/PreviewPage";
import { LocalStorageSettingsStore, MemorySettingsStore } from "./settings-stores";

function browserSettingsStore(): SettingsStore {
  try {
    if (typeof window !== "undefined" && window.localStorage)
      return new LocalStorageSettingsStore(window.localStorage, "selfeval.preview.settings");
  } catch {
    // Storage can throw when cookies are blocked; settings then last for the session only.
  }
  return new MemorySettingsStore();
}

export function startPreview(container: HTMLElement, settingsStore = browserSettingsStore()): Root {
  container.textContent = "";
  const root = createRoot(container);
  root.render(<PreviewPage settingsStore={settingsStore} />);
  return root;
}
