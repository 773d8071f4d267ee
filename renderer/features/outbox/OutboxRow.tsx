import { useTranslation } from 'react-i18next';
import type { OutboxItemView } from '../../../shared/outbox/outbox-view';
import { formatFullDate } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';

/** Review ids are `<source>:<location>:<external>`; the last part is enough to tell them apart. */
const shortId = (reviewId: string): string => {
  const last = reviewId.split(':').at(-1) ?? reviewId;
  return last.length > 12 ? `${last.slice(0, 12)}…` : last;
};

const PREVIEW_CHARS = 160;
const preview = (text: string): string => (text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS).trimEnd()}…` : text);

const BADGE: Record<OutboxItemView['state'], string> = { queued: '', sending: '', sent: 'badge--ok', failed: 'badge--warn', conflict: 'badge--warn' };

/** One outbox item: state, which review, a preview of the text (plain text), its last error and next try. */
export function OutboxRow({ item, onCancel }: { item: OutboxItemView; onCancel: () => void }) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const cancellable = item.state === 'queued' || item.state === 'failed';
  return (
    <li className="outbox__item" data-outbox-id={item.id}>
      <div className="outbox__line">
        <span className={`badge ${BADGE[item.state]}`}>{t(`outbox.state.${item.state}`)}</span>
        <span className="outbox__review" title={item.reviewId}>
          {t('outbox.review', { id: shortId(item.reviewId) })}
        </span>
        {cancellable && (
          <button type="button" className="btn btn--ghost outbox__cancel" onClick={onCancel}>
            {t('outbox.cancel')}
          </button>
        )}
      </div>
      <p className="outbox__text">{item.action === 'deleteReply' ? t('outbox.deleteReply') : preview(item.text)}</p>
      {item.lastError !== null && <p className="outbox__error">{t('outbox.lastError', { error: item.lastError })}</p>}
      {item.nextAttemptAt !== null && (
        <p className="outbox__next">
          {t('outbox.nextAttempt')} <time dateTime={item.nextAttemptAt}>{formatFullDate(item.nextAttemptAt, lang)}</time>
        </p>
      )}
    </li>
  );
}
