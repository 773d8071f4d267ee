import { useTranslation } from 'react-i18next';
import { INBOX_VIEWS, type InboxView, type ViewCounts } from '../../../shared/reviews/query-schema';
import { formatCount } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';

/** Unanswered / Drafts / Outbox / Answered / All, each with its live count. */
export function ViewTabs({ view, counts, onView }: { view: InboxView; counts: ViewCounts | null; onView: (v: InboxView) => void }) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  return (
    <div className="views" role="group" aria-label={t('inbox.views.label')}>
      {INBOX_VIEWS.map((v) => (
        <button key={v} type="button" className="views__item" aria-pressed={view === v} onClick={() => onView(v)}>
          <span>{t(`inbox.views.${v}`)}</span>
          {counts && <span className="views__count">{formatCount(counts[v], lang)}</span>}
        </button>
      ))}
    </div>
  );
}
