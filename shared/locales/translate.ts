import { locales, type LocaleTree } from './index';

export type UiLanguage = 'en' | 'nl';

/** The UI language for a host without a browser: the stored choice, else the OS locale (nl*, else English). */
export const uiLanguageOf = (stored: UiLanguage | null, osLocale: string): UiLanguage => stored ?? (osLocale.toLowerCase().startsWith('nl') ? 'nl' : 'en');

/**
 * A UI string outside React (the Electron menu and tray): the same locale files, `{{name}}` filled in, and
 * `_one`/`_other` picked by `count`. A missing key returns the key, as i18next does.
 */
export function translate(lang: UiLanguage, key: string, vars: Record<string, string | number> = {}): string {
  const find = (k: string): string | undefined => {
    let node: LocaleTree | string | undefined = locales[lang];
    for (const part of k.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
  const plural = typeof vars.count === 'number' ? find(`${key}_${new Intl.PluralRules(lang).select(vars.count) === 'one' ? 'one' : 'other'}`) : undefined;
  const text = plural ?? find(key) ?? key;
  return text.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
