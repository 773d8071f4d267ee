import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales } from '../shared/locales';

/** The UI languages, in the order the switch shows them. */
export const languages = ['en', 'nl'] as const;
export type Language = (typeof languages)[number];

export const LANGUAGE_KEY = 'kalm.lang';

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

/** A stored choice wins; otherwise Dutch for any nl* browser language (nl-NL, nl-BE), else English. */
export function pickLanguage(stored: string | null, browserLanguage: string | undefined): Language {
  if (isLanguage(stored)) return stored;
  return browserLanguage?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

const readStored = (): string | null => {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null; // storage can be disabled; the browser language decides then
  }
};

const applyToDocument = (lang: string): void => {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
};

const initial = pickLanguage(readStored(), typeof navigator === 'undefined' ? undefined : navigator.language);

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: locales.en }, nl: { translation: locales.nl } },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: [...languages],
  initAsync: false,
  // React escapes every text node; i18next must not escape a second time.
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

applyToDocument(initial);
i18n.on('languageChanged', applyToDocument);

/**
 * The locale for Intl dates and numbers: the browser's own variant when it
 * matches the UI language (en-GB, nl-BE), else the bare UI language.
 */
export function formatLocale(lang: Language): string {
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  return browser.toLowerCase().split('-')[0] === lang ? browser : lang;
}

/**
 * Switches the UI language and updates `<html lang>`. The choice is kept in
 * settings.json (see useStoredLanguage); this browser also caches it, so the
 * first paint of the next start is already in the right language.
 */
export async function setLanguage(lang: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // not remembered, but the switch still works for this session
  }
  await i18n.changeLanguage(lang);
}
