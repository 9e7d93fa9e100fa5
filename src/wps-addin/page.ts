/** Small helpers the add-in's pages share. */
import type { Lang } from "../domain/model";
import { validateSettings } from "../app/settings";

export const SETTINGS_KEY = "selfeval.settings";

/** The folder the page was served from, with a trailing slash: pane.html sits beside index.html. */
export function pageBaseUrl(href: string = window.location.href): string {
  const clean = href.split("#")[0].split("?")[0];
  return clean.slice(0, clean.lastIndexOf("/") + 1);
}

/**
 * The user's settings, kept per computer in the pages' local storage (the Excel add-in keeps them in
 * the document; WPS document storage is a later step). Anything unreadable is nothing stored.
 */
export function loadLocalSettings(): Promise<unknown> {
  try {
    const text = window.localStorage.getItem(SETTINGS_KEY);
    return Promise.resolve(text === null ? undefined : (JSON.parse(text) as unknown));
  } catch {
    return Promise.resolve(undefined);
  }
}

export async function settingsLang(): Promise<Lang> {
  return validateSettings(await loadLocalSettings()).settings.lang;
}
