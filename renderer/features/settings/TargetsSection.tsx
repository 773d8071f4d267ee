import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { isTimeZone } from '../../../shared/time/zoned';
import { FieldStatus } from './FieldStatus';
import type { SettingsSectionProps } from './settings-sections';
import { useSettingField } from './useSettingField';

const SOURCES = ['google', 'play', 'import'] as const;
/** Monday first, as people read a week; the stored days are Sunday = 0. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/** Reply-time targets per source and the business hours they count in. */
export function TargetsSection({ settings, save }: SettingsSectionProps) {
  const { t } = useTranslation();
  const bh = settings.businessHours;
  const [zone, setZone] = useState(bh.timeZone);
  const [zoneError, setZoneError] = useState(false);
  const setDay = (day: number, value: (typeof bh.days)[number]) => void save({ businessHours: { ...bh, days: bh.days.map((d, i) => (i === day ? value : d)) } });

  return (
    <>
      <p className="setting__hint">{t('habits.targets.intro')}</p>
      <div className="targets">
        {SOURCES.map((source) => (
          <TargetHours key={source} source={source} settings={settings} />
        ))}
      </div>
      <label className="setting setting--inline">
        <input type="checkbox" checked={bh.enabled} onChange={(e) => void save({ businessHours: { ...bh, enabled: e.target.checked } })} />
        {t('habits.targets.businessHours')}
      </label>
      <p className="setting__hint">{t('habits.targets.businessHoursHint')}</p>
      <label className="setting">
        <span className="setting__label">{t('habits.targets.timeZone')}</span>
        <input
          className="setting__input"
          value={zone}
          aria-invalid={zoneError}
          onChange={(e) => setZone(e.target.value)}
          onBlur={() => {
            const ok = isTimeZone(zone.trim());
            setZoneError(!ok);
            if (ok && zone.trim() !== bh.timeZone) void save({ businessHours: { ...bh, timeZone: zone.trim() } });
          }}
        />
        {zoneError && <span role="alert" className="inline-error">{t('habits.targets.badZone')}</span>}
      </label>
      <table className="hours">
        <tbody>
          {WEEK.map((day) => {
            const hours = bh.days[day] ?? null;
            const name = t(`habits.days.${day}`);
            return (
              <tr key={day}>
                <th scope="row">{name}</th>
                <td>
                  <label className="setting--inline">
                    <input type="checkbox" checked={hours !== null} onChange={(e) => setDay(day, e.target.checked ? { open: '09:00', close: '17:00' } : null)} />
                    {t('habits.targets.open')}
                  </label>
                </td>
                <td>
                  {hours && (
                    <span className="hours__times">
                      <input type="time" className="setting__input" aria-label={t('habits.targets.opensAt', { day: name })} value={hours.open} onChange={(e) => e.target.value && setDay(day, { ...hours, open: e.target.value })} />
                      –
                      <input type="time" className="setting__input" aria-label={t('habits.targets.closesAt', { day: name })} value={hours.close} onChange={(e) => e.target.value && setDay(day, { ...hours, close: e.target.value })} />
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/**
 * One source's reply target in hours. The value is checked on the core's schema and the message shows next
 * to the field; a refused value stays visible for correcting but is never shown as saved.
 */
function TargetHours({ source, settings }: { source: (typeof SOURCES)[number]; settings: Settings }) {
  const { t } = useTranslation();
  const id = useId();
  const saved = settings.replyTargetHours[source] ?? 72;
  const [text, setText] = useState(String(saved));
  const [shown, setShown] = useState(saved);
  const field = useSettingField(settings);
  if (shown !== saved) {
    // Saved here or in another window: show the stored value.
    setShown(saved);
    setText(String(saved));
  }
  const commit = () => {
    const hours = text.trim() === '' ? Number.NaN : Number(text);
    if (hours === saved) return;
    void field.commit({ replyTargetHours: { ...settings.replyTargetHours, [source]: Number.isFinite(hours) ? hours : -1 } });
  };
  return (
    <div>
      {/* The label holds the unit too, so the field's name is "Google hours". */}
      <label className="rule__field">
        <span>{t(`habits.targets.source.${source}`)}</span>
        <span className="targets__hours">
          <input
            type="number"
            className="setting__input"
            min={1}
            max={1440}
            value={text}
            aria-invalid={field.state.kind === 'invalid'}
            aria-describedby={`${id}-status`}
            onChange={(e) => {
              setText(e.target.value);
              field.clear();
            }}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
          />
          {t('habits.targets.hours')}
        </span>
      </label>
      <FieldStatus id={`${id}-status`} state={field.state} />
    </div>
  );
}
