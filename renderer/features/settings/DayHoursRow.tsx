import { Fragment, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { FieldStatus } from './FieldStatus';
import { useSettingField } from './useSettingField';

type Hours = NonNullable<Settings['businessHours']['days'][number]>;
const DEFAULT_HOURS: Hours = { open: '09:00', close: '17:00' };

/**
 * One weekday's business hours. A change is checked on the core's schema (e.g. closing before opening is
 * refused); the message shows in the row, the times stay as typed for correcting and are not shown as saved.
 */
/** A day of the week as `Date.getDay()` counts it: 0 is Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export function DayHoursRow({ day, settings }: { day: Weekday; settings: Settings }) {
  const { t } = useTranslation();
  const id = useId();
  const bh = settings.businessHours;
  const saved = bh.days[day] ?? null;
  const [draft, setDraft] = useState<Hours | null>(saved);
  const [shown, setShown] = useState(saved);
  const field = useSettingField(settings);
  if (shown !== saved) {
    // Saved here or in another window: show the stored hours.
    setShown(saved);
    setDraft(saved);
  }
  const name = t(`targets.days.${day}`);
  const commit = (next: Hours | null): void => {
    if (next?.open === saved?.open && next?.close === saved?.close) return;
    void field.commit({ businessHours: { ...bh, days: bh.days.map((d, i) => (i === day ? next : d)) } });
  };
  const edit = (next: Hours): void => {
    setDraft(next);
    field.clear();
  };
  const invalid = field.state.kind === 'invalid';
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        <label className="setting--inline">
          <input
            type="checkbox"
            checked={draft !== null}
            onChange={(e) => {
              const next = e.target.checked ? (saved ?? DEFAULT_HOURS) : null;
              setDraft(next);
              commit(next);
            }}
          />
          {t('targets.open')}
        </label>
      </td>
      <td>
        {draft && (
          <span className="hours__times">
            {(['open', 'close'] as const).map((end, i) => (
              <Fragment key={end}>
                {i > 0 && '–'}
                <input
                  type="time"
                  className="setting__input"
                  aria-label={t(end === 'open' ? 'targets.opensAt' : 'targets.closesAt', { day: name })}
                  aria-invalid={invalid}
                  aria-describedby={`${id}-status`}
                  value={draft[end]}
                  onChange={(e) => e.target.value && edit({ ...draft, [end]: e.target.value })}
                  onBlur={() => commit(draft)}
                />
              </Fragment>
            ))}
          </span>
        )}
        <FieldStatus id={`${id}-status`} state={field.state} />
      </td>
    </tr>
  );
}
