import type { z } from 'zod';
import { contract, type CallName, type CallOutput, type Contract, type EventName, type EventPayload, type KalmApi } from '../../shared/contract';
import { KalmError } from '../../shared/domain/errors';
import type { Location } from '../../shared/domain/location';
import type { Review } from '../../shared/domain/review';
import type { StoreProblem } from '../../shared/domain/store-problem';
import type { GoogleStatus } from '../../shared/sources/google-status';
import { queryReviews } from '../../shared/reviews/query';
import { summarize } from '../../shared/reviews/stats';

type Handlers = { [N in CallName]: (input: z.output<Contract[N]['input']>) => CallOutput<N> };

export interface FakeApi {
  api: KalmApi;
  /** Every call made, in order, with its raw input. */
  calls: { name: CallName; input: unknown }[];
  reviews: Review[];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Make the next call of `name` fail with this thrown value. */
  failNext(name: CallName, error: unknown): void;
}

/** An in-memory KalmApi over the real pure query and stats functions, validating input like the core does. */
export function createFakeApi(options: { reviews?: Review[]; locations?: Location[]; demo?: Review[]; problems?: StoreProblem[]; google?: GoogleStatus } = {}): FakeApi {
  const state = {
    reviews: [...(options.reviews ?? [])],
    demo: false,
    problems: [...(options.problems ?? [])],
    google: options.google ?? { configured: false, connected: false, needsReconnect: false, signingIn: false, lastSyncAt: null, lastError: null, locations: [] as GoogleStatus['locations'] },
  };
  const locations = options.locations ?? [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const failures = new Map<CallName, unknown>();
  const calls: FakeApi['calls'] = [];

  const workspace = () => ({
    demo: state.demo,
    sources: [{ id: 'google', kind: 'google-business' as const, name: 'Google', state: 'demo' as const, lastSyncAt: null }],
    locations,
    reviewCount: state.reviews.length,
  });

  const emit: FakeApi['emit'] = (name, payload) => {
    for (const listener of listeners.get(name) ?? []) (listener as (p: typeof payload) => void)(payload);
  };

  const handlers: Handlers = {
    'app.info': () => ({ name: 'Kalm', version: '0.0.0-test', host: 'test', dataDir: '/tmp/kalm-test', demo: state.demo }),
    'workspace.get': () => workspace(),
    'workspace.loadDemo': () => {
      state.reviews = [...(options.demo ?? [])];
      state.demo = true;
      queueMicrotask(() => emit('reviews.changed', { reason: 'demo', count: state.reviews.length }));
      return workspace();
    },
    'reviews.query': (q) => queryReviews(state.reviews, q),
    'reviews.get': ({ id }) => {
      const found = state.reviews.find((r) => r.id === id);
      if (!found) throw new KalmError('not_found', `No review ${id}`);
      return found;
    },
    'stats.summary': (q) => summarize(state.reviews, locations, q),
    'store.problems': () => ({ problems: state.problems }),
    'sources.status': () => state.google,
    'sources.connectGoogle': () => {
      state.google = { ...state.google, signingIn: true };
      return { authUrl: 'http://127.0.0.1:9/o/oauth2/v2/auth?client_id=test' };
    },
    'sources.discover': () => state.google,
    'sources.setGoogleClient': () => {
      state.google = { ...state.google, configured: true };
      return state.google;
    },
    'sources.selectLocations': ({ locationIds }) => {
      const wanted = new Set(locationIds);
      state.google = { ...state.google, locations: state.google.locations.map((l) => ({ ...l, selected: wanted.has(l.locationId) })) };
      return state.google;
    },
    'sync.run': () => {
      emit('sync.progress', { locationIndex: 1, locationCount: 1, reviewsFetched: 3 });
      return { locations: 1, reviews: 3, new: 3, updated: 0, deleted: 0 };
    },
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
  };
}
