import { z } from 'zod';

/**
 * Contract shapes for keeping Kalm up to date and supporting its users (issue 23): the auto-update
 * state shown in the header, the logs folder and the diagnostics a user can send.
 */
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

const NoInput = z.object({}).strict();

export const supportCalls = {
  /** Opens the data folder's logs/ in the file manager (where the host can); `opened` false: the page shows the path. */
  'support.openLogs': { input: NoInput, output: z.object({ opened: z.boolean(), path: z.string() }) },
  /** What "Copy diagnostics" puts on the clipboard. */
  'support.diagnostics': { input: NoInput, output: Diagnostics },
  /** The auto-update state (Electron; `off` elsewhere). */
  'update.status': { input: NoInput, output: UpdateStatus },
  /** Quits and installs the downloaded update (only when the state is `ready`). */
  'update.restart': { input: NoInput, output: z.object({}).strict() },
} as const;

export const supportEvents = {
  /** The auto-update state changed (checking, downloading, ready to restart). */
  'update.changed': UpdateStatus,
} as const;
