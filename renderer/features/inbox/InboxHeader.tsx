import { useTranslation } from 'react-i18next';
import type { Rating } from '../../../shared/domain/review';
import { emptyRatingCounts } from '../../../shared/reviews/query';
import type { InboxState } from './inbox-store';
import { RatingChips } from './RatingChips';

interface InboxHeaderProps {
  /** null while the first page loads. */
  state: InboxState | null;
  onToggle: (rating: Rating) => void;
}

/** "Inbox" with the unanswered total, and the star filter. */
export function InboxHeader({ state, onToggle }: InboxHeaderProps) {
  const { t } = useTranslation();
  return (
    <div className="inbox-head">
      <div className="inbox-head__title">
        <h1>{t('inbox.title')}</h1>
        {state && <span className="pill">{t('inbox.unanswered', { count: state.unanswered })}</span>}
        {state?.refreshing && <span className="inbox-head__busy">{t('inbox.refreshing')}</span>}
      </div>
      <RatingChips counts={state?.counts ?? emptyRatingCounts()} selected={state?.ratings ?? []} onToggle={onToggle} />
      <p className="inbox-head__hint">{t('inbox.keyboardHint')}</p>
    </div>
  );
}
