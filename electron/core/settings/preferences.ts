import { KalmError } from '../../../shared/domain/errors';
import { Settings, SettingsPatch } from '../../../shared/domain/settings';
import type { EventBus } from '../events';
import type { SettingsStore } from '../store/settings';

const KEY = 'preferences';

export interface Preferences {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

/**
 * The user's settings, validated on the way in and out. A stored value that
 * no longer validates (hand-edited, or from a newer Kalm) is not thrown away:
 * the valid fields are kept and the rest fall back to defaults until the user
 * saves, and `problem` says so.
 */
export function createPreferences(store: SettingsStore | null, bus: EventBus): Preferences & { problem: string | null } {
  let problem: string | null = null;
  const read = (): Settings => {
    const raw = store?.get(KEY);
    if (raw === undefined || raw === null) return Settings.parse({});
    const parsed = Settings.safeParse(raw);
    if (parsed.success) return parsed.data;
    problem = `Some settings in ${store?.path ?? 'settings.json'} are not valid and use their defaults: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`;
    const salvaged: Record<string, unknown> = {};
    const object = typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    for (const [key, field] of Object.entries(Settings.shape)) {
      const ok = field.safeParse(object[key]);
      if (ok.success) salvaged[key] = ok.data;
    }
    return Settings.parse(salvaged);
  };
  let current = read();
  return {
    get problem() {
      return problem;
    },
    get: () => current,
    update(patch) {
      if (!store) throw new KalmError('locked', 'Kalm opened this data folder read-only, so it cannot save settings.');
      const next = Settings.safeParse({ ...current, ...SettingsPatch.parse(patch) });
      if (!next.success) throw KalmError.fromZod(next.error, 'settings.update');
      store.set(KEY, next.data);
      current = next.data;
      problem = null;
      bus.emit('settings.changed', {});
      return current;
    },
  };
}
