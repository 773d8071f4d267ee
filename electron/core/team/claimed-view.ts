import type { OutboxItem } from '../../../shared/domain/outbox';
import type { OutboxEntry, OutboxQueue } from '../outbox/queue';

/** Forwards every other property of `target`, its functions bound to it. */
const forward = <T extends object>(target: T, prop: string | symbol): unknown => {
  const value: unknown = Reflect.get(target, prop, target);
  return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
};

/**
 * The queue as a source's publisher sees it in a team run: only the items this desktop holds a claim for, asked
 * again at every look (`list`, `get`, `store.get`), so an item whose claim is lost during a long run is not
 * started. An item once marked `sending` in this run (`started`) stays visible until the run has finished it.
 * Writes go to the real queue.
 */
export function claimedView(q: OutboxQueue, holds: (itemId: string) => boolean): { queue: OutboxQueue; started: ReadonlySet<string> } {
  const started = new Set<string>();
  const visible = (id: string) => started.has(id) || holds(id);
  const store = new Proxy(q.store, {
    get(target, prop) {
      if (prop === 'list') return () => target.list().filter((i) => visible(i.id));
      if (prop === 'get') return (id: string) => (visible(id) ? target.get(id) : undefined);
      return forward(target, prop);
    },
  });
  const queue = new Proxy(q, {
    get(target, prop) {
      if (prop === 'store') return store;
      if (prop === 'list') return () => target.list().filter((e) => visible(e.item.id));
      if (prop === 'get') return (id: string): OutboxEntry | undefined => (visible(id) ? target.get(id) : undefined);
      if (prop === 'save') {
        return (item: OutboxItem) => {
          if (item.state === 'sending') started.add(item.id);
          return target.save(item);
        };
      }
      return forward(target, prop);
    },
  });
  return { queue, started };
}
