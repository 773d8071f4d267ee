import { createContext } from 'react';
import type { EventName, KalmApi } from '../../shared/contract';

/**
 * Results of read calls kept while nothing changed: an entry is dropped as soon as the event its
 * `useCall` refreshes on arrives (the event that would make a mounted component fetch again), so a
 * component mounting later reads the same answer it would have fetched. Used around parts that
 * remount often with the same calls (the review view, once per selected review).
 */
export interface CallCache {
  read(key: string): { data: unknown } | undefined;
  /** Call before fetching; pass the token to `write`, which ignores an answer an event overtook. */
  begin(event: EventName): number;
  write(key: string, event: EventName, token: number, data: unknown): void;
  /** Stops following the events. */
  stop(): void;
}

export function createCallCache(api: KalmApi): CallCache {
  const entries = new Map<string, { event: EventName; data: unknown }>();
  const generations = new Map<EventName, number>();
  const offs: (() => void)[] = [];
  const follow = (event: EventName): number => {
    const known = generations.get(event);
    if (known !== undefined) return known;
    generations.set(event, 0);
    offs.push(
      api.on(event, () => {
        generations.set(event, (generations.get(event) ?? 0) + 1);
        for (const [key, entry] of entries) if (entry.event === event) entries.delete(key);
      }),
    );
    return 0;
  };
  return {
    read: (key) => {
      const entry = entries.get(key);
      return entry ? { data: entry.data } : undefined;
    },
    begin: follow,
    write(key, event, token, data) {
      if (follow(event) === token) entries.set(key, { event, data });
    },
    stop() {
      for (const off of offs.splice(0)) off();
      entries.clear();
      generations.clear();
    },
  };
}

/** The cache `useCall` uses below a provider; none (every mount fetches) elsewhere. */
export const CallCacheContext = createContext<CallCache | null>(null);
