import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import type { Kalm } from './kalm';
import type { EarlyStart } from './early-first-page';
import type { KalmLog } from './log/log';

/**
 * A Kalm that exists before the store has loaded: the host shows the page at once (the web host serves it,
 * Electron opens its window; the header and skeleton rows paint while 100,000 reviews are still being read),
 * and every call and event subscription waits until `ready` resolves. When opening fails, every call fails
 * with that error (the host has already said why and is exiting). Only the inbox's first request can be
 * answered before: by `early` (early-first-page.ts) when the page saved by the last run still holds.
 * `log` is where the host's failed calls are written (Electron's IPC logs through `kalm.log`).
 */
export function deferredKalm(dataDir: string, ready: Promise<Kalm>, early?: Promise<EarlyStart>, log?: KalmLog): Kalm {
  let open = false;
  // Rejections are seen by whoever awaits `ready` (main); calls see them through their own await.
  ready.then(() => (open = true), () => undefined);
  return {
    dataDir,
    ...(log ? { log } : {}),
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
      if (!open && early && name === 'reviews.query') {
        const start = await early.catch(() => null);
        const page = start ? await start.answer(input) : null;
        // The contract's output for 'reviews.query' (N is that name here).
        if (page) return page as CallOutput<N>;
      }
      return (await ready).call(name, input);
    },
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
