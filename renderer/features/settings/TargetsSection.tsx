import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/domain/settings';
import { DayHoursRow } from './DayHoursRow';
import { FieldStatus } from './FieldStatus';
import type { SettingsSectionProps } from './section-props';
import { TimeZoneField } from './TimeZoneField';
import { useSettingField } from './useSettingField';

const SOURCES = ['google', 'play', 'import'] as const;
/** Monday first, as people read a week; the stored days are Sunday = 0. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/** Reply-time targets per source and the business hours they count in. */
export function TargetsSection({ settings, accept }: SettingsSectionProps) {
  const { t } = useTranslation();
  const ids = useId();
  const bh = settings.businessHours;
  const enabled = useSettingField(settings, accept);
  return (
    <>
      <p className="setting__hint">{t('targets.intro')}</p>
      <div className="targets">
        {SOURCES.map((source) => (
          <TargetHours key={source} source={source} settings={settings} />
        ))}
      </div>
      <label className="setting setting--inline">
        <input
          type="checkbox"
          checked={bh.enabled}
          aria-describedby={`${ids}-enabled-status`}
          onChange={(e) => void enabled.commit({ businessHours: { ...bh, enabled: e.target.checked } })}
        />
        {t('targets.businessHours')}
      </label>
      <FieldStatus id={`${ids}-enabled-status`} state={enabled.state} />
      <p className="setting__hint">{t('targets.businessHoursHint')}</p>
      <TimeZoneField settings={settings} />
      <table className="hours">
        <tbody>
          {WEEK.map((day) => (
            <DayHoursRow key={day} day={day} settings={settings} />
          ))}
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
        <span>{t(`targets.source.${source}`)}</span>
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
          {t('targets.hours')}
        </span>
      </label>
      <FieldStatus id={`${id}-status`} state={field.state} />
    </div>
  );
}
