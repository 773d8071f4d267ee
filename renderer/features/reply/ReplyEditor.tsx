import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import { checkReplyLimits, replyLimitOf, replySize } from '../../../shared/reply/limits';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { toKalmError } from '../../transport/errors';
import { SaveStatusLine } from './SaveStatusLine';
import { useDraft } from './useDraft';

interface ReplyEditorProps {
  reviewId: string;
  /** The review's source id; it decides the size limit. */
  source: string;
  /** The reply is in the outbox now; the editor should close. */
  onQueued: () => void;
}

/** A plain reply editor: autosaved draft, live size against the source's limit, queue to the outbox. */
export function ReplyEditor({ reviewId, source, onQueued }: ReplyEditorProps) {
  const { t } = useTranslation();
  const api = useApi();
  const ids = useId();
  const draft = useDraft(reviewId);
  const [queueing, setQueueing] = useState(false);
  const [queueError, setQueueError] = useState<KalmError | null>(null);
  const [discarded, setDiscarded] = useState<string | null>(null);
  const [discardError, setDiscardError] = useState<KalmError | null>(null);

  const { limit, unit } = replyLimitOf(source);
  const size = replySize(draft.text, source);
  const problem = checkReplyLimits(draft.text, source);
  const tooLong = problem?.code === 'too_long';
  const canQueue = problem === null && !queueing;

  const queue = () => {
    if (!canQueue) return;
    draft.cancelPending();
    setQueueing(true);
    setQueueError(null);
    api.call('outbox.send', { reviewId, text: draft.text }).then(
      () => onQueued(),
      (err: unknown) => {
        setQueueing(false);
        setQueueError(toKalmError(err));
      },
    );
  };

  const discard = () => {
    const text = draft.text;
    draft.cancelPending();
    setDiscardError(null);
    api.call('drafts.discard', { reviewId }).then(
      () => {
        draft.reset('');
        setDiscarded(text);
      },
      (err: unknown) => setDiscardError(toKalmError(err)),
    );
  };

  const undo = () => {
    if (discarded === null) return;
    draft.restore(discarded);
    setDiscarded(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      queue();
    }
  };

  return (
    <section className="editor">
      <label id={`${ids}-label`} htmlFor={`${ids}-text`} className="editor__label">
        {t('reply.label')}
      </label>
      <textarea
        id={`${ids}-text`}
        className={`editor__text${tooLong ? ' editor__text--over' : ''}`}
        value={draft.text}
        rows={7}
        disabled={!draft.loaded}
        aria-describedby={`${ids}-size ${ids}-hint`}
        aria-invalid={tooLong}
        onChange={(e) => {
          setDiscarded(null);
          draft.setText(e.target.value);
        }}
        onBlur={draft.flush}
        onKeyDown={onKeyDown}
      />
      <div className="editor__meta">
        <span id={`${ids}-size`} className={`editor__size${tooLong ? ' editor__size--over' : ''}`}>
          {t('reply.size', { size, limit, unit: t(`reply.unit.${unit}`) })}
        </span>
        <SaveStatusLine status={draft.status} />
      </div>
      {tooLong && (
        <p role="alert" className="editor__warning">
          {t('reply.tooLong', { size: problem.size, limit: problem.limit, over: problem.size - problem.limit, unit: t(`reply.unit.${unit}`) })}
        </p>
      )}
      {draft.saveError && <ErrorState compact error={draft.saveError} onRetry={() => draft.restore(draft.text)} />}
      {queueError && <ErrorState compact error={queueError} onRetry={queue} />}
      {discardError && <ErrorState compact error={discardError} onRetry={discard} />}
      <div className="editor__actions">
        <button type="button" className="btn btn--primary" disabled={!canQueue} onClick={queue}>
          {queueing ? t('reply.queueing') : t('reply.queue')}
        </button>
        <button type="button" className="btn btn--secondary" disabled={draft.text === '' || queueing} onClick={discard}>
          {t('reply.discard')}
        </button>
        <span id={`${ids}-hint`} className="editor__hint">
          {t('reply.shortcut')}
        </span>
      </div>
      <div role="status" className="editor__undo-slot">
        {discarded !== null && (
          <p className="editor__undo">
            {t('reply.discarded')}{' '}
            <button type="button" className="btn btn--ghost" onClick={undo}>
              {t('reply.undo')}
            </button>
          </p>
        )}
      </div>
    </section>
  );
}
