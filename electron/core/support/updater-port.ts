import type { UpdateStatus } from '../../../shared/contract/app';

/** The auto-updater as the core sees it (Electron's electron/updater.ts); other hosts have none. */
export interface UpdaterPort {
  status(): UpdateStatus;
  /** Quits and installs the downloaded update. */
  restart(): void;
  onChange(listener: (status: UpdateStatus) => void): () => void;
}
