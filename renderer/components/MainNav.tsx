import { useTranslation } from 'react-i18next';

/** The app's top-level views, in menu order; each is `#/<view>` in the address bar. Add a view here (and its `nav.<view>` string). */
export const VIEWS = ['inbox', 'dashboard', 'outbox', 'sources', 'settings'] as const;
export type View = (typeof VIEWS)[number];
export const isView = (name: string): name is View => (VIEWS as readonly string[]).includes(name);

/** Switches between the app's main views. */
export function MainNav({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="mainnav" aria-label={t('nav.label')}>
      {VIEWS.map((v) => (
        <button key={v} type="button" className={`mainnav__item${view === v ? ' mainnav__item--active' : ''}`} aria-current={view === v ? 'page' : undefined} onClick={() => onChange(v)}>
          {t(`nav.${v}`)}
        </button>
      ))}
    </nav>
  );
}
