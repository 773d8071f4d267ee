import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { Reply, Review } from '../../../shared/domain/review';
import { capabilitiesOfSource } from '../../../shared/sources/capabilities';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { formatFullDate } from '../../format';
import { useCall } from '../../hooks/useCall';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { toKalmError } from '../../transport/errors';
import './outbox.css';

interface PostedReplyProps {
  review: Review & { reply: Reply };
  /** Open the reply editor (its draft now holds the posted reply's text). */
  onEdit: () => void;
}

/**
 * The reply a review has on its source: text, state (published, pending, rejected), the local history
 * of earlier versions, "Edit reply" (sending the edit overwrites it on the source) and "Delete reply"
 * after a confirmation (queued in the outbox like a reply).
 */
export function PostedReply({ review, onEdit }: PostedReplyProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const api = useApi();
  const ids = useId();
  const { reply } = review;
  const history = useCall('outbox.history', { reviewId: review.id }, 'outbox.changed');
  const workspace = useCall('workspace.get', {}, 'workspace.sourcesChanged');
  const source = workspace.data?.sources.find((s) => s.id === review.source);
  // A source whose API cannot remove a reply (Google Play) gets an explanation instead of a Delete button.
  const noDelete = source !== undefined && capabilitiesOfSource(source).publish === 'api' && !capabilitiesOfSource(source).canDeleteReply;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [queued, setQueued] = useState(false);
  const [error, setError] = useState<{ error: KalmError; retry: () => void } | null>(null);
  const versions = history.data?.versions ?? [];
  // The newest version is the reply shown above; the history lists the ones before it.
  const earlier = versions.length > 0 && versions.at(-1)?.text === reply.text ? versions.slice(0, -1) : versions;
  const rejection = [...versions].reverse().find((v) => v.state === 'rejected' && v.reason !== null)?.reason ?? null;
  const pendingRemoval = review.status === 'queued' && queued;

  const edit = () => {
    setError(null);
    setBusy(true);
    api.call('drafts.list', {})
      .then(({ drafts }) => {
        const existing = drafts.find((d) => d.reviewId === review.id);
        // Words already being written win: they are never replaced by the posted text.
        return existing && existing.text.trim() !== '' ? existing : api.call('drafts.save', { reviewId: review.id, text: reply.text });
      })
      .then(
        () => {
          setBusy(false);
          onEdit();
        },
        (err: unknown) => {
          setBusy(false);
          setError({ error: toKalmError(err), retry: edit });
        },
      );
  };

  const remove = () => {
    setError(null);
    setBusy(true);
    api.call('outbox.unreply', { reviewId: review.id }).then(
      () => {
        setBusy(false);
        setConfirming(false);
        setQueued(true);
      },
      (err: unknown) => {
        setBusy(false);
        setError({ error: toKalmError(err), retry: remove });
      },
    );
  };

  return (
    <section className="reply posted" aria-labelledby={`${ids}-title`} data-reply-state={reply.state}>
      <h3 id={`${ids}-title`} className="reply__title">
        {t('posted.title')}
        <span className={`badge badge--${reply.state}`}>{t(`detail.replyState.${reply.state}`)}</span>
      </h3>
      <p className="detail__text">{reply.text}</p>
      <p className="reply__date">
        <time dateTime={reply.updatedAt}>{formatFullDate(reply.updatedAt, lang)}</time>
      </p>
      {reply.state === 'pending' && <p className="posted__note">{t('posted.pending')}</p>}
      {reply.state === 'rejected' && (
        <p className="posted__note posted__note--rejected" role="note">
          {t('posted.rejected')}
          {rejection !== null && <> {t('posted.rejectedReason', { reason: rejection })}</>}
        </p>
      )}
      {earlier.length > 0 && (
        <details className="posted__history">
          <summary>{t('posted.history', { count: earlier.length })}</summary>
          <ol>
            {[...earlier].reverse().map((v) => (
              <li key={`${v.at}-${v.origin}-${v.text.length}`} className="posted__version">
                <p className="posted__version-meta">
                  <time dateTime={v.at}>{formatFullDate(v.at, lang)}</time> · {t(`posted.by.${v.origin}`)}
                </p>
                {v.origin !== 'removed' && <p className="posted__version-text">{v.text}</p>}
              </li>
            ))}
          </ol>
        </details>
      )}
      {error && <ErrorState compact error={error.error} onRetry={error.retry} />}
      {confirming ? (
        <div className="posted__actions" role="group" aria-label={t('posted.delete')}>
          <p className="posted__note">{t('posted.confirmDelete')}</p>
          <button type="button" className="btn btn--primary" disabled={busy} onClick={remove}>
            {t('posted.confirmYes')}
          </button>
          <button type="button" className="btn btn--secondary" disabled={busy} onClick={() => setConfirming(false)}>
            {t('posted.confirmNo')}
          </button>
        </div>
      ) : (
        <div className="posted__actions">
          <button type="button" className="btn btn--secondary" disabled={busy} onClick={edit}>
            {t('posted.edit')}
          </button>
          {noDelete ? (
            <p className="posted__note">{t('play.noDelete')}</p>
          ) : (
            <button type="button" className="btn btn--ghost" disabled={busy || pendingRemoval} onClick={() => setConfirming(true)}>
              {t('posted.delete')}
            </button>
          )}
        </div>
      )}
      <div role="status">{queued && <p className="posted__note">{t('posted.deleteQueued')}</p>}</div>
    </section>
  );
}
