import type { AppInfo, CallInput, CallName, CallOutput, EventName, EventPayload } from '../../shared/contract';
import type { PowerState } from './background/power-state';
import type { Timers } from './background/scheduler';
import type { GoogleRoots } from './google-api/endpoints';
import type { GoogleClientConfig } from './sources/google/config';
import type { TokenVault } from './sources/google/token-vault';
import type { PlayKeyStore } from './sources/play/key-store';
import type { SchedulerTimers } from './outbox/scheduler';
import type { SettingsFactory } from './store/settings';
import type { KalmLog } from './log/log';
import type { UpdaterPort } from './support/updater-port';
import type { TeamSecretVault } from './team/team-config';

export type HostKind = AppInfo['host'];

export interface KalmOptions {
  /** The data folder; created when missing. */
  dataDir: string;
  host: HostKind;
  /** App version shown by app.info (defaults to package.json's). */
  version?: string;
  /** Settings store factory: electron-store in Electron, conf (default) in plain Node. */
  settingsFactory?: SettingsFactory;
  /** Load the demo workspace when the data folder is new (Electron and web host: a newcomer sees a full app). */
  loadDemoOnFirstRun?: boolean;
  /** Open without the writer lock and never write (CLI reads while the app runs). */
  readOnly?: boolean;
  /** Google endpoints, OAuth client and token vault (defaults: env, env/settings, a 0600 file in the data folder). */
  google?: {
    roots?: GoogleRoots; client?: GoogleClientConfig | null; vault?: TokenVault;
    /** The publisher's OAuth client baked into a published build (npm run dist); used when neither the environment nor the owner gives one. */
    publisherClient?: GoogleClientConfig | null;
  };
  /** Where a Google Play service-account key is kept (default: a 0600 file in the data folder; Electron encrypts it). */
  play?: { keyStore?: PlayKeyStore };
  /** Publish the outbox in the background (default: Electron and web host; never wanted by the CLI). */
  autoPublish?: boolean;
  /** Timers of the background publisher (tests pass fake ones with a fake `now`). */
  timers?: SchedulerTimers;
  /** Opens a folder in the file manager (Electron: shell.openPath); without it `app.openDataFolder` only gives the path. */
  openPath?: (path: string) => Promise<string>;
  /** Background sync seams: online check (Electron: net.isOnline), power saving (power-state.ts), timers for tests, where errors go. */
  background?: { online?: () => boolean; power?: PowerState; timers?: Timers; onError?: (err: unknown) => void };
  /** Saves the window's report as a PDF (Electron only: printToPDF and a save dialog); without it `reviews.saveReportPdf` is refused. */
  saveReportPdf?: (fileName: string) => Promise<{ saved: boolean; path: string | null }>;
  /** Where messages for support go (app and web host: a daily file in logs/; CLI: stderr). Default: nowhere but stderr. */
  log?: KalmLog;
  /** The auto-updater (Electron only); without it `app.updateStatus` is `off`. */
  updater?: UpdaterPort;
  /** Where the team member's password is kept (default: a 0600 file in the data folder; Electron: safeStorage). */
  team?: { vault?: TeamSecretVault };
  /** Waiting for a live holder of the data folder's lock (the CLI waits a few seconds, saying so). */
  lock?: { waitForHolderMs?: number; onWait?: (holder: { pid: number; hostname: string }) => void };
  /** Clock, for deterministic tests. */
  now?: () => Date;
}

/** The one service graph every host uses. */
export interface Kalm {
  readonly dataDir: string;
  /** Where this core's messages for support go (createKalm's `log`). */
  readonly log?: KalmLog;
  /** Validates `input` with the contract's schema (throws KalmError 'invalid_input') and runs the call. */
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Flushes pending writes. */
  close(): Promise<void>;
}
