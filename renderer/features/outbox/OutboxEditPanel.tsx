import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { Stars } from '../../components/Stars';
import { useCall } from '../../hooks/useCall';
import { Composer } from '../composer/Composer';
import { OutboxHead } from './OutboxHead';

interface OutboxEditPanelProps {
  reviewId: string;
  /** Back to the list (after queueing again, or without). */
  onClose: () => void;
}

/** The review a reply was taken back for, with its reply in the editor again (the draft `outbox.edit` restored). */
export function OutboxEditPanel({ reviewId, onClose }: OutboxEditPanelProps) {
  const { t } = useTranslation();
  const review = useCall('reviews.get', { id: reviewId });
  return (
    <section className="outbox-edit" aria-labelledby="outbox-edit-title">
      <OutboxHead id="outbox-edit-title" level={2} title={t('outbox.editTitle')}>
        <button type="button" className="btn btn--ghost" onClick={onClose}>
          {t('outbox.backToOutbox')}
        </button>
      </OutboxHead>
      {review.status === 'error' && (review.error.code === 'not_found' ? <p>{t('outbox.reviewGone')}</p> : <ErrorState error={review.error} onRetry={review.reload} />)}
      {review.status === 'ready' && (
        <>
          <div className="outbox-edit__review">
            <Stars rating={review.data.rating} />
            <p className="outbox-edit__author">{review.data.anonymous ? t('review.anonymous') : review.data.author}</p>
            <p className="detail__text">{review.data.text ?? t('review.ratingOnly')}</p>
          </div>
          <Composer review={review.data} locationName={null} author={review.data.anonymous ? t('review.anonymous') : review.data.author} onQueued={onClose} />
        </>
      )}
    </section>
  );
}
