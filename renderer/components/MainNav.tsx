import { useTranslation } from 'react-i18next';

export type View = 'inbox' | 'outbox' | 'sources' | 'dashboard';

/** Switches between the app's main views. */
export function MainNav({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  const { t } = useTranslation();
  const views: View[] = ['inbox', 'outbox', 'sources', 'dashboard'];
  return (
    <nav className="mainnav" aria-label={t('nav.label')}>
      {views.map((v) => (
        <button key={v} type="button" className={`mainnav__item${view === v ? ' mainnav__item--active' : ''}`} aria-current={view === v ? 'page' : undefined} onClick={() => onChange(v)}>
          {t(`nav.${v}`)}
        </button>
      ))}
    </nav>
  );
}
