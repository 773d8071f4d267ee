import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../hooks/useCall';
import { useNow } from '../../hooks/useNow';
import { NO_WORK } from '../inbox/badges';
import { ReviewDetail } from '../inbox/ReviewDetail';
import { useReplyPolicy } from '../settings/useReplyPolicy';

/** One review in full over the current view (opened from an alert). */
export function ReviewDialog({ reviewId, onClose }: { reviewId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const review = useCall('reviews.get', { id: reviewId }, 'reviews.changed');
  const workspace = useCall('workspace.get', {});
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const [answering, setAnswering] = useState(false);
  const now = useNow();
  const policy = useReplyPolicy();
  const r = review.data;
  const location = r ? (workspace.data?.locations.find((l) => l.source === r.source && l.id === r.locationId) ?? null) : null;
  const sourceName = r ? (workspace.data?.sources.find((s) => s.id === r.source)?.name ?? r.source) : '';
  return (
    <dialog ref={ref} className="review-dialog" aria-label={t('alerts.dialog')} onClose={onClose}>
      <div className="review-dialog__bar">
        <button type="button" className="btn btn--secondary review-dialog__close" onClick={() => ref.current?.close()}>
          {t('alerts.close')}
        </button>
      </div>
      {review.error && <p role="alert">{review.error.message}</p>}
      {r && (
        <ReviewDetail
          key={r.id}
          review={r}
          location={location}
          sourceName={sourceName}
          query=""
          work={NO_WORK}
          now={now}
          policy={policy}
          answering={answering}
          onAnswer={() => setAnswering(true)}
          onQueued={() => ref.current?.close()}
        />
      )}
    </dialog>
  );
}
