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
 * For sources without a reply API (imported reviews): Kalm never sends the reply. The owner writes it in
 * the reply editor (or queues it), copies it here while Kalm opens the review's page (http/https only),
 * pastes it there and says "I posted it": the review is answered with that text.
 */
export function ManualPublish({ review, queuedHere = false }: ManualPublishProps) {
  const { t } = useTranslation();
  const api = useApi();
  const workspace = useCall('workspace.get', {}, 'reviews.changed');
  const outbox = useCall('outbox.list', {}, 'outbox.changed');
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  /** The text the owner copied (and so posted): the queued reply, or the saved draft. */
  const [text, setText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KalmError | null>(null);
  const reloadOutbox = outbox.reload;

  useEffect(() => reloadOutbox(), [queuedHere, review.status, reloadOutbox]);

  const source = workspace.data?.sources.find((s) => s.id === review.source);
  if (!source || capabilitiesOfSource(source).publish !== 'copyAndOpen') return null;
  if (review.status === 'answered' || review.status === 'deleted') return null;
  const item = outbox.data?.items.find((i) => i.reviewId === review.id && i.action === 'reply' && ['queued', 'failed', 'conflict'].includes(i.state));
  const url = safeHttpUrl(review.url);

  /** The reply to post: the queued one, else the draft the editor autosaved. */
  const replyText = async (): Promise<string | null> => {
    if (item) return item.text;
    const { drafts } = await api.call('drafts.list', {});
    const draft = drafts.find((d) => d.reviewId === review.id)?.text ?? '';
    return draft.trim() === '' ? null : draft;
  };

  const copyAndOpen = async () => {
    setError(null);
    // Opened first, while the click still counts as the owner's (popup blockers); Electron sends http(s) to the system browser.
    if (url) window.open(url, '_blank', 'noopener,noreferrer');
    const current = await replyText().catch(() => null);
    setText(current);
    if (current === null) {
      setCopied('no');
      return;
    }
    try {
      await navigator.clipboard.writeText(current);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  const posted = async () => {
    setBusy(true);
    setError(null);
    try {
      const current = text ?? (await replyText());
      if (current === null) {
        setText(null);
        setCopied('no');
        return;
      }
      await api.call('outbox.markPosted', { reviewId: review.id, text: current });
    } catch (err) {
      setError(toKalmError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="manual" aria-label={t('sources.manual.title', { source: source.name })}>
      <p className="manual__explain">{t('sources.manual.explain', { source: source.name })}</p>
      {text === null && copied === 'no' && !item && <p className="muted">{t('sources.manual.writeFirst')}</p>}
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
          <textarea className="client-form__input" readOnly value={text ?? ''} rows={4} onFocus={(e) => e.currentTarget.select()} aria-label={t('sources.manual.replyText')} />
        </div>
      )}
      {!url && <p className="muted">{t('sources.manual.noLink')}</p>}
      {error && <ErrorState error={error} onRetry={() => setError(null)} compact />}
    </section>
  );
}
