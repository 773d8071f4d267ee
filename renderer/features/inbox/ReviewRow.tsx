import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/domain/label';
import type { Review } from '../../../shared/domain/review';
import type { ReplyPolicy } from '../../../shared/reviews/reply-targets';
import { Stars } from '../../components/Stars';
import { formatRelative, formatRelativeDay } from '../../format';
import { useFormatLocale } from '../../hooks/useUiLanguage';
import { badgesOf, type LocalWork } from './badges';
import { Highlight } from './Highlight';
import { RowLabels } from './RowLabels';
import { SourceMark, StatusBadges } from './StatusBadges';
import { PresenceNote } from '../team/presence';

export interface RowContext {
  now: number;
  /** The owner's targets and business hours (Settings), for the overdue badge. */
  policy?: ReplyPolicy | undefined;
  query: string;
  work: LocalWork;
  locationName: (review: Review) => string | null;
  sourceName: (source: string) => string;
  /** Label definitions by id (names and colours for the row's label chips). */
  labels: ReadonlyMap<string, Label>;
  /** Sources that are the demo while it stays beside the owner's own reviews: their rows say "Demo". */
  demoSources?: ReadonlySet<string> | undefined;
  /** Other team members answering a review now, by review id (team workspace). */
  presence?: ReadonlyMap<string, readonly string[]> | undefined;
}

interface ReviewRowProps {
  id: string;
  index: number;
  total: number;
  review: Review | undefined;
  selected: boolean;
  checked: boolean;
  top: number;
  ctx: RowContext;
  onPick: (index: number) => void;
  onCheck: (id: string) => void;
}

/** One review in the inbox list (an option of the listbox). Every review field is rendered as plain text only. */
export const ReviewRow = memo(function ReviewRow({ id, index, total, review, selected, checked, top, ctx, onPick, onCheck }: ReviewRowProps) {
  const { t } = useTranslation();
  const lang = useFormatLocale();
  const common = {
    id,
    role: 'option',
    'aria-selected': selected,
    'aria-posinset': index + 1,
    'aria-setsize': total,
    style: { transform: `translateY(${top}px)` },
  } as const;
  if (!review) {
    return (
      <div {...common} className="row row--skeleton" aria-busy="true">
        <span className="sr-only">{t('inbox.loading')}</span>
        <span className="skeleton skeleton--stars" aria-hidden="true" />
        <span className="skeleton skeleton--line" aria-hidden="true" />
      </div>
    );
  }
  const author = review.anonymous || review.author.trim() === '' ? t('review.anonymous') : review.author;
  const hasText = review.text !== null && review.text.trim() !== '';
  return (
    <div
      {...common}
      data-review-id={review.id}
      className={`row${selected ? ' row--selected' : ''}${checked ? ' row--checked' : ''}`}
      onClick={(e) => (e.shiftKey || e.metaKey || e.ctrlKey ? onCheck(review.id) : onPick(index))}
    >
      <div className="row__top">
        <span
          className={`row__check${checked ? ' row__check--on' : ''}`}
          aria-hidden="true"
          title={t('inbox.bulk.toggle')}
          onClick={(e) => {
            e.stopPropagation();
            onCheck(review.id);
          }}
        >
          {checked ? '✓' : ''}
        </span>
        <Stars rating={review.rating} />
        <StatusBadges kinds={badgesOf(review, ctx.now, ctx.work, ctx.policy)} />
        <PresenceNote compact members={ctx.presence?.get(review.id)} />
        <time className="row__age" dateTime={review.origin?.dateOnly === true ? review.createdAt.slice(0, 10) : review.createdAt}>
          {review.origin?.dateOnly === true ? formatRelativeDay(review.createdAt, ctx.now, lang) : formatRelative(review.createdAt, ctx.now, lang)}
        </time>
      </div>
      <div className="row__who">
        <SourceMark source={review.source} name={ctx.sourceName(review.source)} />
        {ctx.demoSources?.has(review.source) && <span className="badge badge--demo" title={t('workspace.demoRowTitle')}>{t('workspace.demo')}</span>}
        <span className="row__author">
          <Highlight text={author} query={ctx.query} />
        </span>
        <span className="row__location">{ctx.locationName(review) ?? t('review.unknownLocation')}</span>
        <RowLabels ids={review.labels} labels={ctx.labels} />
      </div>
      {hasText ? (
        <p className="row__text">
          <Highlight text={(review.text ?? '').slice(0, 400)} query={ctx.query} />
        </p>
      ) : (
        <p className="row__text row__text--none">{t('review.ratingOnly')}</p>
      )}
      {checked && <span className="sr-only">{t('inbox.bulk.checked')}</span>}
    </div>
  );
});
