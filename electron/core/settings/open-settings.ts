import { Settings } from '../../../shared/domain/settings';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import { readJsonOrQuarantine, SETTINGS_FILE_SPEC } from '../store/json-file-recovery';
import type { SettingsFactory, SettingsStore } from '../store/settings';

/**
 * Opens settings.json for writing. A file that does not parse is moved to quarantine/ first and
 * reported (the defaults apply), so a truncated settings file never stops Kalm from starting.
 * Null when the file cannot be opened even then (reported too): settings are then not saved.
 */
export async function openSettings(
  dataDir: string,
  factory: SettingsFactory,
  opts: { now: () => Date; report: (problem: StoreProblem) => void },
): Promise<SettingsStore | null> {
  const { problem } = await readJsonOrQuarantine(dataDir, SETTINGS_FILE_SPEC, { now: opts.now });
  if (problem) opts.report(problem);
  try {
    return factory({ dataDir, name: 'settings' });
  } catch (err) {
    opts.report({
      file: SETTINGS_FILE_SPEC.file,
      kind: 'unreadable',
      reason: `Your settings in ${SETTINGS_FILE_SPEC.file} could not be opened (${err instanceof Error ? err.message : String(err)}). Kalm uses the default settings and cannot save changes to them until the file is fixed.`,
      movedTo: null,
      at: opts.now().toISOString(),
    });
    return null;
  }
}

/** Looks at settings.json without changing it (kalm doctor, read-only opens): what is wrong with it, or null. */
export async function checkSettingsFile(dataDir: string, now: () => Date = () => new Date()): Promise<StoreProblem | null> {
  const { value, problem } = await readJsonOrQuarantine(dataDir, SETTINGS_FILE_SPEC, { now, dryRun: true });
  if (problem || !value || value['preferences'] === undefined) return problem;
  const parsed = Settings.safeParse(value['preferences']);
  if (parsed.success) return null;
  const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
  return { file: SETTINGS_FILE_SPEC.file, kind: 'unreadable', reason: `Some settings in ${SETTINGS_FILE_SPEC.file} are not valid and use their defaults: ${fields}.`, movedTo: null, at: now().toISOString() };
}

/** Reports settings whose values did not validate (Preferences keeps the valid ones, the rest use defaults). */
export function reportInvalidPreferences(problem: string | null, opts: { now: () => Date; report: (problem: StoreProblem) => void }): void {
  if (problem === null) return;
  opts.report({ file: SETTINGS_FILE_SPEC.file, kind: 'unreadable', reason: `${problem}. They are kept in the file until you save Settings.`, movedTo: null, at: opts.now().toISOString() });
}
