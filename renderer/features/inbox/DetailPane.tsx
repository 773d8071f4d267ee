import { memo, useDeferredValue, useEffect, useMemo, type Dispatch, type SetStateAction } from 'react';
import type { Location } from '../../../shared/domain/location';
import type { Review } from '../../../shared/domain/review';
import type { ReplyPolicy } from '../../../shared/reviews/reply-targets';
import { useApi } from '../../api-context';
import { CallCacheContext, createCallCache } from '../../hooks/call-cache';
import type { LocalWork } from './badges';
import { CaughtUp } from './InboxEmpty';
import { DetailPlaceholder, ReviewDetail } from './ReviewDetail';

interface DetailPaneProps {
  caughtUp: boolean;
  selected: Review | undefined;
  findLocation: (review: Review) => Location | null;
  sourceName: (source: string) => string;
  query: string;
  work: LocalWork;
  now: number;
  /** The owner's reply-time targets and business hours (Settings), for the overdue badge. */
  policy: ReplyPolicy | undefined;
  /** The review whose composer is open. */
  answering: string | null;
  setAnswering: Dispatch<SetStateAction<string | null>>;
}

/**
 * The right pane: the selected review, "all caught up" or a placeholder.
 * It follows the selection one step behind the list (a deferred value): a new
 * list or a key press paints the rows first, then the review (with its composer
 * and panels) renders without holding the list back.
 */
export const DetailPane = memo(function DetailPane(props: DetailPaneProps) {
  const selected = useDeferredValue(props.selected);
  // The review view mounts afresh for every review; its lists (settings, labels, sources, forwards) are the same
  // each time, so they are fetched once and again only after their change events, not once per review.
  const api = useApi();
  const cache = useMemo(() => createCallCache(api), [api]);
  useEffect(() => () => cache.stop(), [cache]);
  return (
    <CallCacheContext value={cache}>
      <DetailContent {...props} selected={selected} />
    </CallCacheContext>
  );
});

const DetailContent = memo(function DetailContent({ caughtUp, selected, findLocation, sourceName, query, work, now, policy, answering, setAnswering }: DetailPaneProps) {
  if (caughtUp) return <CaughtUp />;
  if (!selected) return <DetailPlaceholder />;
  return (
    <ReviewDetail
      key={selected.id}
      review={selected}
      location={findLocation(selected)}
      sourceName={sourceName(selected.source)}
      query={query}
      work={work}
      now={now}
      policy={policy}
      answering={answering === selected.id}
      onAnswer={() => setAnswering(selected.id)}
      onQueued={() => setAnswering(null)}
    />
  );
});
