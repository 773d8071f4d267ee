import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '../../../shared/domain/settings';
import { checkSettingsPatch, type SettingProblem } from '../../../shared/domain/settings-check';
import { useApi } from '../../api-context';
import { toKalmError } from '../../transport/errors';

/** Where one field's change is: checked and refused here, on its way, or accepted by the core. */
export type FieldState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'invalid'; message: string };

/** A schema problem as a sentence in the UI language. */
export function problemText(t: TFunction, p: SettingProblem): string {
  if (p.code === 'too_big') return t(p.text ? 'settings.field.tooLong' : 'settings.field.tooBig', { max: p.max });
  if (p.code === 'too_small') return t(p.text ? 'settings.field.required' : p.inclusive ? 'settings.field.tooSmall' : 'settings.field.moreThan', { min: p.min });
  if (p.code === 'not_whole') return t('settings.field.notWhole');
  if (p.code === 'time_zone') return t('settings.field.timeZone');
  if (p.code === 'close_before_open') return t('settings.field.closeBeforeOpen');
  return t('settings.field.invalid', { detail: p.detail });
}

/**
 * Saves one field's change through the core and says how it went, next to
 * the field: the same schema as the core checks it first, and "Saved" shows
 * only after the core accepted it (a refusal shows the core's message).
 */
export function useSettingField(settings: Settings, accept?: (value: Settings) => void): { state: FieldState; commit: (patch: SettingsPatch) => Promise<boolean>; clear: () => void } {
  const { t } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<FieldState>({ kind: 'idle' });
  const commit = useCallback(
    async (patch: SettingsPatch): Promise<boolean> => {
      const problem = checkSettingsPatch(settings, patch)[0];
      if (problem) {
        setState({ kind: 'invalid', message: problemText(t, problem) });
        return false;
      }
      setState({ kind: 'saving' });
      try {
        const value = await api.call('settings.update', patch);
        accept?.(value);
        setState({ kind: 'saved' });
        return true;
      } catch (err) {
        setState({ kind: 'invalid', message: toKalmError(err).message });
        return false;
      }
    },
    [accept, api, settings, t],
  );
  const clear = useCallback(() => setState({ kind: 'idle' }), []);
  return { state, commit, clear };
}
