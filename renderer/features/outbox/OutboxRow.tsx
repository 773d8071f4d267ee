import { useTranslation } from 'react-i18next';
import type { OutboxItemView } from '../../../shared/outbox/outbox-view';
import { Stars } from '../../components/Stars';
import { formatFullDate } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { ConflictPanel } from './ConflictPanel';
import { CopyAndOpenActions } from './CopyAndOpenActions';
import { waitingReason } from './waitingReason';

const PREVIEW_CHARS = 160;
const preview = (text: string): string => (text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS).trimEnd()}…` : text);

const BADGE: Record<OutboxItemView['state'], string> = { queued: '', sending: '', sent: 'badge--ok', failed: 'badge--warn', conflict: 'badge--warn' };

export type OutboxAction = 'retry' | 'edit' | 'cancel' | 'send_anyway' | 'discard';

interface OutboxRowProps {
  item: OutboxItemView;
  /** An action on this item is under way (its buttons are disabled). */
  busy: boolean;
  onAction: (action: OutboxAction) => void;
  /** A copy-and-open reply was marked posted (the list reloads). */
  onPosted?: () => void;
}

/** One outbox item: its state, which review, the text (plain text), why it waits and when it is tried next, and what the owner can do. */
export function OutboxRow({ item, busy, onAction, onPosted = () => undefined }: OutboxRowProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const { state } = item;
  // A reply the owner posts by hand is never sent by Kalm: no "sending", "waiting" or retry for it.
  const manual = item.copyAndOpen !== null && item.action === 'reply' && (state === 'queued' || state === 'failed') ? item.copyAndOpen : null;
  const canRetry = manual === null && (state === 'failed' || (state === 'queued' && item.nextAttemptAt !== null));
  const canEdit = (state === 'queued' || state === 'failed') && item.action === 'reply';
  const canCancel = state === 'queued' || state === 'failed';
  return (
    <li className={`outbox__item outbox__item--${state}`} data-outbox-id={item.id} data-state={state}>
      <div className="outbox__line">
        <span className={`badge ${manual ? 'badge--manual' : BADGE[state]}`}>{manual ? t('outbox.manual.badge', { source: manual.sourceName }) : t(`outbox.state.${state}`)}</span>
        {item.review !== null && <Stars rating={item.review.rating === null ? null : (Math.min(5, Math.max(1, item.review.rating)) as 1 | 2 | 3 | 4 | 5)} />}
        {/* A review that is gone is named as such (its id stays in the tooltip, for support), never as a raw id. */}
        <span className="outbox__review" title={item.reviewId}>
          {item.review === null
            ? t('outbox.reviewGone')
            : [item.review.author || t('review.anonymous'), item.review.locationName].filter(Boolean).join(' · ')}
        </span>
        <span className="outbox__actions">
          {canRetry && (
            <button type="button" className="btn btn--secondary" disabled={busy} onClick={() => onAction('retry')}>
              {t('outbox.retry')}
            </button>
          )}
          {canEdit && (
            <button type="button" className="btn btn--secondary" disabled={busy} onClick={() => onAction('edit')}>
              {t('outbox.edit')}
            </button>
          )}
          {canCancel && (
            <button type="button" className="btn btn--ghost" disabled={busy} onClick={() => onAction('cancel')}>
              {t('outbox.cancel')}
            </button>
          )}
        </span>
      </div>
      {item.review !== null && item.review.excerpt !== null && <p className="outbox__excerpt">“{item.review.excerpt}”</p>}
      <p className="outbox__text">{item.action === 'deleteReply' ? t('outbox.deleteReply') : preview(item.text)}</p>
      {manual !== null && <CopyAndOpenActions reviewId={item.reviewId} text={item.text} target={manual} busy={busy} onPosted={onPosted} />}
      {state === 'sending' && <p className="outbox__next">{t('outbox.sendingNow')}</p>}
      {manual === null && state === 'queued' && item.lastError !== null && <p className="outbox__waiting">{t('outbox.waiting', { reason: waitingReason(t, item.lastError, item.waitingFor) })}</p>}
      {manual === null && state === 'failed' && item.lastError !== null && <p className="outbox__error">{t('outbox.failedReason', { reason: item.lastError })}</p>}
      {manual === null && (state === 'queued' || state === 'failed') && item.nextAttemptAt !== null && (
        <p className="outbox__next">
          {t('outbox.nextAttempt')} <time dateTime={item.nextAttemptAt}>{formatFullDate(item.nextAttemptAt, lang)}</time>
        </p>
      )}
      {manual === null && state === 'failed' && item.nextAttemptAt === null && <p className="outbox__next">{t('outbox.noAutoRetry')}</p>}
      {state === 'sent' && (
        <p className="outbox__next">
          <time dateTime={item.updatedAt}>{t('outbox.sentAt', { date: formatFullDate(item.updatedAt, lang) })}</time>
        </p>
      )}
      {state === 'conflict' && item.conflict !== null && (
        <ConflictPanel
          conflict={item.conflict}
          sourceName={item.review?.sourceName ?? 'Google'}
          busy={busy}
          onSendAnyway={() => onAction('send_anyway')}
          onEdit={() => onAction('edit')}
          onDiscard={() => onAction('discard')}
        />
      )}
    </li>
  );
}
