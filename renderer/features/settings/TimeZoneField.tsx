import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { FieldStatus } from './FieldStatus';
import { useSettingField } from './useSettingField';

/** The time zone business hours count in: checked on the core's schema (an unknown zone is refused), message next to it. */
export function TimeZoneField({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const id = useId();
  const bh = settings.businessHours;
  const [zone, setZone] = useState(bh.timeZone);
  const [shown, setShown] = useState(bh.timeZone);
  const field = useSettingField(settings);
  if (shown !== bh.timeZone) {
    // Saved here or in another window: show the stored zone.
    setShown(bh.timeZone);
    setZone(bh.timeZone);
  }
  const commit = (): void => {
    const next = zone.trim();
    if (next !== bh.timeZone) void field.commit({ businessHours: { ...bh, timeZone: next } });
  };
  return (
    <div className="setting">
      <label className="setting__label" htmlFor={id}>
        {t('targets.timeZone')}
      </label>
      <input
        id={id}
        className="setting__input"
        value={zone}
        aria-invalid={field.state.kind === 'invalid'}
        aria-describedby={`${id}-status`}
        onChange={(e) => {
          setZone(e.target.value);
          field.clear();
        }}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <FieldStatus id={`${id}-status`} state={field.state} />
    </div>
  );
}
