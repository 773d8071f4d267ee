import { events, isEventName, type EventName, type EventPayload, type KalmApi } from '../../shared/contract';
import { CallResult, KalmError } from '../../shared/domain/errors';
import { NETWORK_MESSAGE } from './errors';
import { parseOutput } from './output';
import { openEventStream, type SseMessage } from './sse';

export interface HttpApiOptions {
  fetch: typeof fetch;
  /** Origin + path prefix of the web host; '' means the page's own origin. */
  baseUrl?: string;
  token: () => string | null;
  /** Backoff for the event stream (tests make it short). */
  eventDelayMs?: { initial: number; max: number };
  /**
   * A request the page started before this api existed (renderer/public/boot-first-page.js): its response is
   * used once, for the first call with the same name and body; if it failed, that call is sent as usual.
   */
  early?: EarlyCall | null;
}

export interface EarlyCall {
  name: string;
  body: string;
  response: Promise<Response>;
}

type Listener = (payload: EventPayload<EventName>) => void;

/** The KalmApi over the web host: `POST /api/<name>` for calls, `GET /api/events` (SSE) for events. */
export function createHttpApi(options: HttpApiOptions): KalmApi {
  const base = options.baseUrl ?? '';
  const auth = (): Record<string, string> => {
    const token = options.token();
    return token ? { Authorization: `Bearer ${token}` } : {};
  };

  const listeners = new Map<EventName, Set<Listener>>();
  let stopStream: (() => void) | null = null;

  const emit = (name: EventName, payload: EventPayload<EventName>): void => {
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (err) {
        console.error(`kalm: a ${name} listener failed`, err);
      }
    }
  };

  const onMessage = (message: SseMessage): void => {
    if (!isEventName(message.event)) return;
    let json: unknown;
    try {
      json = JSON.parse(message.data);
    } catch {
      return;
    }
    const parsed = events[message.event].safeParse(json);
    if (parsed.success) emit(message.event, parsed.data);
  };

  // Events sent while the stream was down are lost: tell listeners to re-query.
  const onReconnect = (): void => emit('reviews.changed', { reason: 'update', count: 0 });

  const listenerCount = (): number => [...listeners.values()].reduce((n, set) => n + set.size, 0);

  let early = options.early ?? null;
  /** The early request's response when this call is the one it made (once), else null. */
  const takeEarly = async (name: string, body: string): Promise<Response | null> => {
    if (!early || early.name !== name || early.body !== body) return null;
    const { response } = early;
    early = null;
    return response.then((r) => (r.ok ? r : null), () => null);
  };

  return {
    async call(name, input) {
      const request = JSON.stringify(input ?? {});
      let response: Response;
      try {
        response = (await takeEarly(name, request)) ?? (await options.fetch(`${base}/api/${name}`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body: request }));
      } catch {
        throw new KalmError('internal', NETWORK_MESSAGE);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new KalmError('internal', `Kalm answered ${name} with HTTP ${response.status} and no readable result.`);
      }
      const envelope = CallResult.safeParse(body);
      if (!envelope.success) {
        throw new KalmError('internal', `Kalm answered ${name} with HTTP ${response.status} and an unexpected result.`);
      }
      if (!envelope.data.ok) throw KalmError.fromPayload(envelope.data.error);
      return parseOutput(name, envelope.data.value);
    },

    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const stored = listener as Listener;
      set.add(stored);
      if (!stopStream) {
        stopStream = openEventStream({
          fetch: options.fetch,
          url: `${base}/api/events`,
          headers: auth,
          onMessage,
          onReconnect,
          initialDelayMs: options.eventDelayMs?.initial,
          maxDelayMs: options.eventDelayMs?.max,
        });
      }
      return () => {
        listeners.get(name)?.delete(stored);
        if (listenerCount() === 0 && stopStream) {
          stopStream();
          stopStream = null;
        }
      };
    },
  };
}
