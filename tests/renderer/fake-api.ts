import type { z } from 'zod';
import { contract, type CallName, type CallOutput, type Contract, type EventName, type EventPayload, type KalmApi } from '../../shared/contract';
import { KalmError } from '../../shared/domain/errors';
import type { Draft } from '../../shared/domain/draft';
import type { Location } from '../../shared/domain/location';
import type { Review } from '../../shared/domain/review';
import { defaultSettings, Settings, SettingsPatch } from '../../shared/domain/settings';
import type { StoreProblem } from '../../shared/domain/store-problem';
import type { OutboxItemView } from '../../shared/outbox/outbox-view';
import { checkReplyLimits, sourceRefOf } from '../../shared/reply/limits';
import { capabilitiesOfSource, safeHttpUrl } from '../../shared/sources/capabilities';
import { builtInTemplates, type ReplyTemplate } from '../../shared/reply/templates';
import type { GoogleStatus } from '../../shared/sources/google-status';
import { queryReviews, reviewFacets } from '../oracle/query-reviews';
import { replyPolicy, samePolicy } from '../../shared/reviews/reply-targets';
import { summarize } from '../../shared/reviews/stats';
import type { Source } from '../../shared/domain/source';
import { createFakeImport } from './fake-import';
import { fakeLabelHandoffHandlers } from './fake-labels-handoff';
import { fakeTeamHandlers, type FakeTeamState } from './fake-team';
import { LOCAL_STATUS } from '../../shared/contract/team';
import { buildExport } from '../../shared/export/export-reviews';
import { parseServiceAccountKey, type ServiceAccountInfo } from '../../shared/play/service-account';
import type { UpdateStatus } from '../../shared/contract/app';

type Handlers = { [N in CallName]: (input: z.output<Contract[N]['input']>) => CallOutput<N> };

export interface FakeApi {
  api: KalmApi;
  /** Every call made, in order, with its raw input. */
  calls: { name: CallName; input: unknown }[];
  reviews: Review[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Make the next call of `name` fail with this thrown value. */
  failNext(name: CallName, error: unknown): void;
  /** The outbox items themselves (tests put one in a conflict or failed state; then emit `outbox.changed`). */
  outbox: OutboxItemView[];
  /** The team workspace as the fake core sees it (tests set a status with peers, other members' drafts; read the presence). */
  team: FakeTeamState;
}

/** An in-memory KalmApi over the real pure query and stats functions, validating input like the core does. */
export function createFakeApi(options: { reviews?: Review[]; locations?: Location[]; demo?: Review[]; problems?: StoreProblem[]; google?: GoogleStatus; sources?: Source[]; settings?: SettingsPatch; update?: UpdateStatus } = {}): FakeApi {
  const state = {
    settings: Settings.parse({ ...defaultSettings(), ...options.settings }),
    reviews: [...(options.reviews ?? [])],
    demo: false,
    problems: [...(options.problems ?? [])],
    update: options.update ?? ({ state: 'off', version: null, percent: null } as UpdateStatus),
    google: options.google ?? { configured: false, connected: false, needsReconnect: false, signingIn: false, lastSyncAt: null, lastError: null, locations: [] as GoogleStatus['locations'] },
  };
  const drafts = new Map<string, Draft>();
  const templates = new Map<string, ReplyTemplate>();
  const outbox: OutboxItemView[] = [];
  const at = () => new Date().toISOString();
  const review = (id: string): Review => {
    const found = state.reviews.find((r) => r.id === id);
    if (!found) throw new KalmError('not_found', `No review ${id}`);
    return found;
  };
  const setStatus = (id: string, status: Review['status'], reply?: Review['reply']) => {
    state.reviews = state.reviews.map((r) => (r.id === id ? { ...r, status, ...(reply === undefined ? {} : { reply }) } : r));
  };
  const item = (id: string): OutboxItemView => {
    const found = outbox.find((i) => i.id === id);
    if (!found) throw new KalmError('not_found', 'This reply is no longer in the outbox.');
    return found;
  };
  const enqueue = (reviewId: string, action: OutboxItemView['action'], text: string) => {
    const entry: OutboxItemView = {
      id: `${reviewId}#${outbox.length + 1}`, reviewId, action, state: 'queued', text, attempts: 0,
      lastError: null, nextAttemptAt: null, createdAt: at(), updatedAt: at(), conflict: null,
      review: (() => {
        const r = review(reviewId);
        return { author: r.anonymous ? '' : r.author, rating: r.rating, excerpt: r.text, locationName: locations.find((l) => l.id === r.locationId)?.name ?? null, sourceName: workspace().sources.find((s) => s.id === r.source)?.name ?? r.source };
      })(),
      copyAndOpen: (() => {
        const r = review(reviewId);
        const source = workspace().sources.find((s) => s.id === r.source);
        return source && capabilitiesOfSource(source).publish === 'copyAndOpen' ? { sourceName: source.name, url: safeHttpUrl(r.url) } : null;
      })(),
    };
    outbox.push(entry);
    setStatus(reviewId, 'queued');
    return { id: entry.id };
  };
  const locations = options.locations ?? [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const extraSources: Source[] = [...(options.sources ?? [])];
  const importer = createFakeImport();
  const playApps: { packageName: string; lastSyncAt: string | null; followed: boolean }[] = [];
  let playKey: ServiceAccountInfo | null = null;
  const failures = new Map<CallName, unknown>();
  const calls: FakeApi['calls'] = [];

  const workspace = () => ({
    demo: state.demo,
    sources: [{ id: 'google', kind: 'google-business' as const, name: 'Google', state: 'demo' as const, lastSyncAt: null }, ...extraSources],
    locations,
    reviewCount: state.reviews.length,
  });

  const emit: FakeApi['emit'] = (name, payload) => {
    for (const listener of listeners.get(name) ?? []) (listener as (p: typeof payload) => void)(payload);
  };

  const teamState: FakeTeamState = { team: LOCAL_STATUS, otherDrafts: {}, presence: null };
  const handlers: Handlers = {
    'app.info': () => ({ name: 'Kalm', version: '0.0.0-test', host: 'test', dataDir: '/tmp/kalm-test', demo: state.demo }),
    'workspace.get': () => workspace(),
    'workspace.loadDemo': () => {
      state.reviews = [...(options.demo ?? [])];
      state.demo = true;
      queueMicrotask(() => emit('reviews.changed', { reason: 'demo', count: state.reviews.length }));
      return workspace();
    },
    'workspace.removalCount': () => {
      if (!state.demo) throw new KalmError('not_found', 'There is no demo to remove.');
      const ids = new Set(state.reviews.filter((r) => r.source === 'google').map((r) => r.id));
      return { reviews: ids.size, drafts: [...drafts.keys()].filter((id) => ids.has(id)).length, replies: outbox.filter((i) => ids.has(i.reviewId)).length, labels: state.reviews.filter((r) => ids.has(r.id)).reduce((n, r) => n + r.labels.length, 0), notes: state.reviews.filter((r) => ids.has(r.id) && r.note).length, handoffs: 0 };
    },
    'workspace.remove': () => {
      if (!state.demo) throw new KalmError('not_found', 'There is no demo to remove.');
      const count = handlers['workspace.removalCount']({ target: { kind: 'demo' } });
      state.reviews = state.reviews.filter((r) => r.source !== 'google');
      state.demo = false;
      queueMicrotask(() => emit('reviews.changed', { reason: 'update', count: count.reviews }));
      return count;
    },
    'reviews.query': (q) => {
      const active = new Set(['queued', 'sending', 'failed', 'conflict']);
      const marks = { drafts: new Set(drafts.keys()), outbox: new Set(outbox.filter((i) => active.has(i.state)).map((i) => i.reviewId)) };
      return queryReviews(state.reviews, q, undefined, { marks, policy: replyPolicy(state.settings) });
    },
    'reviews.get': ({ id }) => {
      const found = state.reviews.find((r) => r.id === id);
      if (!found) throw new KalmError('not_found', `No review ${id}`);
      return found;
    },
    'reviews.stats': (q) => summarize(state.reviews, locations, q, workspace().sources, { policy: replyPolicy(state.settings) }),
    'app.storeProblems': () => ({ problems: state.problems }),
    'google.status': () => state.google,
    'google.connect': () => {
      if (!state.google.configured) throw new KalmError('forbidden', 'Kalm needs your own Google OAuth client to connect.');
      state.google = { ...state.google, signingIn: true };
      return { authUrl: `http://127.0.0.1:9/o/oauth2/v2/auth?client_id=${state.google.builtInClient ? 'publisher' : 'test'}` };
    },
    'google.discover': () => state.google,
    'google.setClient': () => {
      // The owner's own client replaces a published build's client (builtInClient).
      state.google = { ...state.google, configured: true, builtInClient: false };
      return state.google;
    },
    'google.selectLocations': ({ locationIds }) => {
      const wanted = new Set(locationIds);
      state.google = { ...state.google, locations: state.google.locations.map((l) => ({ ...l, selected: wanted.has(l.locationId) })) };
      return state.google;
    },
    'google.sync': () => {
      emit('google.syncProgress', { locationIndex: 1, locationCount: 1, reviewsFetched: 3 });
      return { locations: 1, reviews: 3, new: 3, updated: 0, deleted: 0 };
    },
    'drafts.save': ({ reviewId, text }) => {
      const r = review(reviewId);
      const first = drafts.get(reviewId);
      const draft: Draft = { schemaVersion: 1, reviewId, text, reviewUpdatedAt: first?.reviewUpdatedAt ?? r.updatedAt, createdAt: first?.createdAt ?? at(), updatedAt: at() };
      drafts.set(reviewId, draft);
      if (r.status === 'unanswered') setStatus(reviewId, 'drafted');
      return draft;
    },
    'drafts.list': () => ({ drafts: [...drafts.values()] }),
    'drafts.discard': ({ reviewId }) => {
      drafts.delete(reviewId);
      if (review(reviewId).status === 'drafted') setStatus(reviewId, 'unanswered');
      return {};
    },
    'outbox.send': ({ reviewId, text }) => {
      const problem = checkReplyLimits(text, sourceRefOf(workspace().sources, review(reviewId).source));
      if (problem) throw new KalmError('invalid_input', problem.message);
      drafts.delete(reviewId);
      return enqueue(reviewId, 'reply', text);
    },
    'outbox.list': () => ({ items: outbox }),
    'outbox.publish': () => ({
      results: outbox.filter((i) => i.state === 'queued').map((i) => {
        i.state = 'sent';
        setStatus(i.reviewId, i.action === 'reply' ? 'answered' : 'unanswered', i.action === 'reply' ? { text: i.text, updatedAt: at(), state: 'published' } : null);
        return { id: i.id, reviewId: i.reviewId, ok: true, state: i.state };
      }),
    }),
    'outbox.cancel': ({ id }) => {
      outbox.splice(outbox.indexOf(item(id)), 1);
      return {};
    },
    'outbox.retry': ({ id }) => {
      item(id).state = 'queued';
      return {};
    },
    'outbox.resolve': ({ id, choice }) => {
      if (choice === 'discard') outbox.splice(outbox.indexOf(item(id)), 1);
      else Object.assign(item(id), { state: 'queued', conflict: null });
      return {};
    },
    'outbox.unreply': ({ reviewId }) => enqueue(review(reviewId).id, 'deleteReply', ''),
    // — composer: reply templates —
    'templates.list': () => ({ templates: [...templates.values(), ...builtInTemplates(state.settings.formality)] }),
    'templates.save': (input) => {
      const existing = input.id ? templates.get(input.id) : undefined;
      if (input.id && !existing) throw new KalmError('not_found', `There is no template "${input.id}".`);
      const record: ReplyTemplate = {
        schemaVersion: 1, id: existing?.id ?? `t-${templates.size + 1}`, name: input.name, lang: input.lang, band: input.band,
        variants: input.variants, builtIn: false, createdAt: existing?.createdAt ?? at(), updatedAt: at(),
      };
      templates.set(record.id, record);
      return record;
    },
    'templates.delete': ({ id }) => {
      if (!templates.delete(id)) throw new KalmError('not_found', `There is no template "${id}".`);
      return {};
    },
    // — settings —
    'settings.get': () => state.settings,
    'settings.update': (patch) => {
      const before = replyPolicy(state.settings);
      state.settings = Settings.parse({ ...state.settings, ...patch });
      const policyChanged = !samePolicy(before, replyPolicy(state.settings));
      queueMicrotask(() => {
        emit('settings.changed', {});
        if (policyChanged) emit('reviews.changed', { reason: 'policy', count: 0 });
      });
      return state.settings;
    },
    // --- Sources: file import and copy-and-open (issue 9) ---
    'import.begin': ({ name, size }) => importer.begin(name, size),
    'import.chunk': ({ uploadId, data }) => importer.chunk(uploadId, data),
    'import.preview': ({ uploadId, options: o }) => importer.preview(uploadId, o),
    'import.commit': ({ uploadId, options: o }) => {
      const { report, reviews } = importer.commit(uploadId, o);
      const ids = new Set(reviews.map((r) => r.id));
      state.reviews = [...state.reviews.filter((r) => !ids.has(r.id)), ...reviews];
      if (!extraSources.some((s) => s.id === report.sourceId)) extraSources.push({ id: report.sourceId, kind: 'file-import', name: report.sourceName, state: 'connected', lastSyncAt: at() });
      queueMicrotask(() => emit('reviews.changed', { reason: 'update', count: reviews.length }));
      return { ...report, added: reviews.length, updated: 0 };
    },
    'import.discard': ({ uploadId }) => (importer.discard(uploadId), {}),
    'play.status': () => ({ apps: [...playApps], signingIn: false, lastError: null, serviceAccount: playKey }),
    'play.connect': ({ packageName }) => {
      playApps.push({ packageName, lastSyncAt: null, followed: true });
      return { authUrl: 'http://127.0.0.1:9/o/oauth2/v2/auth?client_id=test&scope=androidpublisher' };
    },
    'play.sync': () => ({ apps: playApps.filter((a) => a.followed).length, fetched: 0, new: 0, updated: 0, warnings: [] }),
    // Google Play service account (issue 9): the key is checked like the core does (zod), without Google.
    'play.connectKey': ({ packageName, key }) => {
      const parsed = parseServiceAccountKey(key);
      playKey = { clientEmail: parsed.client_email, projectId: parsed.project_id ?? null, keyId: parsed.private_key_id ?? null };
      if (!playApps.some((a) => a.packageName === packageName)) playApps.push({ packageName, lastSyncAt: null, followed: true });
      emit('workspace.sourcesChanged', {});
      return { serviceAccount: playKey };
    },
    'play.addApp': ({ packageName }) => {
      if (!playKey) throw new KalmError('forbidden', 'Google Play has no service-account key yet.');
      const known = playApps.find((a) => a.packageName === packageName);
      if (known) known.followed = true;
      else playApps.push({ packageName, lastSyncAt: null, followed: true });
      emit('workspace.sourcesChanged', {});
      return {};
    },
    'play.unfollowApp': ({ packageName }) => {
      const app = playApps.find((a) => a.packageName === packageName);
      if (!app) throw new KalmError('not_found', `Kalm does not follow "${packageName}" on Google Play.`);
      app.followed = false;
      emit('workspace.sourcesChanged', {});
      return {};
    },
    'play.forgetKey': () => {
      playKey = null;
      emit('workspace.sourcesChanged', {});
      return {};
    },
    'outbox.markPosted': ({ reviewId, text }) => {
      for (const i of outbox.filter((o) => o.reviewId === reviewId && o.state === 'queued')) outbox.splice(outbox.indexOf(i), 1);
      drafts.delete(reviewId);
      setStatus(reviewId, 'answered', { text, updatedAt: at(), state: 'published' });
      queueMicrotask(() => {
        emit('outbox.changed', {});
        emit('reviews.changed', { reason: 'update', count: 1 });
      });
      return review(reviewId);
    },
    // Inbox (issue 7)
    'reviews.markDone': ({ ids, done }) => {
      let changed = 0;
      state.reviews = state.reviews.map((r) => {
        if (!ids.includes(r.id)) return r;
        if (done && (r.status === 'unanswered' || r.status === 'drafted')) return changed++, { ...r, status: 'done' as const };
        if (!done && r.status === 'done') return changed++, { ...r, status: r.reply ? ('answered' as const) : ('unanswered' as const) };
        return r;
      });
      if (changed > 0) queueMicrotask(() => emit('reviews.changed', { reason: 'update', count: changed }));
      return { changed };
    },
    'reviews.facets': () => reviewFacets(state.reviews),
    // --- outbox (issue 6): editing, history ---
    'outbox.edit': ({ id }) => {
      const it = item(id);
      const r = review(it.reviewId);
      const draft: Draft = { schemaVersion: 1, reviewId: it.reviewId, text: it.text, reviewUpdatedAt: r.updatedAt, createdAt: at(), updatedAt: at() };
      drafts.set(it.reviewId, draft);
      outbox.splice(outbox.indexOf(it), 1);
      setStatus(it.reviewId, r.reply ? 'answered' : 'unanswered');
      return draft;
    },
    'outbox.history': ({ reviewId }) => {
      const r = review(reviewId);
      return { versions: r.reply ? [{ text: r.reply.text, at: r.reply.updatedAt, origin: 'kalm' as const, state: r.reply.state, reason: null }] : [] };
    },
    // — labels, rules, notes, hand-off, data folder, background status —
    ...fakeLabelHandoffHandlers({ reviews: () => state.reviews, setReviews: (next) => (state.reviews = next), settings: () => state.settings, emit: (name, payload) => emit(name, payload) }),
    // dashboard and exports (issue 8)
    'reviews.export': (req) => buildExport(state.reviews, locations, req, at().slice(0, 10)),
    'app.openLogs': () => ({ opened: false, path: '/tmp/kalm-test/logs' }),
    'app.diagnostics': () => ({ text: `Kalm 0.0.0-test (test)\nstore:\n  reviews: ${state.reviews.length}` }),
    'app.updateStatus': () => state.update,
    'app.restartToUpdate': () => {
      if (state.update.state !== 'ready') throw new KalmError('forbidden', 'There is no downloaded update to install yet.');
      state.update = { state: 'idle', version: null, percent: null };
      return {};
    },
    'reviews.saveReportPdf': () => {
      throw new KalmError('forbidden', 'Saving a PDF directly works in the Kalm app.');
    },
    // team workspace (issue 20)
    ...fakeTeamHandlers(teamState),
  };

  const api: KalmApi = {
    async call(name, input) {
      calls.push({ name, input });
      await Promise.resolve();
      const failure = failures.get(name);
      if (failures.delete(name)) throw failure;
      const parsed = contract[name].input.parse(input);
      const handler = handlers[name] as (i: unknown) => CallOutput<typeof name>;
      // Round-trip through JSON like a real host, so nothing shares object identity with the store.
      return JSON.parse(JSON.stringify(handler(parsed))) as CallOutput<typeof name>;
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };

  return {
    api,
    calls,
    get reviews() {
      return state.reviews;
    },
    set reviews(next) {
      state.reviews = next;
    },
    emit,
    failNext: (name, error) => failures.set(name, error),
    outbox,
    team: teamState,
  };
}
