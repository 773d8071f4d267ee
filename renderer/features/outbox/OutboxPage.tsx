import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { PublishResultView } from '../../../shared/outbox/outbox-view';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';
import { OutboxRow } from './OutboxRow';

/** Replies waiting to be published: publish them all, or cancel one. */
export function OutboxPage() {
  const { t } = useTranslation();
  const api = useApi();
  const outbox = useCall('outbox.list', {}, 'outbox.changed');
  const [publishing, setPublishing] = useState(false);
  const [results, setResults] = useState<PublishResultView[] | null>(null);
  const [actionError, setActionError] = useState<{ error: KalmError; retry: () => void } | null>(null);
  const { reload } = outbox;

  const publish = () => {
    setPublishing(true);
    setActionError(null);
    api.call('outbox.publish', {}).then(
      ({ results: done }) => {
        setPublishing(false);
        setResults(done);
        reload();
      },
      (err: unknown) => {
        setPublishing(false);
        setActionError({ error: toKalmError(err), retry: publish });
      },
    );
  };

  const cancel = (id: string) => {
    setActionError(null);
    api.call('outbox.cancel', { id }).then(reload, (err: unknown) => setActionError({ error: toKalmError(err), retry: () => cancel(id) }));
  };

  const items = outbox.data?.items ?? [];
  const sent = results?.filter((r) => r.ok).length ?? 0;
  const notes = [...new Set((results ?? []).flatMap((r) => (r.note === undefined ? [] : [r.note])))];

  return (
    <section className="outbox" aria-labelledby="outbox-title">
      <header className="outbox__head">
        <h1 id="outbox-title" className="outbox__title">
          {t('outbox.title')}
        </h1>
        <button type="button" className="btn btn--primary" disabled={publishing || !items.some((i) => i.state === 'queued' || i.state === 'failed')} onClick={publish}>
          {publishing ? t('outbox.publishing') : t('outbox.publish')}
        </button>
      </header>
      <div role="status" className="outbox__result">
        {results !== null && (
          <>
            <p>{t('outbox.result', { sent, failed: results.length - sent })}</p>
            {notes.map((note) => (
              <p key={note} className="outbox__note">
                {note}
              </p>
            ))}
          </>
        )}
      </div>
      {actionError && <ErrorState compact error={actionError.error} onRetry={actionError.retry} />}
      {outbox.status === 'loading' && <p className="outbox__empty">{t('outbox.loading')}</p>}
      {outbox.status === 'error' && <ErrorState error={outbox.error} onRetry={reload} />}
      {outbox.status === 'ready' &&
        (items.length === 0 ? (
          <p className="outbox__empty">{t('outbox.empty')}</p>
        ) : (
          <ul className="outbox__list" aria-label={t('outbox.listLabel')}>
            {items.map((item) => (
              <OutboxRow key={item.id} item={item} onCancel={() => cancel(item.id)} />
            ))}
          </ul>
        ))}
    </section>
  );
}
