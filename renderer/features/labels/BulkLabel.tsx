import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { Review } from '../../../shared/domain/review';
import { useApi } from '../../api-context';
import { InlineError } from './InlineError';
import { toKalmError } from '../../transport/errors';
import { LabelMenu } from './LabelMenu';
import { useLabels } from './useLabels';

/**
 * The "Label" action of a bulk selection: adds or removes a label on every
 * selected review at once. Mount it in the inbox's bulk bar with the selected reviews.
 */
export function BulkLabel({ reviews }: { reviews: readonly Pick<Review, 'id' | 'labels'>[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const { data } = useLabels();
  const [error, setError] = useState<KalmError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const state = (id: string): boolean | null => {
    const n = reviews.filter((r) => r.labels.includes(id)).length;
    return n === 0 ? false : n === reviews.length ? true : null;
  };
  const toggle = async (labelId: string, add: boolean) => {
    try {
      const { changed } = await api.call('labels.apply', { reviewIds: reviews.map((r) => r.id), ...(add ? { add: [labelId] } : { remove: [labelId] }) });
      setError(null);
      setDone(t(add ? 'labels.bulkAdded' : 'labels.bulkRemoved', { count: changed }));
    } catch (err) {
      setError(toKalmError(err));
    }
  };
  return (
    <div className="bulk-label">
      <LabelMenu labels={data?.labels ?? []} disabled={reviews.length === 0} buttonText={t('labels.bulk', { count: reviews.length })} state={state} onToggle={(id, add) => void toggle(id, add)} />
      <span role="status" className="muted">{done}</span>
      <InlineError error={error} />
    </div>
  );
}
