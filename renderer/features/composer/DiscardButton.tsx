import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import { useApi } from '../../api-context';
import { ErrorState } from '../../components/ErrorState';
import { toKalmError } from '../../transport/errors';
import type { DraftState } from '../reply/useDraft';

/** Discard the draft, with an undo that restores and saves it again. */
export function DiscardButton({ reviewId, draft, disabled }: { reviewId: string; draft: DraftState; disabled: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const [discarded, setDiscarded] = useState<string | null>(null);
  const [error, setError] = useState<KalmError | null>(null);
  const discard = () => {
    const text = draft.text;
    draft.cancelPending();
    setError(null);
    api.call('drafts.discard', { reviewId }).then(
      () => {
        draft.reset('');
        setDiscarded(text);
      },
      (err: unknown) => setError(toKalmError(err)),
    );
  };
  return (
    <>
      <button type="button" className="btn btn--ghost" disabled={draft.text === '' || disabled} onClick={discard}>
        {t('reply.discard')}
      </button>
      <span role="status" className="composer__undo">
        {discarded !== null && draft.text === '' && (
          <>
            {t('reply.discarded')}{' '}
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => {
                draft.restore(discarded);
                setDiscarded(null);
              }}
            >
              {t('reply.undo')}
            </button>
          </>
        )}
      </span>
      {error && <ErrorState compact error={error} onRetry={discard} />}
    </>
  );
}
