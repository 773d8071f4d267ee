import { CLOSE_BEFORE_OPEN, Settings, SettingsPatch, UNKNOWN_TIME_ZONE } from './settings';

/** What is wrong with one setting, in terms the UI turns into a sentence in either language. */
export type SettingProblem =
  | { code: 'too_big'; path: string; max: number; text: boolean }
  | { code: 'too_small'; path: string; min: number; inclusive: boolean; text: boolean }
  | { code: 'not_whole'; path: string }
  | { code: 'time_zone'; path: string }
  | { code: 'close_before_open'; path: string }
  | { code: 'invalid'; path: string; detail: string };

/**
 * Checks a change to the settings on the very schema the core saves with
 * (`SettingsPatch`, then the whole `Settings`), so a field can say what is
 * wrong before (and exactly as) the core would refuse it.
 */
export function checkSettingsPatch(current: Settings, patch: unknown): SettingProblem[] {
  const shape = SettingsPatch.safeParse(patch);
  const whole = shape.success ? Settings.safeParse({ ...current, ...shape.data }) : shape;
  if (whole.success) return [];
  return whole.error.issues.map((issue): SettingProblem => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'too_big' && typeof issue.maximum === 'number') return { code: 'too_big', path, max: issue.maximum, text: issue.origin === 'string' };
    if (issue.code === 'too_small' && typeof issue.minimum === 'number') return { code: 'too_small', path, min: issue.minimum, inclusive: issue.inclusive !== false, text: issue.origin === 'string' };
    if (issue.code === 'invalid_type' && issue.expected === 'int') return { code: 'not_whole', path };
    if (issue.code === 'custom' && issue.message === UNKNOWN_TIME_ZONE) return { code: 'time_zone', path };
    if (issue.code === 'custom' && issue.message === CLOSE_BEFORE_OPEN) return { code: 'close_before_open', path };
    return { code: 'invalid', path, detail: issue.message };
  });
}
