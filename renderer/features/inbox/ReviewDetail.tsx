import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../shared/domain/review';
import { Stars } from '../../components/Stars';
import { formatFullDate } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { ReplyEditor } from '../reply/ReplyEditor';
import { ManualPublish } from '../sources/ManualPublish';

interface ReviewDetailProps {
  review: Review;
  locationName: string | null;
}

/**
 * The selected review in full. Mount it with `key={review.id}` so the
 * translation toggle and the reply editor reset per review.
 */
export function ReviewDetail({ review, locationName }: ReviewDetailProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const [showTranslation, setShowTranslation] = useState(false);
  const [reply, setReply] = useState<'closed' | 'editing' | 'queued'>('closed');
  const ids = useId();
  const author = review.anonymous || review.author.trim() === '' ? t('review.anonymous') : review.author;
  const edited = Date.parse(review.updatedAt) - Date.parse(review.createdAt) > 60_000;
  const hasText = review.text !== null && review.text.trim() !== '';

  return (
    <article className="detail" aria-labelledby={`${ids}-author`}>
      <header className="detail__head">
        <Stars rating={review.rating} size="lg" />
        <h2 id={`${ids}-author`} className="detail__author">
          {author}
        </h2>
        <p className="detail__meta">
          <span>{locationName ?? t('review.unknownLocation')}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={review.createdAt}>{formatFullDate(review.createdAt, lang)}</time>
          {edited && (
            <>
              <span aria-hidden="true"> · </span>
              <span>{t('detail.edited', { date: formatFullDate(review.updatedAt, lang) })}</span>
            </>
          )}
        </p>
      </header>

      <div className="detail__body">
        {hasText ? (
          <p className="detail__text" lang={review.language ?? undefined}>
            {review.text}
          </p>
        ) : (
          <p className="detail__text detail__text--none">{t('review.ratingOnly')}</p>
        )}

        {review.translatedText !== null && review.translatedText.trim() !== '' && (
          <div className="translation">
            <button
              type="button"
              className="btn btn--ghost"
              aria-expanded={showTranslation}
              aria-controls={`${ids}-translation`}
              onClick={() => setShowTranslation((v) => !v)}
            >
              {showTranslation ? t('detail.hideTranslation') : t('detail.showTranslation')}
            </button>
            {showTranslation && (
              <div id={`${ids}-translation`} className="translation__box">
                <p className="translation__label">{t('detail.translatedBy')}</p>
                <p className="detail__text">{review.translatedText}</p>
              </div>
            )}
          </div>
        )}
      </div>

      {review.reply !== null && (
        <section className="reply" aria-labelledby={`${ids}-reply`}>
          <h3 id={`${ids}-reply`} className="reply__title">
            {t('detail.replyTitle')}
            <span className={`badge badge--${review.reply.state}`}>{t(`detail.replyState.${review.reply.state}`)}</span>
          </h3>
          <p className="detail__text">{review.reply.text}</p>
          <p className="reply__date">
            <time dateTime={review.reply.updatedAt}>{formatFullDate(review.reply.updatedAt, lang)}</time>
          </p>
        </section>
      )}

      <ManualPublish review={review} queuedHere={reply === 'queued'} />

      <footer className="detail__actions">
        {reply === 'editing' ? (
          <ReplyEditor reviewId={review.id} source={review.source} onQueued={() => setReply('queued')} />
        ) : (
          <button type="button" className="btn btn--primary" onClick={() => setReply('editing')}>
            {t('detail.answer')}
          </button>
        )}
        <div role="status" className="detail__note-slot">
          {reply === 'queued' && <p className="note">{t('reply.queued')}</p>}
        </div>
      </footer>
    </article>
  );
}

/** The right pane before anything is selected. */
export function DetailPlaceholder() {
  const { t } = useTranslation();
  return (
    <div className="detail detail--empty">
      <p>{t('detail.empty')}</p>
    </div>
  );
}
