import Conf from 'conf';

/** Small key/value settings. Electron passes an electron-store factory; plain Node uses conf (same API). */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  readonly path: string;
}

export type SettingsFactory = (opts: { dataDir: string; name: string }) => SettingsStore;

/** The plain-Node factory: conf writes `<dataDir>/<name>.json` atomically. */
export const confSettingsFactory: SettingsFactory = ({ dataDir, name }) => {
  const conf = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: name, projectName: 'kalm', clearInvalidConfig: false, configFileMode: 0o600 });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    get path() {
      return conf.path;
    },
  };
};
