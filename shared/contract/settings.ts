import { Settings, SettingsPatch } from '../domain/settings';
import { call, NoInput, Signal } from './fields';

/** The owner's settings (tone, signature, targets, team, alerts, sync), stored in the data folder. */
export const settingsCalls = {
  'settings.get': call(NoInput, Settings),
  /** Changes some top-level settings; the whole must stay valid. Fires `settings.changed`. */
  'settings.update': call(SettingsPatch, Settings),
} as const;

export const settingsEvents = {
  'settings.changed': Signal,
} as const;
