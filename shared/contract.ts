import { z } from 'zod';
import { Draft } from './domain/draft';
import { Location } from './domain/location';
import { Review } from './domain/review';
import { Settings, SettingsPatch } from './domain/settings';
import { Source } from './domain/source';
import { StoreProblem } from './domain/store-problem';
import { OutboxList, PublishResults } from './outbox/outbox-view';
import { ReplyHistoryView } from './outbox/reply-history';
import { GoogleStatus, SyncProgress, SyncTotals } from './sources/google-status';
import { ImportOptions, ImportReport } from './import/options';
import { ReviewFacets, ReviewPage, ReviewQuery } from './reviews/query-schema';
import { ReplyTemplate, TemplateInput } from './reply/templates';
import { PlayConnectKeyInput, PlayStatus, PlaySyncInput, PlaySyncTotals } from './play/status';
import { ServiceAccountInfo } from './play/service-account';
import { StatsQuery, StatsSummary } from './reviews/stats-schema';
import { habitCalls, habitEvents } from './labels/habits-contract';
import { supportCalls, supportEvents } from './app/support-contract';
import { teamCalls, teamEvents } from './team/team-contract';
import { ExportFile, ExportRequest } from './export/export-schema';
import { RemovalCount, RemovalTarget } from './workspace/removal';

/**
 * The one source of truth for every call between the renderer and the core.
 * Hosts (Electron IPC, web host HTTP, CLI) validate input with `input` and
 * clients type results with `output`. Add a call here and every host gets it.
 */
const call = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const NoInput = z.object({}).strict();
const Empty = z.object({}).strict();
const ReviewIdField = z.string().min(1).max(500);
/** Long enough for any draft; the source's own limit is checked when a reply is queued. */
const ReplyText = z.string().max(100_000);
const OutboxId = z.string().min(1).max(600);
const UploadId = z.string().min(1).max(64);

export const AppInfo = z.object({
  name: z.literal('Kalm'),
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli', 'test']),
  dataDir: z.string(),
  demo: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const WorkspaceSummary = z.object({
  demo: z.boolean(),
  sources: z.array(Source),
  locations: z.array(Location),
  reviewCount: z.number().int(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

/** How far an `import.commit` is (at most four a second, and once at the end of each pass): rows and bytes of the file read. */
export const ImportProgressEvent = z.object({
  uploadId: UploadId,
  /** 'check' reads the whole file first; 'import' reads it again and stores the reviews. */
  pass: z.enum(['check', 'import']),
  rows: z.number().int().min(0),
  bytes: z.number().int().min(0),
  totalBytes: z.number().int().min(0),
});
export type ImportProgressEvent = z.infer<typeof ImportProgressEvent>;

export const contract = {
  'app.info': call(NoInput, AppInfo),
  'workspace.get': call(NoInput, WorkspaceSummary),
  'workspace.loadDemo': call(
    z.object({ seed: z.number().int().min(0).max(2 ** 31 - 1).optional() }).strict(),
    WorkspaceSummary,
  ),
  /** What removing the demo, a source or a location would take with it (drafts, replies, labels, notes); changes nothing. */
  'workspace.removalCount': call(z.object({ target: RemovalTarget }).strict(), RemovalCount),
  /** Removes the demo, a source or a location with every draft, outbox item, reply history, label, note and hand-off of its reviews. */
  'workspace.remove': call(z.object({ target: RemovalTarget }).strict(), RemovalCount),
  'reviews.query': call(ReviewQuery, ReviewPage),
  'reviews.get': call(z.object({ id: z.string().min(1).max(500) }).strict(), Review),
  'stats.summary': call(StatsQuery, StatsSummary),
  /** Files that could not be used as they are (quarantined, newer version, failed writes). */
  'store.problems': call(NoInput, z.object({ problems: z.array(StoreProblem) })),
  /** The Google Business Profile connection: state, locations, last sync. */
  'sources.status': call(NoInput, GoogleStatus),
  /** Starts Google sign-in; the page opens `authUrl` in the browser. `sources.changed` fires when it ends. */
  'sources.connectGoogle': call(NoInput, z.object({ authUrl: z.string().url() })),
  'sources.discover': call(NoInput, GoogleStatus),
  /** The owner's own OAuth client (desktop type), entered in Sources when not given by the environment. */
  'sources.setGoogleClient': call(
    z.object({ clientId: z.string().trim().min(10).max(300).regex(/^[\w.-]+$/, 'a client ID has only letters, digits, dots and dashes'), clientSecret: z.string().trim().max(300) }).strict(),
    GoogleStatus,
  ),
  'sources.selectLocations': call(z.object({ locationIds: z.array(z.string().min(1).max(200)).max(5000) }).strict(), GoogleStatus),
  'sync.run': call(z.object({ full: z.boolean().optional() }).strict(), SyncTotals),
  /** Creates or updates the reply draft of a review (an unanswered review becomes 'drafted'). */
  'drafts.save': call(z.object({ reviewId: ReviewIdField, text: ReplyText }).strict(), Draft),
  'drafts.list': call(NoInput, z.object({ drafts: z.array(Draft) })),
  /** Removes the draft (a 'drafted' review is 'unanswered' again). */
  'drafts.discard': call(z.object({ reviewId: ReviewIdField }).strict(), Empty),
  /** Queues a reply (offline; nothing is sent). Refused when empty or over the source's limit. Removes the draft. */
  'outbox.send': call(z.object({ reviewId: ReviewIdField, text: ReplyText }).strict(), z.object({ id: z.string() })),
  'outbox.list': call(NoInput, OutboxList),
  /** Sends every queued reply now (demo reviews are answered locally, nothing goes out). */
  'outbox.publish': call(NoInput, PublishResults),
  'outbox.cancel': call(z.object({ id: OutboxId }).strict(), Empty),
  'outbox.retry': call(z.object({ id: OutboxId }).strict(), Empty),
  'outbox.resolve': call(z.object({ id: OutboxId, choice: z.enum(['send_anyway', 'discard']) }).strict(), Empty),
  /** Queues the removal of the review's posted reply. */
  'outbox.unreply': call(z.object({ reviewId: ReviewIdField }).strict(), z.object({ id: z.string() })),
  // — settings —
  /** The user's settings (tone, signature, targets, team, alerts, sync). */
  'settings.get': call(NoInput, Settings),
  /** Changes some top-level settings; the whole must stay valid. Fires `settings.changed`. */
  'settings.update': call(SettingsPatch, Settings),

  // --- Sources: file import and copy-and-open publishing (issue 9) ---
  /** Starts uploading a file to import (the renderer sends it in chunks, so a large export never sits in one message). */
  'import.begin': call(z.object({ name: z.string().min(1).max(300), size: z.number().int().min(0) }).strict(), z.object({ uploadId: z.string() })),
  /** One chunk of the file, base64, appended at `offset` (chunks arrive in order, at most 768 KB each). */
  'import.chunk': call(z.object({ uploadId: UploadId, offset: z.number().int().min(0), data: z.string().max(1_100_000) }).strict(), z.object({ received: z.number().int() })),
  /** Reads the whole uploaded file and reports columns, mapping, the first rows and per-row errors; changes nothing. */
  'import.preview': call(z.object({ uploadId: UploadId, options: ImportOptions }).strict(), ImportReport),
  /** Imports the valid rows (re-importing updates the same reviews); a whole-file problem changes nothing. */
  'import.commit': call(z.object({ uploadId: UploadId, options: ImportOptions }).strict(), ImportReport),
  'import.discard': call(z.object({ uploadId: UploadId }).strict(), Empty),
  /** The owner posted the reply by hand (copy-and-open sources): the review is answered with this text. */
  'replies.markPosted': call(z.object({ reviewId: ReviewIdField, text: ReplyText }).strict(), Review),
  // --- Inbox (issue 7) ---
  /** Marks reviews handled without a reply (done) or back to waiting (done: false); returns how many changed. */
  'reviews.markDone': call(
    z.object({ ids: z.array(ReviewIdField).min(1).max(5000), done: z.boolean() }).strict(),
    z.object({ changed: z.number().int() }),
  ),
  /** Labels and languages in use, for the inbox's filter lists. */
  'reviews.facets': call(NoInput, ReviewFacets),
  // --- outbox (issue 6): editing, history ---
  /** Takes a reply back out of the outbox into the review's draft (the draft is written before the item goes). */
  'outbox.edit': call(z.object({ id: OutboxId }).strict(), Draft),
  /** The local history of a review's reply versions, oldest first. */
  'outbox.history': call(z.object({ reviewId: ReviewIdField }).strict(), ReplyHistoryView),
  // — working habits (issue 10): labels, rules, notes, assignees, hand-off, data folder —
  ...habitCalls,
  // — team workspace (issue 20) —
  ...teamCalls,
  // ----- dashboard and exports (issue 8) -----
  /** The reviews matching a filter as a CSV (UTF-8 with BOM) or JSON file; the renderer saves `content` as a download. */
  'export.reviews': call(ExportRequest, ExportFile),
  // — composer: reply templates —
  /** The owner's templates plus Kalm's built-in starters (in the business's Dutch form of address). */
  'templates.list': call(NoInput, z.object({ templates: z.array(ReplyTemplate) })),
  /** Creates (no id) or replaces a template of the owner's. */
  'templates.save': call(TemplateInput, ReplyTemplate),
  'templates.delete': call(z.object({ id: z.string().min(1).max(100) }).strict(), Empty),
  /** Electron: saves the shown monthly report as a PDF (printToPDF + save dialog). Other hosts refuse; the page uses the browser's print. */
  'report.savePdf': call(
    z.object({ fileName: z.string().min(5).max(120).regex(/^[\w .-]+\.pdf$/, 'a file name such as kalm-report-2026-10.pdf') }).strict(),
    z.object({ saved: z.boolean(), path: z.string().nullable() }),
  ),
  /** Google Play: the apps Kalm follows. */
  'play.status': call(NoInput, PlayStatus),
  /** Signs in to Google with the androidpublisher scope (the page opens `authUrl`), then follows the app; `sources.changed` fires when done. */
  'play.connect': call(z.object({ packageName: z.string().trim().min(3).max(150).regex(/^[A-Za-z][\w]*(\.[A-Za-z][\w]*)+$/, 'an Android package name looks like com.example.app') }).strict(), z.object({ authUrl: z.string().url() })),
  /** Fetches the apps' reviews of the last 7 days; `warnings` says when a gap of more than 7 days may have lost reviews. */
  'play.sync': call(PlaySyncInput, PlaySyncTotals),
  // — Google Play service account (issue 9) —
  /** Checks a service-account JSON key with Google, stores it like the Google sign-in, and follows the app. */
  'play.connectKey': call(PlayConnectKeyInput, z.object({ serviceAccount: ServiceAccountInfo })),
  /** Follows another app with the stored service-account key (no sign-in in the browser). */
  'play.addApp': call(PlayConnectKeyInput.pick({ packageName: true }), Empty),
  /** Stops syncing a followed app; its reviews stay (play.addApp follows it again). */
  'play.unfollowApp': call(PlayConnectKeyInput.pick({ packageName: true }), Empty),
  /** Forgets the stored service-account key; Play then uses the Google sign-in again. */
  'play.forgetKey': call(NoInput, Empty),
  // — updates, logs and diagnostics (issue 23) —
  ...supportCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;
export const callNames = Object.keys(contract) as CallName[];
export const isCallName = (name: string): name is CallName => Object.hasOwn(contract, name);

export const events = {
  /** Reviews were added, changed or removed, or (`policy`) the reply targets or business hours changed what is overdue; clients re-query. */
  'reviews.changed': z.object({ reason: z.enum(['demo', 'sync', 'update', 'policy']), count: z.number().int() }),
  /** A file problem found while running (e.g. a write failed); the full list is `store.problems`. */
  'store.problem': StoreProblem,
  /** A file whose save had failed was saved on a retry: its 'write-failed' problems are over. */
  'store.recovered': z.object({ file: z.string() }),
  'sources.changed': z.object({}),
  'sync.progress': SyncProgress,
  /** A running import (Sources → Import): rows and bytes read, for the progress bar. */
  'import.progress': ImportProgressEvent,
  /** The outbox changed (queued, sent, failed, conflict, cancelled); clients re-list. */
  'outbox.changed': z.object({}),
  'settings.changed': z.object({}),
  /** A reply draft was saved or discarded (the inbox's Drafts count follows). */
  'drafts.changed': z.object({ reviewId: z.string() }),
  // — working habits (issue 10) —
  ...habitEvents,
  ...supportEvents,
  ...teamEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);

/** What the renderer talks to, whichever host it runs in. */
export interface KalmApi {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** IPC channel names, derived from the contract so no host writes them by hand. */
export const ipcChannel = {
  call: (name: CallName) => `kalm:call:${name}`,
  event: 'kalm:event',
} as const;
