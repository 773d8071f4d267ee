import Store from 'electron-store';
import type { SettingsFactory } from './core/store/settings';

/**
 * Settings in Electron: electron-store (conf underneath, same atomic writes),
 * kept in Kalm's data folder as `<dataDir>/<name>.json`. An unreadable file is
 * never silently reset (clearInvalidConfig: false).
 */
export const electronSettingsFactory: SettingsFactory = ({ dataDir, name }) => {
  const store = new Store<Record<string, unknown>>({ cwd: dataDir, name, clearInvalidConfig: false, configFileMode: 0o600 });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    get path() {
      return store.path;
    },
  };
};
