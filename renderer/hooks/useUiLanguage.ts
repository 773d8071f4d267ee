import { useTranslation } from 'react-i18next';
import { formatLocale, isLanguage, type Language } from '../i18n';

/** The current UI language, re-rendering on a switch; for Intl formatting. */
export function useUiLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** The locale for Intl formatting in the current UI language (e.g. en-GB, nl-BE). */
export function useFormatLocale(): string {
  return formatLocale(useUiLanguage());
}
