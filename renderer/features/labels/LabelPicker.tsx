import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { Review } from '../../../shared/domain/review';
import { useApi } from '../../api-context';
import { InlineError } from './InlineError';
import { toKalmError } from '../../transport/errors';
import { LabelChip } from './LabelChip';
import { LabelMenu } from './LabelMenu';
import { useLabels } from './useLabels';

/** The labels of one review in the review view: chips to remove, a menu to add. */
export function LabelPicker({ review }: { review: Pick<Review, 'id' | 'labels'> }) {
  const { t } = useTranslation();
  const api = useApi();
  const { data } = useLabels();
  const [labels, setLabels] = useState<readonly string[]>(review.labels);
  const [error, setError] = useState<KalmError | null>(null);
  const defs = data?.labels ?? [];
  const apply = async (labelId: string, add: boolean) => {
    const before = labels;
    setLabels(add ? [...labels, labelId] : labels.filter((l) => l !== labelId));
    try {
      await api.call('labels.apply', { reviewIds: [review.id], ...(add ? { add: [labelId] } : { remove: [labelId] }) });
      setError(null);
    } catch (err) {
      setLabels(before);
      setError(toKalmError(err));
    }
  };
  return (
    <section className="label-picker" aria-label={t('labels.title')}>
      <div className="label-picker__chips">
        {labels.map((id) => {
          const def = defs.find((l) => l.id === id);
          return def ? <LabelChip key={id} label={def} removeLabel={t('labels.remove', { name: def.name })} onRemove={() => void apply(id, false)} /> : null;
        })}
        <LabelMenu labels={defs} buttonText={t('labels.pick')} state={(id) => labels.includes(id)} onToggle={(id, add) => void apply(id, add)} />
      </div>
      <InlineError error={error} />
    </section>
  );
}
