/**
 * A tiny lookup over the string catalogues. Every catalogue in this folder has the shape
 * `{ "zh-CN": {...}, en: {...} }` with identical keys; zh-CN is the default language.
 */
import type { Lang } from "../domain/model";
import { uiStrings, type UiKey } from "./ui";

export type { Lang } from "../domain/model";
export type { UiKey } from "./ui";
export { uiStrings } from "./ui";

export type Params = Record<string, string | number>;
export type Catalogue<K extends string> = Record<Lang, Record<K, string>>;

export const DEFAULT_LANG: Lang = "zh-CN";
export const LANGS: readonly Lang[] = ["zh-CN", "en"];

export function isLang(value: unknown): value is Lang {
  return value === "zh-CN" || value === "en";
}

/** Replace `{name}` with params.name. A placeholder without a value stays visible rather than vanishing. */
export function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole
  );
}

/** Look a key up in any catalogue; falls back to zh-CN, then to the key itself, so a gap never blanks the UI. */
export function translate<K extends string>(
  catalogue: Catalogue<K>,
  lang: Lang,
  key: K,
  params?: Params
): string {
  const template = catalogue[lang]?.[key] ?? catalogue[DEFAULT_LANG]?.[key] ?? key;
  return interpolate(template, params);
}

/** Task-pane strings. */
export function t(lang: Lang, key: UiKey, params?: Params): string {
  return translate(uiStrings, lang, key, params);
}
