/**
 * The 评分面板 button: one task pane per WPS window, created on first use and shown or hidden on
 * the next clicks. Its id is kept in PluginStorage (shared by the add-in's pages), because the ribbon
 * page's own variables do not outlive a reload of the add-in.
 */

/** msoCTPDockPositionRight */
export const DOCK_RIGHT = 2;
export const PANE_ID_KEY = "selfeval.taskpane";

export interface WpsTaskPane {
  readonly ID: string | number;
  Visible: boolean;
  DockPosition: number;
  Width?: number;
}

export interface WpsAddinApi {
  CreateTaskPane(url: string): WpsTaskPane;
  GetTaskPane(id: string | number): WpsTaskPane | null | undefined;
  PluginStorage: {
    getItem(key: string): unknown;
    setItem(key: string, value: string): void;
  };
}

/** Shows the pane (creating it at `url` when there is none yet) or hides it; true when shown. */
export function toggleTaskPane(api: WpsAddinApi, url: string, width = 360): boolean {
  const id = api.PluginStorage.getItem(PANE_ID_KEY);
  let pane: WpsTaskPane | null | undefined;
  if (typeof id === "string" && id !== "") {
    try {
      pane = api.GetTaskPane(id);
    } catch {
      // The pane was closed with its window: make a new one.
      pane = undefined;
    }
  }
  if (pane) {
    pane.Visible = !pane.Visible;
    return pane.Visible;
  }
  pane = api.CreateTaskPane(url);
  api.PluginStorage.setItem(PANE_ID_KEY, String(pane.ID));
  pane.DockPosition = DOCK_RIGHT;
  // Fluent-like 320 px layouts fit; older builds ignore the width.
  try {
    pane.Width = width;
  } catch {
    /* optional */
  }
  pane.Visible = true;
  return true;
}
