import type { EventName, EventPayload } from '../../shared/contract';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** A small typed event bus for the contract's events. A throwing listener never breaks the others. */
export class EventBus {
  /** @param onListenerError where a failing listener is reported (the core's log). */
  constructor(private readonly onListenerError: (message: string, err: unknown) => void = (message, err) => process.stderr.write(`${message}: ${String(err)}\n`)) {}

  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners.get(name) ?? []) {
      try {
        (l as Listener<E>)(payload);
      } catch (err) {
        this.onListenerError(`kalm: a listener of ${name} failed`, err);
      }
    }
  }
}
