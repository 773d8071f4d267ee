import type { StoreProblem } from '../../../shared/domain/store-problem';
import type { EventBus } from '../events';
import type { CallHandlers } from '../handler-map';
import type { OpenedStore } from '../store/open-store';
import { confSettingsFactory, type SettingsFactory, type SettingsStore } from '../store/settings';
import { checkSettingsFile, openSettings, reportInvalidPreferences } from './open-settings';
import { createPreferences, type Preferences } from './preferences';
import { readOnlySettings, watchReplyPolicy } from './reply-policy';

export interface SettingsWiring {
  /** settings.json itself (also keeps when the demo was loaded); null when opened read-only or it cannot be opened. */
  file: SettingsStore | null;
  /** The owner's settings, validated. */
  preferences: Preferences;
  handlers: CallHandlers<'settings.get' | 'settings.update'>;
}

/** Opens settings.json (a broken one is set aside and reported) and answers `settings.*`: the settings' composition root. */
export async function wireSettings(deps: {
  dataDir: string;
  readOnly: boolean;
  factory?: SettingsFactory | undefined;
  store: OpenedStore;
  bus: EventBus;
  now: () => Date;
  report: (p: StoreProblem) => void;
}): Promise<SettingsWiring> {
  const { dataDir, readOnly, now, report } = deps;
  const file = readOnly ? null : await openSettings(dataDir, deps.factory ?? confSettingsFactory, { now, report });
  const preferences = createPreferences(file ?? readOnlySettings(dataDir), deps.bus);
  if (readOnly) {
    const problem = await checkSettingsFile(dataDir, now);
    if (problem) report(problem);
  } else reportInvalidPreferences(preferences.problem, { now, report });
  watchReplyPolicy(preferences, deps.bus);
  return {
    file,
    preferences,
    handlers: {
      'settings.get': () => Promise.resolve(preferences.get()),
      'settings.update': async (patch) => {
        deps.store.assertWritable();
        return preferences.update(patch);
      },
    },
  };
}
