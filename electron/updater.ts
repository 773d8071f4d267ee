import type { AppUpdater } from 'electron-updater';
import type { UpdateStatus } from '../shared/contract/app';
import type { KalmLog } from './core/log/logger';
import type { UpdaterPort } from './core/support/updater-port';

/** How often Kalm looks for a new version while it runs (besides at start). */
export const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

export interface AutoUpdateOptions {
  /**
   * electron-updater's autoUpdater (tests pass one built in plain Node with electron mocked); null = off:
   * only a packaged app has a feed (app-update.yml, written by electron-builder from `publish`).
   */
  updater: AppUpdater | null;
  log: KalmLog;
  setInterval?: (fn: () => void, ms: number) => { unref?: () => void };
}

/**
 * Auto-update for the desktop app (electron-updater): checks at start and daily, downloads in the
 * background, and the header offers "Restart to update" once the download is complete. An update
 * that is never restarted for is installed when the app quits. Off in the web host and the CLI.
 */
export function startAutoUpdate(opts: AutoUpdateOptions): UpdaterPort & { check(): Promise<void> } {
  const { updater, log } = opts;
  let status: UpdateStatus = { state: updater ? 'idle' : 'off', version: null, percent: null };
  const listeners = new Set<(s: UpdateStatus) => void>();
  const set = (next: UpdateStatus) => {
    status = next;
    for (const l of listeners) l(status);
  };

  const port = {
    status: () => status,
    onChange: (listener: (s: UpdateStatus) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  if (!updater) return { ...port, restart: () => undefined, check: () => Promise.resolve() };

  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.logger = { info: (m: unknown) => log.info(`update: ${String(m)}`), warn: (m: unknown) => log.warn(`update: ${String(m)}`), error: (m: unknown) => log.error(`update: ${String(m)}`), debug: () => undefined };
  updater.on('checking-for-update', () => {
    if (status.state !== 'ready' && status.state !== 'downloading') set({ state: 'checking', version: null, percent: null });
  });
  updater.on('update-not-available', () => set({ state: 'idle', version: null, percent: null }));
  updater.on('update-available', (info) => set({ state: 'downloading', version: info.version, percent: 0 }));
  updater.on('download-progress', (p) => set({ state: 'downloading', version: status.version, percent: Math.max(0, Math.min(100, Math.round(p.percent))) }));
  updater.on('update-downloaded', (info) => set({ state: 'ready', version: info.version, percent: 100 }));
  updater.on('error', (err) => {
    log.error('update check failed', err);
    // A download that is ready stays ready; otherwise the next daily check tries again.
    if (status.state !== 'ready') set({ state: 'error', version: null, percent: null });
  });

  const check = async (): Promise<void> => {
    if (status.state === 'ready' || status.state === 'downloading') return;
    try {
      await updater.checkForUpdates();
    } catch {
      /* reported through the 'error' event */
    }
  };

  void check();
  const timer = (opts.setInterval ?? setInterval)(() => void check(), CHECK_EVERY_MS);
  timer.unref?.();
  return { ...port, restart: () => updater.quitAndInstall(false, true), check };
}
