import { z } from 'zod';
import { StoreProblem } from '../domain/store-problem';
import { call, Empty, NoInput } from './fields';

/** The app itself: which host runs it, the data folder's problems, logs, diagnostics and updates. */
export const AppInfo = z.object({
  name: z.literal('Kalm'),
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  dataDir: z.string(),
  demo: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const UpdateStatus = z.object({
  /**
   * off: this host does not update itself (web host, CLI, a build without a publish feed);
   * idle: up to date (or not checked yet); checking; downloading (in the background); ready: restart to update; error: the last check failed.
   */
  state: z.enum(['off', 'idle', 'checking', 'downloading', 'ready', 'error']),
  /** The version being downloaded or ready to install. */
  version: z.string().nullable(),
  /** Download progress 0–100 while downloading. */
  percent: z.number().min(0).max(100).nullable(),
});
export type UpdateStatus = z.infer<typeof UpdateStatus>;

export const Diagnostics = z.object({
  /** Plain text to paste into a support e-mail: versions, OS, store counts, recent errors; no personal data. */
  text: z.string(),
});
export type Diagnostics = z.infer<typeof Diagnostics>;

/** A folder the host opened in the file manager; `opened` false: it could not, and the page shows `path`. */
const OpenedFolder = z.object({ opened: z.boolean(), path: z.string() });

export const appCalls = {
  'app.info': call(NoInput, AppInfo),
  /** Files that could not be used as they are (quarantined, newer version, failed writes). */
  'app.storeProblems': call(NoInput, z.object({ problems: z.array(StoreProblem) })),
  /** Opens the data folder in the file manager (Electron); elsewhere `opened` is false and the page shows the path. */
  'app.openDataFolder': call(NoInput, OpenedFolder),
  /** Opens the data folder's logs/ in the file manager (where the host can); `opened` false: the page shows the path. */
  'app.openLogs': call(NoInput, OpenedFolder),
  /** What "Copy diagnostics" puts on the clipboard. */
  'app.diagnostics': call(NoInput, Diagnostics),
  /** The auto-update state (Electron; `off` elsewhere). */
  'app.updateStatus': call(NoInput, UpdateStatus),
  /** Quits and installs the downloaded update (only when the state is `ready`). */
  'app.restartToUpdate': call(NoInput, Empty),
} as const;

export const appEvents = {
  /** A file problem found while running (e.g. a write failed); the full list is `app.storeProblems`. */
  'app.storeProblem': StoreProblem,
  /** A file whose save had failed was saved on a retry: its 'write-failed' problems are over. */
  'app.storeRecovered': z.object({ file: z.string() }),
  /** The auto-update state changed (checking, downloading, ready to restart). */
  'app.updateChanged': UpdateStatus,
} as const;
