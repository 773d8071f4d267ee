import { useTranslation } from 'react-i18next';
import { useApi } from '../api-context';
import { languages } from '../i18n';
import { chooseLanguage } from '../hooks/useStoredLanguage';
import { useUiLanguage } from '../hooks/useUiLanguage';

/** EN / NL toggle buttons in a group labelled "Language" / "Taal"; the choice is kept in settings.json. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useUiLanguage();
  const api = useApi();
  return (
    <div role="group" aria-label={t('language.label')} className="lang-switch">
      {languages.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="lang-switch__btn"
          aria-pressed={current === lang}
          title={t(`language.${lang}`)}
          onClick={() => void chooseLanguage(api, lang)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
