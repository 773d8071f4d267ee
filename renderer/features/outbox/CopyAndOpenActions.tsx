import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { OutboxCopyAndOpen } from '../../../shared/outbox/outbox-view';
import { safeHttpUrl } from '../../../shared/sources/capabilities';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { toKalmError } from '../../transport/errors';

interface CopyAndOpenActionsProps {
  reviewId: string;
  /** The queued reply: what the owner copies and, once posted, what the review is answered with. */
  text: string;
  target: OutboxCopyAndOpen;
  /** Another action on this item is under way. */
  busy: boolean;
  onPosted: () => void;
}

/**
 * A queued reply for a site Kalm cannot post to (imported reviews): Kalm never sends it. The owner copies it,
 * opens the review's page (http/https links only) and pastes it there, then says "I posted it" (outbox.markPosted):
 * the review is answered with this text and the item leaves the outbox.
 */
export function CopyAndOpenActions({ reviewId, text, target, busy, onPosted }: CopyAndOpenActionsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const [posting, setPosting] = useState(false);
  const [error, setError] = useState<KalmError | null>(null);
  // The core only passes http(s) links; checked again here because review URLs come from imported files.
  const url = safeHttpUrl(target.url);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  const posted = () => {
    setPosting(true);
    setError(null);
    api.call('outbox.markPosted', { reviewId, text }).then(
      () => {
        setPosting(false);
        onPosted();
      },
      (err: unknown) => {
        setPosting(false);
        setError(toKalmError(err));
      },
    );
  };

  return (
    <div className="outbox__manual">
      <p className="outbox__waiting">{t('outbox.manual.explain', { source: target.sourceName })}</p>
      <div className="outbox__manual-actions">
        <button type="button" className="btn btn--secondary" disabled={busy || posting} onClick={() => void copy()}>
          {t('outbox.manual.copy')}
        </button>
        {url !== null && (
          <a className="btn btn--secondary" href={url} target="_blank" rel="noopener noreferrer">
            {t('outbox.manual.open', { source: target.sourceName })}
          </a>
        )}
        <button type="button" className="btn btn--primary" disabled={busy || posting} onClick={posted}>
          {t('outbox.manual.posted')}
        </button>
      </div>
      <div role="status">{copied === 'yes' && <p className="note">{t(url ? 'outbox.manual.copied' : 'outbox.manual.copiedNoLink', { source: target.sourceName })}</p>}</div>
      {copied === 'failed' && (
        <div className="manual__fallback">
          <p>{t('outbox.manual.copyFailed')}</p>
          <textarea className="client-form__input" readOnly value={text} rows={4} onFocus={(e) => e.currentTarget.select()} aria-label={t('outbox.manual.replyText')} />
        </div>
      )}
      {url === null && <p className="muted">{t('outbox.manual.noLink', { source: target.sourceName })}</p>}
      {error && <ErrorState compact error={error} onRetry={posted} />}
    </div>
  );
}
