import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../hooks/useCall';

interface AssignedToMeChipProps {
  /** The team member set as "me" in Settings; null when none is set, undefined while Settings load. */
  me: string | null | undefined;
  on: boolean;
  onToggle: () => void;
}

/**
 * The "Assigned to me" chip of the inbox's filter bar. Without a "me" in Settings it does not
 * filter: pressing it explains where to choose who you are, with a link to Settings.
 */
export const AssignedToMeChip = memo(function AssignedToMeChip({ me, on, onToggle }: AssignedToMeChipProps) {
  const { t } = useTranslation();
  const [explain, setExplain] = useState(false);
  const id = useId();
  if (me === undefined) return null;
  if (me === null) {
    return (
      <span className="mine-filter">
        <button type="button" className="chip" aria-pressed={false} aria-expanded={explain} aria-controls={`${id}-why`} onClick={() => setExplain((v) => !v)}>
          {t('handoff.assignee.mine')}
        </button>
        {explain && (
          <span id={`${id}-why`} className="mine-filter__why" role="note">
            {t('inbox.mine.noMe')} <a href="#/settings">{t('inbox.mine.openSettings')}</a>
          </span>
        )}
      </span>
    );
  }
  return (
    <button type="button" className="chip" aria-pressed={on} onClick={onToggle}>
      {t('handoff.assignee.mine')}
    </button>
  );
});

/**
 * The chip on its own, reading "me" from Settings: pass its value as `assignee` in `reviews.query`
 * (`onChange(me)` when switched on, `onChange(undefined)` when off).
 */
export function AssignedToMeFilter({ value, onChange }: { value: string | undefined; onChange: (assignee: string | undefined) => void }) {
  const settings = useCall('settings.get', {}, 'settings.changed');
  const me = settings.status === 'ready' ? settings.data.me : undefined;
  const on = me != null && value === me;
  return <AssignedToMeChip me={me} on={on} onToggle={() => onChange(on ? undefined : (me ?? undefined))} />;
}
