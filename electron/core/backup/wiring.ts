import type { CallHandlers } from '../handler-map';
import type { OpenedStore } from '../store/open-store';
import { backupDataFolder } from './backup';

export type BackupHandlers = CallHandlers<'backup.create'>;

/** Backups of the data folder (a zip of it, next to it or where the owner says): the backup's composition root. */
export function wireBackup(deps: { dataDir: string; store: OpenedStore; now: () => Date }): BackupHandlers {
  return {
    'backup.create': async ({ targetDir }) => {
      deps.store.assertWritable([]);
      return backupDataFolder({ dataDir: deps.dataDir, targetDir, now: deps.now, flush: () => deps.store.flush() });
    },
  };
}
