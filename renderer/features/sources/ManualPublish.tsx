import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { Review } from '../../../shared/domain/review';
import { capabilitiesOfSource, safeHttpUrl } from '../../../shared/sources/capabilities';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';

interface ManualPublishProps {
  review: Review;
  /** Changes when a reply was just queued from the review view, so the queued text is looked up again. */
  queuedHere?: boolean;
}

/**
 * For sources without a reply API (imported reviews): the queued reply is not sent by Kalm. The owner
 * copies it, Kalm opens the review's page (http/https only), the owner pastes it there and says "I posted it".
 */
export function ManualPublish({ review, queuedHere = false }: ManualPublishProps) {
  const { t } = useTranslation();
  const api = useApi();
  const workspace = useCall('workspace.get', {}, 'reviews.changed');
  const outbox = useCall('outbox.list', {}, 'outbox.changed');
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KalmError | null>(null);
  const reloadOutbox = outbox.reload;

  useEffect(() => reloadOutbox(), [queuedHere, review.status, reloadOutbox]);

  const source = workspace.data?.sources.find((s) => s.id === review.source);
  if (!source || capabilitiesOfSource(source).publish !== 'copyAndOpen') return null;
  const item = outbox.data?.items.find((i) => i.reviewId === review.id && i.action === 'reply' && ['queued', 'failed', 'conflict'].includes(i.state));
  if (!item) {
    if (review.status === 'answered') return null;
    return <p className="manual manual--hint">{t('sources.manual.hint', { source: source.name })}</p>;
  }
  const url = safeHttpUrl(review.url);

  const copyAndOpen = async () => {
    setError(null);
    try {
      await navigator.clipboard.writeText(item.text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
    // Electron opens http(s) windows in the system browser; the web host opens a new tab.
    if (url) window.open(url, '_blank', 'noopener,noreferrer');
  };

  const posted = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call('replies.markPosted', { reviewId: review.id, text: item.text });
    } catch (err) {
      setError(toKalmError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="manual" aria-label={t('sources.manual.title', { source: source.name })}>
      <p className="manual__explain">{t('sources.manual.explain', { source: source.name })}</p>
      <div className="source__actions">
        <button type="button" className="btn btn--primary" onClick={() => void copyAndOpen()}>
          {url ? t('sources.manual.copyAndOpen') : t('sources.manual.copy')}
        </button>
        <button type="button" className="btn btn--secondary" disabled={busy} onClick={() => void posted()}>
          {t('sources.manual.posted')}
        </button>
      </div>
      <div role="status">
        {copied === 'yes' && <p className="note">{url ? t('sources.manual.copiedOpened') : t('sources.manual.copiedNoLink')}</p>}
      </div>
      {copied === 'failed' && (
        <div className="manual__fallback">
          <p>{t('sources.manual.copyFailed')}</p>
          <textarea className="client-form__input" readOnly value={item.text} rows={4} onFocus={(e) => e.currentTarget.select()} aria-label={t('sources.manual.replyText')} />
        </div>
      )}
      {!url && <p className="muted">{t('sources.manual.noLink')}</p>}
      {error && <ErrorState error={error} onRetry={() => setError(null)} compact />}
    </section>
  );
}
