import type { Kalm } from '../core/kalm';

/**
 * A Kalm that exists before the store has loaded: the web host serves the page at once (the
 * header and skeleton rows paint while 100,000 reviews are still being read), and every call and
 * event subscription waits until `ready` resolves. When opening fails, every call fails with that
 * error (the host has already said why and is exiting).
 */
export function deferredKalm(dataDir: string, ready: Promise<Kalm>): Kalm {
  // Rejections are seen by whoever awaits `ready` (main); calls see them through their own await.
  ready.catch(() => undefined);
  return {
    dataDir,
    call: async (name, input) => (await ready).call(name, input),
    on(name, listener) {
      let off: (() => void) | null = null;
      let cancelled = false;
      void ready.then(
        (kalm) => {
          if (!cancelled) off = kalm.on(name, listener);
        },
        () => undefined,
      );
      return () => {
        cancelled = true;
        off?.();
      };
    },
    close: async () => (await ready).close(),
  };
}
