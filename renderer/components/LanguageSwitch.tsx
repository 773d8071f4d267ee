import { useTranslation } from 'react-i18next';
import { languages, setLanguage } from '../i18n';
import { useUiLanguage } from '../hooks/useUiLanguage';

/** EN / NL toggle buttons in a group labelled "Language" / "Taal". */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useUiLanguage();
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
          onClick={() => void setLanguage(lang)}
        >
          {lang.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
