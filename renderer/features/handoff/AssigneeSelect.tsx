import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KalmError } from '../../../shared/domain/errors';
import type { TeamMember } from '../../../shared/domain/settings';
import { useApi } from '../../api-context';
import { toKalmError } from '../../transport/errors';
import { InlineError } from '../labels/InlineError';

/** Who handles this review, from the team in Settings. */
export function AssigneeSelect({ reviewId, assignee, team, me }: { reviewId: string; assignee: string | null; team: readonly TeamMember[]; me: string | null }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = useId();
  const [value, setValue] = useState(assignee);
  // An assignment made elsewhere (bulk, another window, the CLI) arrives as a new prop: show it.
  const [shown, setShown] = useState(assignee);
  if (shown !== assignee) {
    setShown(assignee);
    setValue(assignee);
  }
  const [error, setError] = useState<KalmError | null>(null);
  const assign = async (next: string | null) => {
    const before = value;
    setValue(next);
    try {
      await api.call('handoff.assign', { reviewId, assignee: next });
      setError(null);
    } catch (err) {
      setValue(before);
      setError(toKalmError(err));
    }
  };
  if (team.length === 0) return <p className="muted handoff__field">{t('handoff.assignee.noTeam')}</p>;
  return (
    <div className="handoff__field">
      <label htmlFor={id} className="setting__label">
        {t('handoff.assignee.label')}
      </label>
      <select id={id} className="setting__input" value={value ?? ''} onChange={(e) => void assign(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('handoff.assignee.nobody')}</option>
        {team.map((m) => (
          <option key={m.id} value={m.id}>
            {m.id === me ? t('handoff.assignee.me', { name: m.name }) : m.name}
          </option>
        ))}
      </select>
      <InlineError error={error} />
    </div>
  );
}
