import { useEffect, useId, useRef, useState } from 'react';
import { useApi } from '../../api-context';
import { useTranslation } from 'react-i18next';
import type { Location } from '../../../shared/domain/location';
import type { Review } from '../../../shared/domain/review';
import { PLAY_SOURCE_ID } from '../../../shared/reply/limits';
import type { ReplyPolicy } from '../../../shared/reviews/reply-targets';
import { Stars } from '../../components/Stars';
import { formatFullDate, formatReviewDate } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { Composer } from '../composer/Composer';
import { PresenceNote, useTeamPresence } from '../team/presence';
import { HandoffPanel } from '../handoff/HandoffPanel';
import { PostedReply } from '../outbox/PostedReply';
import { badgesOf, type LocalWork } from './badges';
import { Highlight } from './Highlight';
import { SourceMark, StatusBadges } from './StatusBadges';
import { ManualPublish } from '../sources/ManualPublish';

interface ReviewDetailProps {
  review: Review;
  location: Location | null;
  sourceName: string;
  query: string;
  work: LocalWork;
  now: number;
  /** The owner's targets and business hours, for the overdue badge. */
  policy?: ReplyPolicy | undefined;
  /** The composer is open (Answer, Enter or r). */
  answering: boolean;
  onAnswer: () => void;
  /** The reply was queued: the composer closes. */
  onQueued: () => void;
}

/** Only http(s) links are shown as links; they open outside the app. */
export function safeHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The selected review in full. Mount it with `key={review.id}` so the
 * translation toggle and the reply editor reset per review.
 */
export function ReviewDetail({ review, location, sourceName, query, work, now, policy, answering, onAnswer, onQueued }: ReviewDetailProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const [showTranslation, setShowTranslation] = useState(false);
  const [queued, setQueued] = useState(false);
  const api = useApi();
  const [undoFailed, setUndoFailed] = useState(false);
  const ids = useId();
  const presence = useTeamPresence();
  const actions = useRef<HTMLElement>(null);
  const author = review.anonymous || review.author.trim() === '' ? t('review.anonymous') : review.author;
  const edited = Date.parse(review.updatedAt) - Date.parse(review.createdAt) > 60_000;
  const hasText = review.text !== null && review.text.trim() !== '';
  const translation = review.translatedText !== null && review.translatedText.trim() !== '' ? review.translatedText : null;
  const reviewLink = safeHttpUrl(review.url);
  const mapsLink = safeHttpUrl(location?.mapsUrl);

  // The composer's text box takes the focus once it is ready (it stays disabled while its draft loads).
  useEffect(() => {
    if (!answering) return undefined;
    let frame = 0;
    const until = Date.now() + 3000;
    const tryFocus = (): void => {
      const box = actions.current?.querySelector<HTMLTextAreaElement>('textarea');
      if (box && !box.disabled) box.focus();
      else if (Date.now() < until) frame = requestAnimationFrame(tryFocus);
    };
    tryFocus();
    return () => cancelAnimationFrame(frame);
  }, [answering]);

  return (
    <article className="detail" aria-labelledby={`${ids}-author`}>
      <header className="detail__head">
        <Stars rating={review.rating} size="lg" />
        <h2 id={`${ids}-author`} className="detail__author">
          <Highlight text={author} query={query} />
        </h2>
        <p className="detail__meta">
          <SourceMark source={review.source} name={sourceName} />
          <span>{location?.name ?? t('review.unknownLocation')}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={review.origin?.dateOnly === true ? review.createdAt.slice(0, 10) : review.createdAt}>{formatReviewDate(review, lang)}</time>
          {edited && (
            <>
              <span aria-hidden="true"> · </span>
              <span>{t('detail.edited', { date: formatFullDate(review.updatedAt, lang) })}</span>
            </>
          )}
        </p>
        <StatusBadges kinds={badgesOf(review, now, work, policy)} />
        <PresenceNote members={presence.get(review.id)} />
      </header>

      <div className="detail__body">
        {hasText ? (
          <>
            {translation !== null && <p className="translation__label">{t('detail.original')}</p>}
            <p className="detail__text" lang={review.language ?? undefined}>
              <Highlight text={review.text ?? ''} query={query} />
            </p>
          </>
        ) : (
          <p className="detail__text detail__text--none">{review.rating === null ? t('detail.noContent') : t('review.ratingOnly')}</p>
        )}

        {translation !== null && (
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
                <p className="detail__text">
                  <Highlight text={translation} query={query} />
                </p>
              </div>
            )}
          </div>
        )}

        {(reviewLink !== null || mapsLink !== null) && (
          <p className="detail__links">
            {reviewLink !== null && (
              <a href={reviewLink} target="_blank" rel="noopener noreferrer">
                {t('detail.openReview', { source: sourceName })}
              </a>
            )}
            {mapsLink !== null && (
              <a href={mapsLink} target="_blank" rel="noopener noreferrer">
                {review.source === PLAY_SOURCE_ID ? t('detail.openStore') : t('detail.openMaps')}
              </a>
            )}
          </p>
        )}
      </div>

      {review.reply !== null && <PostedReply review={{ ...review, reply: review.reply }} onEdit={onAnswer} />}

      <ManualPublish review={review} queuedHere={queued} />

      <footer className="detail__actions" ref={actions}>
        {answering ? (
          <Composer
            review={review}
            locationName={location?.name ?? null}
            author={author}
            onQueued={() => {
              setQueued(true);
              onQueued();
            }}
          />
        ) : (
          <button type="button" className="btn btn--primary" onClick={onAnswer} aria-keyshortcuts="Enter r">
            {t('detail.answer')}
          </button>
        )}
        {review.status === 'done' && (
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => void api.call('reviews.markDone', { ids: [review.id], done: false }).catch(() => setUndoFailed(true))}
          >
            {t('inbox.bulk.undone')}
          </button>
        )}
        <div role="status" className="detail__note-slot">
          {queued && <p className="note">{t('reply.queued')}</p>}
          {undoFailed && <p className="note">{t('inbox.bulk.undoFailed')}</p>}
        </div>
      </footer>

      <HandoffPanel review={review} />
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
