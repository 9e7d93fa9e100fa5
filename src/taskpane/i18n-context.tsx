/** The pane's language, shared through context so small components need no lang prop. */
import { createContext, useCallback, useContext } from "react";
import { DEFAULT_LANG, t, type Lang, type Params, type UiKey } from "../i18n";

export const LangContext = createContext<Lang>(DEFAULT_LANG);

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): (key: UiKey, params?: Params) => string {
  const lang = useLang();
  return useCallback((key: UiKey, params?: Params) => t(lang, key, params), [lang]);
}
