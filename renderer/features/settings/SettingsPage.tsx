import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { settingsSections } from './settings-sections';
import { useSettings } from './useSettings';

/** Lower-case without accents, so "reactietijd" finds "Reactietijd" and "cafe" finds "café". */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** One place for every setting, with a search over the section titles and the labels inside them. */
export function SettingsPage() {
  const { t } = useTranslation();
  const searchId = useId();
  const { settings, loadError, save, saveError, accept, reload } = useSettings();
  const [search, setSearch] = useState('');
  const needle = fold(search.trim());
  const visible = settingsSections.filter((s) => needle === '' || [s.titleKey, ...s.searchKeys].some((key) => fold(t(key)).includes(needle)));

  const toSection = (id: string) => {
    const heading = document.getElementById(`settings-${id}`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };

  return (
    <div className="settings-page">
      {/* Wide windows: a list of the sections beside them (hidden where there is no room for two columns). */}
      <nav className="settings-page__nav" aria-label={t('settings.sections')}>
        <ul>
          {visible.map(({ id, titleKey }) => (
            <li key={id}>
              <button type="button" className="settings-page__nav-item" onClick={() => toSection(id)}>
                {t(titleKey)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-page__content">
      <h1 className="settings-page__title">{t('settings.title')}</h1>
      <div className="settings-page__search">
        <input id={searchId} type="search" className="setting__input" aria-label={t('settings.search')} placeholder={t('settings.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {loadError && <ErrorState error={loadError} onRetry={reload} />}
      {saveError && <ErrorState error={saveError} onRetry={reload} compact />}
      {settings && visible.length === 0 && <p className="muted">{t('settings.noMatch', { search: search.trim() })}</p>}
      {settings &&
        visible.map(({ id, titleKey, Component }) => (
          <section key={id} className="settings-section" aria-labelledby={`settings-${id}`}>
            <h2 id={`settings-${id}`} className="settings-section__title" tabIndex={-1}>
              {t(titleKey)}
            </h2>
            <Component settings={settings} save={save} accept={accept} />
          </section>
        ))}
      </div>
    </div>
  );
}
