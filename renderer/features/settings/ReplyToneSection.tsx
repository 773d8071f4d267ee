import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldStatus } from './FieldStatus';
import type { SettingsSectionProps } from './section-props';
import { useSettingField } from './useSettingField';

/** The tone of voice of replies: Dutch u/je, emoji, and the cool-down before answering a 1–2★ review. */
export function ReplyToneSection({ settings, accept }: SettingsSectionProps) {
  const { t } = useTranslation();
  const ids = useId();
  const formality = useSettingField(settings, accept);
  const emoji = useSettingField(settings, accept);
  const coolDownOn = useSettingField(settings, accept);
  const [seconds, setSeconds] = useState(String(settings.coolDown.seconds));
  const [shown, setShown] = useState(settings.coolDown.seconds);
  const secondsField = useSettingField(settings, accept);
  if (shown !== settings.coolDown.seconds) {
    setShown(settings.coolDown.seconds);
    setSeconds(String(settings.coolDown.seconds));
  }
  const commitSeconds = (): void => {
    const n = seconds.trim() === '' ? Number.NaN : Number(seconds);
    // Checked on the core's schema: a wrong number stays in the field with its message, never shown as saved.
    if (n !== settings.coolDown.seconds) void secondsField.commit({ coolDown: { ...settings.coolDown, seconds: Number.isFinite(n) ? n : -1 } });
  };
  return (
    <>
      <fieldset className="setting setting--group">
        <legend className="setting__label">{t('composer.settings.formality')}</legend>
        {(['u', 'je'] as const).map((f) => (
          <label key={f} className="setting--inline">
            <input type="radio" name={`${ids}-formality`} checked={settings.formality === f} onChange={() => void formality.commit({ formality: f })} />
            {t(`composer.settings.formality_${f}`)}
          </label>
        ))}
        <p className="setting__hint">{t('composer.settings.formalityHint')}</p>
        <FieldStatus id={`${ids}-formality-status`} state={formality.state} />
      </fieldset>
      <label className="setting setting--inline">
        <input type="checkbox" checked={settings.emojiAllowed} aria-describedby={`${ids}-emoji-status`} onChange={(e) => void emoji.commit({ emojiAllowed: e.target.checked })} />
        {t('composer.settings.emoji')}
      </label>
      <FieldStatus id={`${ids}-emoji-status`} state={emoji.state} />
      <div className="setting">
        <label className="setting--inline">
          <input
            type="checkbox"
            checked={settings.coolDown.enabled}
            aria-describedby={`${ids}-cool-on-status`}
            onChange={(e) => void coolDownOn.commit({ coolDown: { ...settings.coolDown, enabled: e.target.checked } })}
          />
          {t('composer.settings.coolDown')}
        </label>
        <FieldStatus id={`${ids}-cool-on-status`} state={coolDownOn.state} />
        <label className="setting__label" htmlFor={`${ids}-seconds`}>
          {t('composer.settings.coolDownSeconds')}
        </label>
        <input
          id={`${ids}-seconds`}
          className="setting__input setting__input--short"
          type="number"
          min={0}
          max={3600}
          step={1}
          inputMode="numeric"
          value={seconds}
          disabled={!settings.coolDown.enabled}
          aria-describedby={`${ids}-cool-hint ${ids}-cool-status`}
          aria-invalid={secondsField.state.kind === 'invalid'}
          onChange={(e) => {
            setSeconds(e.target.value);
            secondsField.clear();
          }}
          onBlur={commitSeconds}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitSeconds();
          }}
        />
        <p id={`${ids}-cool-hint`} className="setting__hint">
          {t('composer.settings.coolDownHint')}
        </p>
        <FieldStatus id={`${ids}-cool-status`} state={secondsField.state} />
      </div>
    </>
  );
}
