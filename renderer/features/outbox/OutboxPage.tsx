import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { OutboxItemView, PublishResultView } from '../../../shared/outbox/outbox-view';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { useCall } from '../../hooks/useCall';
import { toKalmError } from '../../transport/errors';
import { OutboxEditPanel } from './OutboxEditPanel';
import { OutboxHead } from './OutboxHead';
import { OutboxRow, type OutboxAction } from './OutboxRow';
import './outbox.css';

/** Sent items shown below the waiting ones (newest first). */
const SENT_SHOWN = 20;

/** What needs the owner first: conflicts, then failures, then the rest in queue order. */
const RANK: Record<OutboxItemView['state'], number> = { conflict: 0, failed: 1, sending: 2, queued: 3, sent: 4 };

/**
 * The outbox: every reply on its way, with its state and why it waits, and per item retry, edit,
 * cancel, or for a conflict send anyway / edit / discard. Kalm publishes by itself; "Publish now" asks at once.
 */
export function OutboxPage() {
  const { t } = useTranslation();
  const api = useApi();
  const outbox = useCall('outbox.list', {}, 'outbox.changed');
  const [publishing, setPublishing] = useState(false);
  const [results, setResults] = useState<PublishResultView[] | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
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

  const act = (item: OutboxItemView, action: OutboxAction) => {
    setActionError(null);
    setBusyId(item.id);
    const { id } = item;
    const call =
      action === 'retry' ? api.call('outbox.retry', { id })
      : action === 'cancel' ? api.call('outbox.cancel', { id })
      : action === 'edit' ? api.call('outbox.edit', { id })
      : api.call('outbox.resolve', { id, choice: action });
    call.then(
      () => {
        setBusyId(null);
        if (action === 'edit') setEditing(item.reviewId);
        reload();
      },
      (err: unknown) => {
        setBusyId(null);
        setActionError({ error: toKalmError(err), retry: () => act(item, action) });
      },
    );
  };

  if (editing !== null) {
    return (
      <section className="outbox" aria-labelledby="outbox-edit-title">
        <OutboxEditPanel
          key={editing}
          reviewId={editing}
          onClose={() => {
            setEditing(null);
            reload();
          }}
        />
      </section>
    );
  }

  const items = outbox.data?.items ?? [];
  const waiting = items.filter((i) => i.state !== 'sent').sort((a, b) => RANK[a.state] - RANK[b.state]);
  const sentItems = items.filter((i) => i.state === 'sent').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, SENT_SHOWN);
  const sent = results?.filter((r) => r.ok).length ?? 0;
  const conflicts = results?.filter((r) => r.state === 'conflict').length ?? 0;
  const notes = [...new Set((results ?? []).flatMap((r) => (r.note === undefined ? [] : [r.note])))];
  const row = (item: OutboxItemView) => <OutboxRow key={item.id} item={item} busy={busyId === item.id} onAction={(a) => act(item, a)} onPosted={reload} />;
  // Replies the owner posts by hand (copy-and-open) are never published by Kalm.
  const publishable = waiting.some((i) => (i.state === 'queued' || i.state === 'failed') && i.copyAndOpen === null);

  return (
    <section className="outbox" aria-labelledby="outbox-title">
      <OutboxHead id="outbox-title" level={1} title={t('outbox.title')}>
        <button type="button" className="btn btn--primary" disabled={publishing || !publishable} onClick={publish}>
          {publishing ? t('outbox.publishing') : t('outbox.publish')}
        </button>
      </OutboxHead>
      <div role="status" className="outbox__result">
        {results !== null && (
          <>
            <p>
              {conflicts > 0
                ? t('outbox.resultConflicts', { sent, failed: results.length - sent - conflicts, conflicts })
                : t('outbox.result', { sent, failed: results.length - sent })}
            </p>
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
      {outbox.status === 'ready' && waiting.length === 0 && <p className="outbox__empty">{t('outbox.emptyAuto')}</p>}
      {waiting.length > 0 && (
        <ul className="outbox__list" aria-label={t('outbox.listLabel')}>
          {waiting.map(row)}
        </ul>
      )}
      {sentItems.length > 0 && (
        <>
          <h2 className="outbox__subtitle">{t('outbox.sentTitle')}</h2>
          <ul className="outbox__list" aria-label={t('outbox.sentTitle')}>
            {sentItems.map(row)}
          </ul>
        </>
      )}
    </section>
  );
}
