/** A minimal text/event-stream reader: fetch + ReadableStream, so the token travels in a header. */

export interface SseMessage {
  event: string;
  data: string;
}

/** Feeds decoded text in, calls `onMessage` for every complete event (blank-line terminated). */
export function createSseParser(onMessage: (message: SseMessage) => void): { push(chunk: string): void } {
  let buffer = '';
  let event = '';
  let data: string[] = [];

  const line = (text: string): void => {
    if (text === '') {
      if (data.length > 0) onMessage({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return; // comment / keep-alive
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };

  return {
    push(chunk: string): void {
      buffer += chunk;
      // A lone trailing "\r" may be the first half of "\r\n": keep it for the next chunk.
      const lines = buffer.split(/\r\n|\r(?!$)|\n/);
      buffer = lines.pop() ?? '';
      for (const l of lines) line(l);
    },
  };
}

export interface EventStreamOptions {
  fetch: typeof fetch;
  url: string;
  headers: () => Record<string, string>;
  onMessage: (message: SseMessage) => void;
  /** Called after the stream came back following a drop (events may have been missed meanwhile). */
  onReconnect?: () => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/** Keeps one event stream open, reconnecting with exponential backoff; returns a stop function. */
export function openEventStream(options: EventStreamOptions): () => void {
  const initial = options.initialDelayMs ?? 500;
  const max = options.maxDelayMs ?? 30_000;
  const controller = new AbortController();
  const { signal } = controller;

  const readOnce = async (onOpen: () => void): Promise<void> => {
    const response = await options.fetch(options.url, {
      headers: { ...options.headers(), Accept: 'text/event-stream' },
      cache: 'no-store',
      signal,
    });
    if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
    onOpen();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = createSseParser(options.onMessage);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.push(decoder.decode(value, { stream: true }));
    }
  };

  void (async () => {
    let delay = initial;
    let opens = 0;
    const onOpen = (): void => {
      if (opens++ > 0) options.onReconnect?.();
      delay = initial;
    };
    while (!signal.aborted) {
      try {
        await readOnce(onOpen);
      } catch {
        // network error, refused token or abort: fall through to the backoff
      }
      if (signal.aborted) return;
      await sleep(delay + Math.random() * delay * 0.2, signal);
      delay = Math.min(delay * 2, max);
    }
  })();

  return () => controller.abort();
}
