import { useTranslation } from 'react-i18next';
import type { Review } from '../../../shared/domain/review';
import { Stars } from '../../components/Stars';
import { formatRelative } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';

interface ReviewRowProps {
  review: Review;
  locationName: string | null;
  selected: boolean;
  /** The row reachable with Tab (roving tabindex). */
  tabbable: boolean;
  now: number;
  onSelect: (id: string) => void;
}

/** One review in the inbox list. Every review field is rendered as plain text only. */
export function ReviewRow({ review, locationName, selected, tabbable, now, onSelect }: ReviewRowProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  return (
    <div
      role="option"
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-review-id={review.id}
      className={`row${selected ? ' row--selected' : ''}`}
      onClick={() => onSelect(review.id)}
      onFocus={() => onSelect(review.id)}
    >
      <div className="row__top">
        <Stars rating={review.rating} />
        <time className="row__age" dateTime={review.createdAt}>
          {formatRelative(review.createdAt, now, lang)}
        </time>
      </div>
      <div className="row__who">
        <span className="row__author">{review.anonymous || review.author.trim() === '' ? t('review.anonymous') : review.author}</span>
        <span className="row__location">{locationName ?? t('review.unknownLocation')}</span>
      </div>
      {review.text !== null && review.text.trim() !== '' ? (
        <p className="row__text">{review.text}</p>
      ) : (
        <p className="row__text row__text--none">{t('review.ratingOnly')}</p>
      )}
    </div>
  );
}
