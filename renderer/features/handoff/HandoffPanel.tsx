import { useTranslation } from 'react-i18next';
import type { Review } from '../../../shared/domain/review';
import { useCall } from '../../hooks/useCall';
import { LabelPicker } from '../labels/LabelPicker';
import { AssigneeSelect } from './AssigneeSelect';
import { ForwardPanel } from './ForwardPanel';
import { NoteField } from './NoteField';

/** The team's side of a review in the review view: labels, assignee, private note and hand-off. Mount with key={review.id}. */
export function HandoffPanel({ review }: { review: Review }) {
  const { t } = useTranslation();
  const settings = useCall('settings.get', {}, 'settings.changed');
  return (
    <section className="handoff" aria-label={t('handoff.title')}>
      <LabelPicker review={review} />
      {settings.data && (
        <div className="handoff__grid">
          <AssigneeSelect reviewId={review.id} assignee={review.assignee} team={settings.data.team} me={settings.data.me} />
          <ForwardPanel reviewId={review.id} departments={settings.data.departments} />
        </div>
      )}
      <NoteField reviewId={review.id} note={review.note} />
    </section>
  );
}
