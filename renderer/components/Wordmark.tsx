import { useTranslation } from 'react-i18next';

/** The Kalm wordmark: a calm ripple and the name. */
export function Wordmark() {
  const { t } = useTranslation();
  return (
    <div className="wordmark" title={t('app.tagline')}>
      <svg className="wordmark__mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
        <circle cx="16" cy="16" r="15" className="wordmark__disc" />
        <path d="M7 17c3-3.5 6-3.5 9 0s6 3.5 9 0" className="wordmark__wave" />
        <path d="M9 12.5c2.4-2.5 4.8-2.5 7 0s4.6 2.5 7 0" className="wordmark__wave wordmark__wave--soft" />
      </svg>
      <span className="wordmark__name collapsible-label">{t('app.wordmark')}</span>
    </div>
  );
}
