import { useTranslation } from 'react-i18next';
import { useCall } from '../../hooks/useCall';

/**
 * The "Assigned to me" filter chip. Pass its value as `assignee` in `reviews.query`:
 * `onChange(me)` when switched on, `onChange(undefined)` when off. Hidden until "me" is set in Settings.
 */
export function AssignedToMeFilter({ value, onChange }: { value: string | undefined; onChange: (assignee: string | undefined) => void }) {
  const { t } = useTranslation();
  const settings = useCall('settings.get', {}, 'settings.changed');
  const me = settings.data?.me ?? null;
  if (me === null) return null;
  const on = value === me;
  return (
    <button type="button" className="chip" aria-pressed={on} onClick={() => onChange(on ? undefined : me)}>
      {t('habits.assignee.mine')}
    </button>
  );
}
