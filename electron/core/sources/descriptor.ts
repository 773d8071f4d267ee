import type { Review } from '../../../shared/domain/review';
import type { Settings } from '../../../shared/domain/settings';
import type { SourceKind } from '../../../shared/domain/source';
import type { StoreProblem } from '../../../shared/domain/store-problem';
import type { ReplyLimit, SourceRef } from '../../../shared/reply/limits';
import type { SourceCapabilities } from '../../../shared/sources/capabilities';
import type { CoreHandlers } from '../handler-map';
import type { EventBus } from '../events';
import type { KalmOptions } from '../kalm';
import type { SourcePublisher } from '../outbox/source-publisher';
import type { JsonFileSpec } from '../store/json-file-recovery';
import type { OpenedStore } from '../store/open-store';
import type { SettingsStore } from '../store/settings';
import type { Workspace } from '../workspace';
import type { ReviewSource } from './source';


/**
 * The service each source kind builds (Google's GoogleService, Play's PlayService, the importer). Each source's
 * descriptor file adds its own entry by declaration merging (`declare module '…/sources/descriptor'`), so this file
 * never names a source.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each source's descriptor
export interface SourceServices {}
export type RegisteredKind = keyof SourceServices & SourceKind;

/** What one core gives a source to build itself. */
export interface SourceBuildContext {
  opts: KalmOptions;
  dataDir: string;
  workspace: Workspace;
  store: OpenedStore;
  bus: EventBus;
  settings: SettingsStore | null;
  /** The owner's preferences as they are now (e.g. the UI language Play translates into). */
  preferences: () => Settings;
  now: () => Date;
  report: (problem: StoreProblem) => void;
  /** Sees synced reviews before they are saved (auto-labels, alerts); `done` runs once they are durable. */
  prepare?: (reviews: readonly Review[]) => { reviews: readonly Review[]; done?: () => void };
  /** Applies the auto-label rules to reviews about to be saved (an import: its old reviews raise no alerts). */
  label?: (reviews: readonly Review[]) => Review[];
  /**
   * Removes the demo with everything about its reviews (removal/): for a source that cannot sit beside it
   * (Google Business Profile: the demo uses its source id).
   */
  removeDemo?: () => Promise<unknown>;
  /** A source built before this one (sources are built in the registry's order; Play signs in through Google). */
  use<K extends RegisteredKind>(kind: K): SourceServices[K];
}

/** A source as built for one core. */
export interface BuiltSource<S> {
  service: S;
  /** The source through the one interface every source implements (locations, fetch, publish, delete, limits). */
  reviewSource: ReviewSource;
  /** The contract calls this source implements (its Sources card, connect, sync, import…). */
  handlers: Partial<CoreHandlers>;
  /** Sends outbox items of its reviews (publish mode `api`); none for copy-and-open and local sources. */
  publisher?: SourcePublisher;
  /** Periodic background sync (Settings → sync interval), when the source syncs by itself. */
  background?: { ready(): Promise<boolean>; run(): Promise<unknown> };
}

/**
 * One kind of review site. Each source folder exports one from its `descriptor.ts` (sources/google/, sources/play/,
 * sources/import/); `registry.ts` lists them.
 */
export interface SourceDescriptor<K extends RegisteredKind = RegisteredKind> {
  kind: K;
  /** The name on the command line (`kalm connect NAME`, `kalm sync --source NAME`); null when it has none. */
  cliName: string | null;
  capabilities: SourceCapabilities;
  /** The most a reply may be (see shared/reply/limits.ts). */
  replyLimit(source: SourceRef): ReplyLimit;
  /**
   * The single files it keeps in the data folder (state, sign-ins, keys): checked when a core starts
   * (store/data-files.ts); those marked `secret` never go into a backup (store/secret-files.ts).
   */
  files: readonly JsonFileSpec<unknown>[];
  build(ctx: SourceBuildContext): Promise<BuiltSource<SourceServices[K]>>;
}
