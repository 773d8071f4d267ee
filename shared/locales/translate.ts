import { locales, type LocaleTree } from './index';
import type { UiKey } from './keys';

export type UiLanguage = 'en' | 'nl';

/** The UI language for a host without a browser: the stored choice, else the OS locale (nl*, else English). */
export const uiLanguageOf = (stored: UiLanguage | null, osLocale: string): UiLanguage => stored ?? (osLocale.toLowerCase().startsWith('nl') ? 'nl' : 'en');

/**
 * A UI string outside React (the Electron menu and tray): the same locale files, `{{name}}` filled in, and
 * `_one`/`_other` picked by `count`. The key is checked by tsc like i18next's; a key missing at run time returns the key, as i18next does.
 */
export function translate(lang: UiLanguage, key: UiKey, vars: Record<string, string | number> = {}): string {
  const find = (k: string): string | undefined => {
    let node: LocaleTree | string | undefined = locales[lang];
    for (const part of k.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : undefined;
  };
  const plural = typeof vars.count === 'number' ? find(`${key}_${new Intl.PluralRules(lang).select(vars.count) === 'one' ? 'one' : 'other'}`) : undefined;
  const text = plural ?? find(key) ?? key;
  return text.replace(/\{\{\s*(\w+)[^}]*\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}
