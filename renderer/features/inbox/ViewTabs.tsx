import { memo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_VIEWS, type InboxView, type ViewCounts } from '../../../shared/reviews/query-schema';
import { formatCount } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';

/**
 * Unanswered / Drafts / Outbox / Answered / All, each with its live count, as
 * tabs over the list (one tab stop; the arrow keys, Home and End choose).
 */
export const ViewTabs = memo(function ViewTabs({ view, counts, listId, onView }: { view: InboxView; counts: ViewCounts | null; listId: string; onView: (v: InboxView) => void }) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const box = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const at = INBOX_VIEWS.indexOf(view);
    const step: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: INBOX_VIEWS.length - 1 };
    const to = step[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = INBOX_VIEWS[(to + INBOX_VIEWS.length) % INBOX_VIEWS.length] ?? view;
    onView(next);
    box.current?.querySelector<HTMLElement>(`[data-view="${next}"]`)?.focus();
  };
  return (
    <div className="views" role="tablist" aria-label={t('inbox.views.label')} ref={box} onKeyDown={onKeyDown}>
      {INBOX_VIEWS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          data-view={v}
          className="views__item"
          aria-selected={view === v}
          aria-controls={view === v ? listId : undefined}
          tabIndex={view === v ? 0 : -1}
          onClick={() => onView(v)}
        >
          <span>{t(`inbox.views.${v}`)}</span>
          {counts && <span className="views__count">{formatCount(counts[v], lang)}</span>}
        </button>
      ))}
    </div>
  );
});
